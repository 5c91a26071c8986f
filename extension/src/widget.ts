/**
 * The tensor view: a stats line, the tensor as a grid of heatmap planes (one canvas pixel per cell, scaled up
 * pixel-exactly), a colour legend with numbers, and a read-out of the index and value under the mouse.
 * Everything from the payload reaches the page through textContent or canvas pixels, never as HTML, so the
 * view is safe in untrusted notebooks; malformed payloads get a message instead of an exception.
 */
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import {
  cellIndex,
  cellOffset,
  colorAt,
  gridLayout,
  parseTensorPayload,
  planeRGBA,
  scaleFor,
  summaryLine,
  type ColorScale,
  type GridLayout,
} from "poolscope/display";
import { hitCell, legendTicks, planeLabel, readoutText, zoomFor } from "./geometry.js";

export const CLASS_NAME = "jp-PoolscopeTensor";

/** Most planes drawn; past it the grid is cut with a visible notice (stats stay exact). */
const MAX_PLANES = 64;

export class TensorView extends Widget implements IRenderMime.IRenderer {
  constructor(private readonly mimeType: string) {
    super();
    this.addClass(CLASS_NAME);
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    this.node.replaceChildren();
    try {
      this.render(model.data[this.mimeType]);
    } catch (e) {
      // A bug here must not blank the output: say what failed, in text.
      this.showError(`poolscope could not draw this tensor: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private render(raw: unknown): void {
    const parsed = parseTensorPayload(raw);
    if (!parsed.ok) {
      this.showError(`poolscope: cannot show this output: ${parsed.error}`);
      return;
    }
    const { payload, values } = parsed;
    const layout = gridLayout(payload.shape);
    const scale = scaleFor(payload.stats);

    const stats = el("div", "jp-PoolscopeTensor-stats");
    stats.textContent = (payload.title ? `${payload.title}: ` : "") + summaryLine(payload.shape, payload.stats);
    const readout = el("div", "jp-PoolscopeTensor-readout");
    readout.textContent = "hover a cell to read its value";
    this.node.append(stats, this.grid(payload.shape, values, layout, scale, readout), legend(scale), readout);
  }

  private grid(
    shape: number[],
    values: Float32Array,
    layout: GridLayout,
    scale: ColorScale,
    readout: HTMLElement,
  ): HTMLElement {
    const grid = el("div", "jp-PoolscopeTensor-grid");
    const zoom = zoomFor(layout.planeH, layout.planeW);
    grid.style.gridTemplateColumns = `repeat(${Math.max(1, layout.cols)}, max-content)`;
    let drawn = 0;
    for (let r = 0; r < layout.rows; r++) {
      for (let c = 0; c < layout.cols; c++) {
        if (drawn++ >= MAX_PLANES) continue;
        grid.append(this.plane(shape, values, layout, scale, zoom, r, c, readout));
      }
    }
    const total = layout.rows * layout.cols;
    if (total > MAX_PLANES) {
      const notice = el("div", "jp-PoolscopeTensor-notice");
      notice.textContent = `showing ${MAX_PLANES} of ${total} planes; the stats cover all of them`;
      grid.append(notice);
    }
    return grid;
  }

  private plane(
    shape: number[],
    values: Float32Array,
    layout: GridLayout,
    scale: ColorScale,
    zoom: number,
    r: number,
    c: number,
    readout: HTMLElement,
  ): HTMLElement {
    const box = el("figure", "jp-PoolscopeTensor-plane");
    const caption = el("figcaption", "jp-PoolscopeTensor-caption");
    caption.textContent = planeLabel(shape, cellIndex(shape, layout, r, c, 0, 0));
    const canvas = document.createElement("canvas");
    canvas.className = "jp-PoolscopeTensor-canvas";
    canvas.width = Math.max(1, layout.planeW);
    canvas.height = Math.max(1, layout.planeH);
    canvas.style.width = `${layout.planeW * zoom}px`;
    canvas.style.height = `${layout.planeH * zoom}px`;
    const ctx = canvas.getContext("2d");
    if (ctx && layout.planeH > 0 && layout.planeW > 0) {
      const image = planeRGBA(values, cellOffset(layout, r, c, 0, 0), layout.planeH, layout.planeW, scale);
      ctx.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
    }
    const cursor = el("div", "jp-PoolscopeTensor-cursor");
    cursor.style.width = cursor.style.height = `${zoom}px`;
    cursor.hidden = true;
    const stage = el("div", "jp-PoolscopeTensor-stage");
    stage.append(canvas, cursor);
    canvas.addEventListener("mousemove", (event) => {
      const hit = hitCell(event.offsetX, event.offsetY, zoom, layout.planeH, layout.planeW);
      if (!hit) return;
      const [i, j] = hit;
      readout.textContent = readoutText(cellIndex(shape, layout, r, c, i, j), values[cellOffset(layout, r, c, i, j)]);
      cursor.hidden = false;
      cursor.style.left = `${j * zoom}px`;
      cursor.style.top = `${i * zoom}px`;
    });
    canvas.addEventListener("mouseleave", () => {
      cursor.hidden = true;
    });
    box.append(caption, stage);
    return box;
  }

  private showError(message: string): void {
    const box = el("div", "jp-PoolscopeTensor-error");
    box.textContent = message;
    this.node.replaceChildren(box);
  }
}

function legend(scale: ColorScale): HTMLElement {
  const box = el("div", "jp-PoolscopeTensor-legend");
  const bar = document.createElement("canvas");
  bar.className = "jp-PoolscopeTensor-legendBar";
  bar.width = 256;
  bar.height = 1;
  const ctx = bar.getContext("2d");
  if (ctx) {
    const img = new ImageData(256, 1);
    for (let x = 0; x < 256; x++) {
      const [rr, g, b] = colorAt(x / 255, scale.kind);
      img.data.set([rr, g, b, 255], x * 4);
    }
    ctx.putImageData(img, 0, 0);
  }
  const ticks = el("div", "jp-PoolscopeTensor-ticks");
  for (const t of legendTicks(scale.lo, scale.hi)) {
    const tick = el("span", "jp-PoolscopeTensor-tick");
    tick.textContent = t.text;
    tick.style.left = `${t.position * 100}%`;
    ticks.append(tick);
  }
  box.append(bar, ticks);
  return box;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
