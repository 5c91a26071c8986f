/**
 * canvas/ holds the painting primitives every view uses: a plane (this file), painting (draw.ts), marks and
 * where they land (marks.ts), cell text, colour scales, the legend, the size budget, on-screen arithmetic
 * (screen.ts) and PNG download. Nothing here knows a trace.
 *
 * One heatmap plane on screen: a canvas with one pixel per cell scaled up pixel-exactly, a layer of cell text
 * drawn once, and a layer of marks redrawn on hover. The stage can reserve a margin of virtual cells around the
 * plane for padding. Mouse events are reported in plane cells; the overlays never take pointer events.
 */
import { planeRGBA, type ColorScale } from "poolscope/wire";
import { MIN_GLYPH_PX } from "./cells.js";
import { drawCellText, drawMarks, hiDpi } from "./draw.js";
import { NO_MARGIN, stageCell, type Margin, type Mark } from "./marks.js";

export interface PlaneSpec {
  /** The plane's own values, row-major h×w (already sampled when the view is reduced). */
  values: ArrayLike<number>;
  h: number;
  w: number;
  scale: ColorScale;
  zoom: number;
  margin?: Margin;
  caption: string;
}

export class Plane {
  readonly node: HTMLElement;
  readonly stage: HTMLElement;
  private marksCanvas: HTMLCanvasElement | null = null;
  private marksCtx: CanvasRenderingContext2D | null = null;
  private readonly margin: Margin;
  private readonly stageSize: [number, number];

  constructor(readonly spec: PlaneSpec) {
    const { h, w, zoom } = spec;
    this.margin = spec.margin ?? NO_MARGIN;
    const m = this.margin;
    const stageW = (w + m.left + m.right) * zoom;
    const stageH = (h + m.top + m.bottom) * zoom;

    this.node = el("figure", "jp-PoolscopeTensor-plane");
    const caption = el("figcaption", "jp-PoolscopeTensor-caption");
    caption.textContent = spec.caption;
    this.stage = el("div", "jp-PoolscopeTensor-stage");
    this.stage.style.width = `${stageW}px`;
    this.stage.style.height = `${stageH}px`;
    // the stage's own geometry, for tests (and anything else) that must find a cell without measuring layout
    Object.assign(this.stage.dataset, {
      zoom: String(zoom),
      marginTop: String(m.top),
      marginLeft: String(m.left),
      rows: String(h),
      cols: String(w),
      marks: "",
    });

    const base = document.createElement("canvas");
    base.className = "jp-PoolscopeTensor-canvas";
    base.width = Math.max(1, w);
    base.height = Math.max(1, h);
    base.style.width = `${w * zoom}px`;
    base.style.height = `${h * zoom}px`;
    base.style.left = `${m.left * zoom}px`;
    base.style.top = `${m.top * zoom}px`;
    const ctx = base.getContext("2d");
    if (ctx && h > 0 && w > 0) {
      const image = planeRGBA(spec.values, 0, h, w, spec.scale);
      ctx.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
    }

    this.stage.append(base);
    // Overlay canvases cover the whole stage: a 1024×1024 plane would get two more megapixel layers to allocate
    // and composite on every paint. The text layer exists only when cells are large enough for text, the marks
    // layer from the first mark on.
    if (zoom >= MIN_GLYPH_PX) {
      const text = el("canvas", "jp-PoolscopeTensor-layer");
      const textCtx = hiDpi(text, stageW, stageH);
      if (textCtx) drawCellText(textCtx, spec.values, h, w, zoom, m, spec.scale);
      this.stage.append(text);
    }
    this.stageSize = [stageW, stageH];
    this.node.append(caption, this.stage);
  }

  /** Replaces the overlay marks. */
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
    if (!ctx) return;
    ctx.clearRect(0, 0, this.stageSize[0], this.stageSize[1]);
    drawMarks(ctx, marks, this.spec.zoom, this.margin);
  }

  /** The plane cell under a mouse event, or null (margin, outside). */
  cellAt(event: MouseEvent): [number, number] | null {
    const r = this.stage.getBoundingClientRect();
    return stageCell(
      event.clientX - r.left,
      event.clientY - r.top,
      this.spec.zoom,
      this.margin,
      this.spec.h,
      this.spec.w,
    );
  }
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
