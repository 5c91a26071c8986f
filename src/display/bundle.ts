/**
 * A tensor as a Jupyter MIME bundle: the poolscope payload for the JupyterLab renderer, a PNG heatmap for
 * every other front end (GitHub, nbviewer, VS Code, nbconvert), and text: the values as PyTorch prints them
 * and a one-line summary.
 */
import { formatTensor } from "../core/print.js";
import { say } from "../core/messages.js";
import type { Tensor } from "../core/tensor.js";
import { encodeBase64 } from "../wire/base64.js";
import { scaleFor, type ColorScale } from "../wire/colormap.js";
import { gridLayout } from "../wire/grid.js";
import {
  cropPanel,
  CROP_CELLS,
  FIGURE_PX,
  figureImage,
  ruledScales,
  type FigureImage,
  type FigurePanel,
  type FigureScales,
} from "./figure.js";
import { MIN_CELL_PX } from "../wire/planeSize.js";
import { traceFigureMarks } from "./figureMarks.js";
import {
  encodeTensorPayload,
  TENSOR_MIME,
  type PayloadPart,
  type RowItemPart,
  type RowScale,
  type TensorPayload,
} from "../wire/payload.js";
import { rgbPicture } from "../wire/rgb.js";
import { captioned, pictureImage, ROW_GAP, sideBySide, stacked } from "./compose.js";
import type { RgbaImage } from "../wire/heatmap.js";
import type { PoolTrace } from "../wire/traceTypes.js";
import { encodePng } from "./png.js";
import { boundedPart, embedBits, largeTensorText } from "./largeTensor.js";
import { colourRange } from "../wire/reduce.js";
import type { ValueRange } from "../wire/scaleRule.js";

export interface DisplayBundle {
  [TENSOR_MIME]: TensorPayload;
  "image/png": string;
  "text/plain": string;
}

/**
 * What a display hook takes besides the value: `display(x, { title })` in the kernel passes its options on to
 * `x[JUPYTER_DISPLAY](options)`, so a caption reaches the payload and the PNG without the kernel knowing poolscope.
 */
export interface CaptionOptions {
  /** The caption above the view and the PNG (a traced result's default is its op). */
  title?: string;
}

/** Optional parts of a traced pooling result: its input and trace travel in the payload (version 3). */
export interface DisplayExtras {
  input?: Tensor;
  trace?: PoolTrace;
  /** A second traced result shown beside the first (compareSpp). */
  compare?: { input: Tensor; output: Tensor; trace: PoolTrace };
}

export function toDisplayBundle(t: Tensor, title?: string, extras: DisplayExtras = {}): DisplayBundle {
  // past the size budget each tensor travels as a reduced view with exact stats (largeTensor.ts); every part's
  // stats are computed once, here, and handed to the payload, the colour range and the text
  const main = boundedPart(t);
  const input = extras.input && boundedPart(extras.input);
  const compare = extras.compare && {
    input: boundedPart(extras.compare.input),
    output: boundedPart(extras.compare.output),
    trace: extras.compare.trace,
  };
  // then the parts share the bundle's byte budget: exact float32 where it fits, else quantised codes
  const parts = [main, input, compare?.output, compare?.input].filter((p): p is PayloadPart => p !== undefined);
  embedBits(parts.map((p) => p.values.length)).forEach((bits, k) => {
    if (bits !== undefined) parts[k].bits = bits;
  });
  const payload = encodeTensorPayload(main.shape, main.values, title, {
    input,
    trace: extras.trace,
    compare,
    stats: main.stats,
    reduced: main.reduced,
    bits: main.bits,
  });
  // a traced result is drawn as the renderer shows it: input beside output, on one scale; marks are in the
  // tensors' own cells, so they are left out when either side is a reduced view. The PNG is drawn from the
  // exact values, whatever the payload carries.
  const marksFor = (trace: PoolTrace | undefined, a: PayloadPart, b: PayloadPart) =>
    trace && !a.reduced && !b.reduced ? traceFigureMarks(trace) : { input: [], output: [] };
  const panels: FigurePanel[] = [
    { label: input ? say("panelOutput") : "", values: main.values, layout: gridLayout(main.shape) },
  ];
  // colours span what is drawn: exact stats, or a reduced view's block means (colourRange says why)
  let range = colourRange(main.values, main.stats!, main.reduced);
  if (input) {
    const marks = marksFor(extras.trace, input, main);
    panels[0].marks = marks.output;
    panels.unshift({
      label: say("panelInput"),
      values: input.values,
      layout: gridLayout(input.shape),
      marks: marks.input,
    });
    range = widen(range, colourRange(input.values, input.stats!, input.reduced));
  }
  // a plain tensor's text reads as PyTorch prints it, then the summary line; a traced result keeps its summary
  let text = largeTensorText(main);
  if (!input && !compare) text = `${formatTensor(t)}\n${text}`;
  if (compare) {
    // the two results one after the other, numbered, on one scale
    panels[0].label = say("panelInputK", { k: 1 });
    panels[1].label = say("panelOutputK", { k: 1 });
    const marks = marksFor(compare.trace, compare.input, compare.output);
    panels.push(
      {
        label: say("panelInputK", { k: 2 }),
        values: compare.input.values,
        layout: gridLayout(compare.input.shape),
        marks: marks.input,
      },
      {
        label: say("panelOutputK", { k: 2 }),
        values: compare.output.values,
        layout: gridLayout(compare.output.shape),
        marks: marks.output,
      },
    );
    range = widen(
      widen(range, colourRange(compare.input.values, compare.input.stats!, compare.input.reduced)),
      colourRange(compare.output.values, compare.output.stats!, compare.output.reduced),
    );
    text = `1: ${text}\n2: ${largeTensorText(compare.output)}`;
  }
  // a comparison is drawn on one scale, as the renderer draws it; the rest by the scale rule where it applies
  const own = colourRange(main.values, main.stats!, main.reduced);
  let image = compare
    ? compared(panels, scaleFor(range))
    : ruledFigure(panels, input ? [colourRange(input.values, input.stats!, input.reduced), own] : [own], extras.trace);
  const picture = !input && !compare ? rgbPicture(main.shape, main.stats!) : null;
  if (picture) image = pictureImage(main.values, picture);
  image = captioned(image, title ?? "");
  return {
    [TENSOR_MIME]: payload,
    "image/png": encodeBase64(encodePng(image)),
    "text/plain": text,
  };
}

/** One result of a `show` row: a tensor, or a traced result's output with its input and trace. */
export interface DisplayItem {
  output: Tensor;
  title?: string;
  input?: Tensor;
  trace?: PoolTrace;
}

/**
 * Several results in one row (`show`): the payload of the first with the others in its `row`, a PNG with the
 * items side by side, each under its title (on one scale with one colour bar when `scale` is "shared"), and a
 * text line per item.
 */
export function toRowBundle(items: readonly DisplayItem[], scale: RowScale): DisplayBundle {
  const parts = items.map((it) => ({
    title: it.title,
    output: boundedPart(it.output),
    input: it.input && boundedPart(it.input),
    trace: it.trace,
  }));
  // the row shares one byte budget, as a traced result's parts do
  const all = parts.flatMap((p) => (p.input ? [p.output, p.input] : [p.output]));
  embedBits(all.map((p) => p.values.length)).forEach((bits, k) => {
    if (bits !== undefined) all[k].bits = bits;
  });
  const [first, ...rest] = parts;
  const payload = encodeTensorPayload(first.output.shape, first.output.values, first.title, {
    input: first.input,
    trace: first.trace,
    stats: first.output.stats,
    reduced: first.output.reduced,
    bits: first.output.bits,
    row: {
      scale,
      items: rest.map((p): RowItemPart => {
        const item: RowItemPart = { ...p.output };
        if (p.title !== undefined) item.title = p.title;
        if (p.input) item.input = p.input;
        if (p.trace) item.trace = p.trace;
        return item;
      }),
    },
  });
  const figures = parts.map((p) => {
    const marks =
      p.trace && p.input && !p.input.reduced && !p.output.reduced
        ? traceFigureMarks(p.trace)
        : { input: [], output: [] };
    const panels: FigurePanel[] = [
      {
        label: p.input ? say("panelOutput") : "",
        values: p.output.values,
        layout: gridLayout(p.output.shape),
        marks: marks.output,
      },
    ];
    let range = colourRange(p.output.values, p.output.stats!, p.output.reduced);
    const ranges = [range];
    if (p.input) {
      panels.unshift({
        label: say("panelInput"),
        values: p.input.values,
        layout: gridLayout(p.input.shape),
        marks: marks.input,
      });
      ranges.unshift(colourRange(p.input.values, p.input.stats!, p.input.reduced));
      range = widen(range, ranges[0]);
    }
    const picture = p.input ? null : rgbPicture(p.output.shape, p.output.stats!);
    return { title: p.title ?? "", panels, range, ranges, picture, values: p.output.values, trace: p.trace };
  });
  let image: RgbaImage;
  const pictures = figures.some((f) => f.picture);
  if (scale === "shared" && !pictures) {
    // one figure: every panel on the row's one scale above one colour bar, each labelled with its item's title
    const panels = figures.flatMap((f, k) =>
      f.panels.map((pn, q) => ({ ...pn, label: q === 0 ? rowLabel(k, f.title, pn.label) : pn.label })),
    );
    const shared = scaleFor(figures.map((f) => f.range).reduce(widen));
    const row = figureImage(panels, shared);
    // a row that would draw cells below the size rule or crop its planes to a few cells: each item on its own
    // line of the figure instead, on the same scale (a bar under each), at the whole width
    image =
      figures.length > 1 && cramped(row)
        ? stacked(figures.map((f, k) => captioned(itemFigure(f.panels, shared), rowLabel(k, f.title, ""))))
        : row;
  } else {
    // each item its own figure: on its own scale, or on the shared one (a colour picture has no scale to share)
    const shared = scaleFor(figures.map((f) => f.range).reduce(widen));
    image = rowOrColumn(
      figures.map((f, k) =>
        captioned(
          f.picture
            ? pictureImage(f.values, f.picture)
            : scale === "shared"
              ? itemFigure(f.panels, shared)
              : ruledFigure(f.panels, f.ranges, f.trace),
          rowLabel(k, f.title, ""),
        ),
      ),
    );
  }
  const text = [
    say(scale === "shared" ? "showShared" : "showEach", { count: items.length }),
    ...parts.map((p, k) => `${rowLabel(k, p.title ?? "", "")}  ${largeTensorText(p.output).replace(/\n/g, "\n    ")}`),
  ].join("\n");
  return {
    [TENSOR_MIME]: payload,
    "image/png": encodeBase64(encodePng(image)),
    "text/plain": text,
  };
}

/**
 * A result's figure (its panels, each panel's colour range) on the scales its renderer view would pick: by the
 * scale rule where the view lets the data choose (a plain tensor, 1-d and 2-d windows, RoI, unpooling), the
 * strip pooling module's input and fused map each by their own (the view gives them separate scales, so they
 * are two figures with a bar each), and one shared scale where the view draws one (SPP, 3-d windows).
 */
function ruledFigure(panels: readonly FigurePanel[], ranges: readonly ValueRange[], trace?: PoolTrace): RgbaImage {
  const shared = scaleFor(ranges.reduce(widen));
  if (trace?.kind === "stripFusion" && panels.length === 2) {
    // the two halves share the figure's width budget, or, when that would cramp them, one under the other
    const own = (p: FigurePanel, k: number, px: number) => figureImage([p], ruledScales([p], scaleFor(ranges[k])), px);
    const halves = panels.map((p, k) => own(p, k, (FIGURE_PX - ROW_GAP) / 2));
    return halves.some(cramped) ? stacked(panels.map((p, k) => own(p, k, FIGURE_PX))) : sideBySide(halves);
  }
  const ruled = !trace || (trace.kind === "window" ? trace.axes.length <= 2 : trace.kind !== "spp");
  return itemFigure(panels, ruled ? ruledScales(panels, shared) : shared);
}

/**
 * One result's figure; a 1×W strip (a vertical strip pool's output) drawn under its map rather than beside it,
 * at the map's cell size and cropped to the map's columns, so each strip cell stands under the column it pools
 * (beside the map it would wrap into rows of 32 and line up with nothing).
 */
function itemFigure(panels: readonly FigurePanel[], scales: FigureScales): RgbaImage {
  const [map, strip] = panels;
  const under =
    panels.length === 2 &&
    strip.layout.planeH === 1 &&
    map.layout.planeH > 1 &&
    strip.layout.planeW === map.layout.planeW &&
    strip.layout.rows === map.layout.rows &&
    strip.layout.cols === map.layout.cols;
  if (!under) return figureImage(panels, scales);
  const top = figureImage([map], scales);
  // the strip cut as the map is (the same window columns mark both, so the same columns are kept)
  const cut = cropPanel(strip);
  const shown = (note?: string): string => /cols \S+/.exec(note ?? "")?.[0] ?? "";
  const below = figureImage([cut], scales);
  const sameCols = shown(cut.note) === shown(cropPanel(map).note);
  if (!sameCols || below.cellPx !== top.cellPx || top.cropCells !== (cut === strip ? null : CROP_CELLS))
    return figureImage(panels, scales);
  return stacked([top, below]);
}

/**
 * Two results compared on one scale: their four panels in a row, or, when that would cramp them, each result's
 * input and output on a line of its own.
 */
function compared(panels: readonly FigurePanel[], scale: ColorScale): RgbaImage {
  const row = figureImage(panels, scale);
  return cramped(row) ? stacked([figureImage(panels.slice(0, 2), scale), figureImage(panels.slice(2), scale)]) : row;
}

/** Fewest cells a side a crop keeps in a row before its items go one under the other (a window and its context). */
export const ROW_MIN_CROP = 24;

/** A figure whose cells are below the size rule, or whose crops show fewer than ROW_MIN_CROP cells a side. */
function cramped(im: FigureImage): boolean {
  return im.cellPx < MIN_CELL_PX || (im.cropCells !== null && im.cropCells < ROW_MIN_CROP);
}

/**
 * A row's figures side by side when they fit the width budget (a notebook scales a wider PNG down, and its
 * cells with it), else one under the other.
 */
function rowOrColumn(images: readonly RgbaImage[]): RgbaImage {
  const width = images.reduce((w, im) => w + im.width, 0) + ROW_GAP * Math.max(0, images.length - 1);
  return images.length > 1 && width > FIGURE_PX ? stacked(images) : sideBySide(images);
}

/**
 * "1 title" (and the panel's own label after it): the number says the row's order where titles repeat.
 */
function rowLabel(k: number, title: string, label: string): string {
  return [`${k + 1}`, title, label].filter((s) => s).join(" ");
}

function widen(
  a: { min: number | null; max: number | null },
  b: { min: number | null; max: number | null },
): { min: number | null; max: number | null } {
  const pick = (x: number | null, y: number | null, f: (p: number, q: number) => number): number | null =>
    x === null ? y : y === null ? x : f(x, y);
  return { min: pick(a.min, b.min, Math.min), max: pick(a.max, b.max, Math.max) };
}
