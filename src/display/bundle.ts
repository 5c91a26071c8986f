/**
 * A tensor as a Jupyter MIME bundle: the poolscope payload for the JupyterLab renderer, a PNG heatmap for
 * every other front end (GitHub, nbviewer, VS Code, nbconvert), and text: the values as PyTorch prints them
 * and a one-line summary.
 */
import { formatTensor } from "../core/print.js";
import { say } from "../core/messages.js";
import type { Tensor } from "../core/tensor.js";
import { encodeBase64 } from "../wire/base64.js";
import { scaleFor } from "../wire/colormap.js";
import { gridLayout } from "../wire/grid.js";
import { figureImage, ruledScales, type FigurePanel } from "./figure.js";
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
import { captioned, pictureImage, sideBySide } from "./compose.js";
import type { RgbaImage } from "../wire/heatmap.js";
import type { PoolTrace } from "../wire/traceTypes.js";
import { encodePng } from "./png.js";
import { boundedPart, embedBits, largeTensorText } from "./largeTensor.js";
import { colourRange } from "../wire/reduce.js";

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
  // the scale rule where the renderer's view applies it (a plain tensor, 1-d and 2-d windows, RoI, strips,
  // unpooling); SPP, 3-d windows and comparisons are drawn on one scale there, so here too
  const shared = scaleFor(range);
  let image = figureImage(panels, !compare && ruledTrace(extras.trace) ? ruledScales(panels, shared) : shared);
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
    if (p.input) {
      panels.unshift({
        label: say("panelInput"),
        values: p.input.values,
        layout: gridLayout(p.input.shape),
        marks: marks.input,
      });
      range = widen(range, colourRange(p.input.values, p.input.stats!, p.input.reduced));
    }
    const picture = p.input ? null : rgbPicture(p.output.shape, p.output.stats!);
    return { title: p.title ?? "", panels, range, picture, values: p.output.values, ruled: ruledTrace(p.trace) };
  });
  let image: RgbaImage;
  const pictures = figures.some((f) => f.picture);
  if (scale === "shared" && !pictures) {
    // one figure: every panel on the row's one scale above one colour bar, each labelled with its item's title
    const panels = figures.flatMap((f, k) =>
      f.panels.map((pn, q) => ({ ...pn, label: q === 0 ? rowLabel(k, f.title, pn.label) : pn.label })),
    );
    image = figureImage(panels, scaleFor(figures.map((f) => f.range).reduce(widen)));
  } else {
    // each item its own figure: on its own scale, or on the shared one (a colour picture has no scale to share)
    const shared = scaleFor(figures.map((f) => f.range).reduce(widen));
    image = sideBySide(
      figures.map((f, k) =>
        captioned(
          f.picture
            ? pictureImage(f.values, f.picture)
            : figureImage(
                f.panels,
                scale === "shared" ? shared : f.ruled ? ruledScales(f.panels, scaleFor(f.range)) : scaleFor(f.range),
              ),
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

/** Whether the renderer's view of this result lets the data choose its scale (its view draws scalesFor "auto"). */
function ruledTrace(trace: PoolTrace | undefined): boolean {
  if (!trace) return true;
  if (trace.kind === "window") return trace.axes.length <= 2;
  return trace.kind === "roi" || trace.kind === "stripFusion" || trace.kind === "unpool";
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
