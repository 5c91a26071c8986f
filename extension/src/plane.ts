/**
 * One heatmap plane on screen: a canvas with one pixel per cell scaled up pixel-exactly, a layer of cell text
 * drawn once, and a layer of marks redrawn on hover. The stage can reserve a margin of virtual cells around the
 * plane for padding. Mouse events are reported in plane cells; the overlays never take pointer events.
 */
import { planeRGBA, type ColorScale } from "poolscope/display";
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
  private readonly marksCanvas: HTMLCanvasElement;
  private readonly margin: Margin;
  private marksCtx: CanvasRenderingContext2D | null;

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

    const text = el("canvas", "jp-PoolscopeTensor-layer");
    const textCtx = hiDpi(text, stageW, stageH);
    if (textCtx) drawCellText(textCtx, spec.values, h, w, zoom, m, spec.scale);
    this.marksCanvas = el("canvas", "jp-PoolscopeTensor-layer jp-PoolscopeTensor-marks");
    this.marksCtx = hiDpi(this.marksCanvas, stageW, stageH);

    this.stage.append(base, text, this.marksCanvas);
    this.node.append(caption, this.stage);
  }

  /** Replaces the overlay marks. */
  setMarks(marks: readonly Mark[]): void {
    const ctx = this.marksCtx;
    if (!ctx) return;
    ctx.clearRect(0, 0, this.marksCanvas.width, this.marksCanvas.height);
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

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
