/**
 * canvas/ holds the painting primitives every view uses: a plane (this file), painting (draw.ts), marks and
 * where they land (marks.ts), cell text, colour scales, the legend, the size budget, on-screen arithmetic
 * (screen.ts), wrapping long planes (wrap.ts) and PNG download. Nothing here knows a trace.
 *
 * One heatmap plane on screen: a canvas with one pixel per cell scaled up pixel-exactly, a layer of cell text
 * drawn once, and a layer of marks redrawn on hover. The stage can reserve a margin of virtual cells around the
 * plane for padding. Mouse events are reported in plane cells; the overlays never take pointer events. A plane
 * too large to show whole at MIN_CELL_PX (an 89×89 image) keeps its cells at that size in a scrolling frame of
 * MAX_PLANE_PX a side, which scrolls the marks of a hover elsewhere (the window of a hovered output) into view.
 */
import {
  MIN_CELL_PX,
  planeRGBA,
  unwrappedCell,
  wrapFor,
  wrapLabels,
  wrappedCell,
  wrapValues,
  type ColorScale,
  type Wrap,
} from "poolscope/wire";
import { planeLabels } from "./cells.js";
import { drawCellText, drawGutter, drawMarks, hiDpi } from "./draw.js";
import { markRect, NO_MARGIN, stageCell, type Margin, type Mark, type MarkStyle } from "./marks.js";
import { framedSize, revealScroll, type Box } from "./screen.js";
import { wrapMarks } from "./wrap.js";

export interface PlaneSpec {
  /** The plane's own values, row-major h×w (already sampled when the view is reduced). */
  values: ArrayLike<number>;
  h: number;
  w: number;
  scale: ColorScale;
  zoom: number;
  margin?: Margin;
  caption: string;
  /** The "numbers" toggle: cells grow until every number fits. */
  numbers?: boolean;
  /**
   * A plane too long for MIN_CELL_PX cells (a vector) wraps into rows (canvas/wrap.ts), its cells at least
   * MIN_CELL_PX; off for planes whose columns must line up with another's (strips beside their map).
   */
  wrap?: boolean;
  /**
   * Cell width or height in CSS pixels when it differs from `zoom`: a strip (H×1 row means beside its map) keeps
   * the map's row height and is widened across, so it is no thin line.
   */
  cellW?: number;
  cellH?: number;
  /** Which legend shows this plane's range on hover (data-group of legend and stage); "main" by default. */
  group?: string;
}

export class Plane {
  readonly node: HTMLElement;
  readonly stage: HTMLElement;
  /** Cell side drawn, in CSS pixels: spec.zoom, or larger when the numbers toggle needed it. */
  readonly zoom: number;
  /** Cell width and height drawn (a widened strip's differ). */
  readonly cell: { x: number; y: number };
  private marksCanvas: HTMLCanvasElement | null = null;
  private marksCtx: CanvasRenderingContext2D | null = null;
  private readonly margin: Margin;
  private readonly wrap: Wrap | null;
  private readonly stageSize: [number, number];
  /** The scrolling frame around a stage larger than MAX_PLANE_PX, else null. */
  readonly frame: HTMLElement | null = null;
  /** The pointer is over this plane: its frame then never scrolls under it. */
  private pointerIn = false;

  constructor(readonly spec: PlaneSpec) {
    const { h, w } = spec;
    // a long plane (a vector) wraps into rows of WRAP_COLS with a gutter for each row's first index
    this.wrap = spec.wrap && !spec.margin ? wrapFor(h, w) : null;
    const wrap = this.wrap;
    const px = Math.min(
      wrap ? Math.max(spec.zoom, MIN_CELL_PX) : spec.zoom,
      spec.cellW ?? Infinity,
      spec.cellH ?? Infinity,
    );
    const asked = planeLabels(spec.values, px);
    const labels = spec.numbers && asked.numbers === "none" ? planeLabels(spec.values, px, true) : asked;
    const zoom = labels.px;
    this.zoom = zoom;
    // the numbers toggle grows every side alike; a widened side stays at least as wide as asked
    const cell = { x: Math.max(zoom, spec.cellW ?? 0), y: Math.max(zoom, spec.cellH ?? 0) };
    this.cell = cell;
    const gutter = wrap ? Math.ceil(32 / zoom) : 0;
    this.margin = spec.margin ?? (wrap ? { ...NO_MARGIN, left: gutter } : NO_MARGIN);
    const m = this.margin;
    const [dh, dw] = wrap ? [h * wrap.rowsPer, wrap.cols] : [h, w];
    const stageW = (dw + m.left + m.right) * cell.x;
    const stageH = (dh + m.top + m.bottom) * cell.y;

    this.node = el("figure", "jp-PoolscopeTensor-plane");
    const caption = el("figcaption", "jp-PoolscopeTensor-caption");
    caption.textContent = spec.caption;
    this.stage = el("div", "jp-PoolscopeTensor-stage");
    this.stage.style.width = `${stageW}px`;
    this.stage.style.height = `${stageH}px`;
    // the stage's own geometry and what it drew, for tests (and anything else) that must find a cell or wait
    // for a state without measuring layout
    Object.assign(this.stage.dataset, {
      zoom: String(zoom),
      zoomX: String(cell.x),
      zoomY: String(cell.y),
      marginTop: String(m.top),
      marginLeft: String(m.left),
      rows: String(h),
      cols: String(w),
      wrap: wrap ? String(wrap.cols) : "",
      labels: labels.numbers,
      scaleLo: String(spec.scale.lo),
      scaleHi: String(spec.scale.hi),
      scaleKind: spec.scale.kind,
      group: spec.group ?? "main",
      marks: "",
    });

    const base = document.createElement("canvas");
    base.className = "jp-PoolscopeTensor-canvas";
    base.width = Math.max(1, dw);
    base.height = Math.max(1, dh);
    base.style.width = `${dw * cell.x}px`;
    base.style.height = `${dh * cell.y}px`;
    base.style.left = `${m.left * cell.x}px`;
    base.style.top = `${m.top * cell.y}px`;
    const ctx = base.getContext("2d");
    if (ctx && h > 0 && w > 0) {
      const image = wrap ? wrappedImage(spec, wrap) : planeRGBA(spec.values, 0, h, w, spec.scale);
      ctx.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
    }

    this.stage.append(base);
    // Overlay canvases cover the whole stage: a 1024×1024 plane would get two more megapixel layers to allocate
    // and composite on every paint. The text layer exists only when there is text, the marks layer from the
    // first mark on.
    const at = wrap ? (i: number, j: number) => wrappedCell(wrap, i, j) : undefined;
    if (wrap || labels.texts.some((t) => t !== null)) {
      const text = el("canvas", "jp-PoolscopeTensor-layer");
      const textCtx = hiDpi(text, stageW, stageH);
      if (textCtx) {
        drawCellText(textCtx, spec.values, labels.texts, w, cell, m, spec.scale, labels.font, at);
        if (wrap) drawGutter(textCtx, wrapLabels(wrap, h), zoom, m, inkColour());
      }
      this.stage.append(text);
    }
    this.stageSize = [stageW, stageH];
    const box = wrap ? null : framedSize(stageW, stageH);
    if (box) {
      // inline, not the stylesheet: the frame's size is the size rule's arithmetic (canvas/screen.ts)
      const frame = el("div", "jp-PoolscopeTensor-frame");
      // (on a narrow notebook it shrinks, min-width 0 letting its figure give way, rather than push the output
      // beside it out of view)
      Object.assign(frame.style, { width: `${box.w}px`, maxWidth: "100%", height: `${box.h}px`, overflow: "auto" });
      Object.assign(this.node.style, { minWidth: "0", flexShrink: "1" });
      frame.append(this.stage);
      frame.addEventListener("mouseenter", () => (this.pointerIn = true));
      // capture: set before the stage's own mousemove redraws the marks (after a key, the first move holds still)
      frame.addEventListener("mousemove", () => (this.pointerIn = true), { capture: true });
      frame.addEventListener("mouseleave", () => (this.pointerIn = false));
      this.frame = frame;
      this.stage.dataset.framed = "true";
    }
    this.node.append(caption, this.frame ?? this.stage);
  }

  /** Replaces the overlay marks (in plane cells; a wrapped plane draws each on the rows it reaches). */
  setMarks(marks: readonly Mark[]): void {
    // what is drawn, as state a test can wait for before it reads pixels
    this.stage.dataset.marks = marksSummary(marks);
    if (!this.marksCanvas) {
      if (marks.length === 0) return;
      this.marksCanvas = el("canvas", "jp-PoolscopeTensor-layer jp-PoolscopeTensor-marks");
      this.marksCtx = hiDpi(this.marksCanvas, ...this.stageSize);
      this.stage.append(this.marksCanvas);
    }
    const ctx = this.marksCtx;
    if (ctx) {
      ctx.clearRect(0, 0, this.stageSize[0], this.stageSize[1]);
      drawMarks(ctx, this.wrap ? wrapMarks(this.wrap, marks) : marks, this.cell, this.margin);
    }
    this.reveal(marks);
  }

  /**
   * Scrolls a framed plane so the lit cells (a window, an argmax, linked outputs, the pin: not the boxes and bin
   * grids always drawn) are in view, unless the pointer is on this plane (its content must not move under it).
   * data-lit says which cells were revealed ("i0,j0,i1,j1", end exclusive), for tests to measure against the frame.
   */
  private reveal(marks: readonly Mark[]): void {
    const frame = this.frame;
    if (!frame) return;
    const lit = marks.filter((m) => !BACKDROP.has(m.style));
    if (lit.length === 0) {
      this.stage.dataset.lit = "";
      return;
    }
    const i0 = Math.min(...lit.map((m) => m.i));
    const j0 = Math.min(...lit.map((m) => m.j));
    const i1 = Math.max(...lit.map((m) => m.i + Math.max(1, m.h ?? 1)));
    const j1 = Math.max(...lit.map((m) => m.j + Math.max(1, m.w ?? 1)));
    if (!this.pointerIn && frame.clientWidth > 0) {
      const target: Box = markRect({ i: i0, j: j0, h: i1 - i0, w: j1 - j0, style: "window" }, this.cell, this.margin);
      const view: Box = { x: frame.scrollLeft, y: frame.scrollTop, w: frame.clientWidth, h: frame.clientHeight };
      const to = revealScroll(target, view);
      frame.scrollLeft = to.left;
      frame.scrollTop = to.top;
    }
    this.stage.dataset.lit = `${i0},${j0},${i1},${j1}`;
  }

  /**
   * The reader moves the pin with the keys: the lit cells may be scrolled into view though the pointer rests on
   * this plane, until the pointer moves again (then what is under it must hold still once more).
   */
  followKeys(): void {
    this.pointerIn = false;
  }

  /** The plane cell under a mouse event, or null (margin, outside, a wrapped plane's unused cells). */
  cellAt(event: MouseEvent): [number, number] | null {
    const r = this.stage.getBoundingClientRect();
    const wrap = this.wrap;
    const [dh, dw] = wrap ? [this.spec.h * wrap.rowsPer, wrap.cols] : [this.spec.h, this.spec.w];
    const cell = stageCell(event.clientX - r.left, event.clientY - r.top, this.cell, this.margin, dh, dw);
    return cell && wrap ? unwrappedCell(wrap, this.spec.w, cell[0], cell[1]) : cell;
  }
}

/** Marks that stay while nothing is hovered (RoI boxes, SPP bins, the coverage view): never scrolled to. */
const BACKDROP: ReadonlySet<MarkStyle> = new Set<MarkStyle>(["bin", "region", "uncovered", "count"]);

/** A wrapped plane's pixels: its values laid out row after row of wrap.cols, the cells after the last clear. */
function wrappedImage(spec: PlaneSpec, wrap: Wrap): ReturnType<typeof planeRGBA> {
  const { values, used } = wrapValues(spec.values, spec.h, spec.w, wrap);
  const image = planeRGBA(values, 0, spec.h * wrap.rowsPer, wrap.cols, spec.scale);
  for (let k = 0; k < used.length; k++) if (!used[k]) image.data[k * 4 + 3] = 0;
  return image;
}

/** The theme's text colour (the gutter is chrome, not data). */
function inkColour(): string {
  const v = getComputedStyle(document.body).getPropertyValue("--jp-content-font-color2").trim();
  return v || "#666";
}

/** "argmax:1 window:9": how many marks of each style, by style name. */
function marksSummary(marks: readonly Mark[]): string {
  const counts = new Map<string, number>();
  for (const m of marks) counts.set(m.style, (counts.get(m.style) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([style, n]) => `${style}:${n}`)
    .join(" ");
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
