/**
 * Painting onto canvases: cell text (numbers, NaN/Inf glyphs) and overlay marks. Highlights use a black and a
 * white stroke together so they show on every data colour, in light and dark themes alike.
 */
import { valueColor, type ColorScale } from "poolscope/wire";
import { textColorOn } from "./cells.js";
import { markRect, zoomXY, type Margin, type Mark, type Zoom } from "./marks.js";

/** Most device pixels an overlay canvas takes (64 MB of RGBA): a 224×224 plane at 12 px is 2688 px a side. */
export const MAX_LAYER_PIXELS = 16 * 1024 * 1024;

/**
 * Sizes a canvas for crisp drawing at the device pixel ratio (at most 2, and less where the layer would pass
 * MAX_LAYER_PIXELS) and returns its context in CSS pixels.
 */
export function hiDpi(canvas: HTMLCanvasElement, cssW: number, cssH: number): CanvasRenderingContext2D | null {
  const fits = Math.sqrt(MAX_LAYER_PIXELS / Math.max(1, cssW * cssH));
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1, fits);
  canvas.width = Math.max(1, Math.round(cssW * dpr));
  canvas.height = Math.max(1, Math.round(cssH * dpr));
  canvas.style.width = `${cssW}px`;
  canvas.style.height = `${cssH}px`;
  const ctx = canvas.getContext("2d");
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * Numbers and glyphs inside the cells of a plane (texts[i·w + j], null for none), each in black or white by its
 * cell's colour; `at` maps a plane cell to its drawn cell (a wrapped plane's are elsewhere).
 */
export function drawCellText(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  texts: readonly (string | null)[],
  w: number,
  zoom: Zoom,
  margin: Margin,
  scale: ColorScale,
  font: number,
  at: (i: number, j: number) => [number, number] = (i, j) => [i, j],
): void {
  ctx.font = `${font}px sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k];
    if (text === null) continue;
    const [r, c] = at(Math.floor(k / w), k % w);
    ctx.fillStyle = textColorOn(valueColor(values[k], scale));
    const z = zoomXY(zoom);
    ctx.fillText(text, (c + margin.left + 0.5) * z.x, (r + margin.top + 0.5) * z.y);
  }
}

/** Row-start indices in a wrapped plane's left gutter (`gutter` cells wide), right-aligned. */
export function drawGutter(
  ctx: CanvasRenderingContext2D,
  labels: readonly number[],
  zoom: number,
  margin: Margin,
  ink: string,
): void {
  ctx.font = `${Math.min(12, Math.max(9, zoom - 3))}px sans-serif`;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  ctx.fillStyle = ink;
  labels.forEach((n, r) => ctx.fillText(String(n), margin.left * zoom - 3, (r + margin.top + 0.5) * zoom));
}

function dualStroke(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, dashed = false): void {
  ctx.setLineDash(dashed ? [4, 3] : []);
  ctx.lineWidth = 3;
  ctx.strokeStyle = "#000";
  ctx.strokeRect(x + 1.5, y + 1.5, w - 3, h - 3);
  ctx.lineWidth = 1;
  ctx.strokeStyle = "#fff";
  ctx.strokeRect(x + 1.5, y + 1.5, w - 3, h - 3);
  ctx.setLineDash([]);
}

function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.fillStyle = "rgba(128,128,128,0.35)";
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = "rgba(80,80,80,0.9)";
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let d = -h; d < w; d += 5) {
    ctx.moveTo(x + d, y + h);
    ctx.lineTo(x + d + h, y);
  }
  ctx.stroke();
  ctx.restore();
}

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, w: number, h: number): void {
  ctx.font = `bold ${Math.max(8, Math.min(13, Math.floor(Math.min(w, h) / 3)))}px sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.lineWidth = 3;
  ctx.strokeStyle = "#fff";
  ctx.strokeText(text, x + w / 2, y + h / 2);
  ctx.fillStyle = "#000";
  ctx.fillText(text, x + w / 2, y + h / 2);
}

/** The ring of RoIAlign's sample dots. */
export const SAMPLE_RING = "#ff8c00";

/** A white dot with a black rim, readable on any colour of the map. */
function dot(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number, rim: number): void {
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  ctx.fillStyle = "#fff";
  ctx.fill();
  ctx.lineWidth = rim;
  ctx.strokeStyle = "#000";
  ctx.stroke();
}

export function drawMarks(ctx: CanvasRenderingContext2D, marks: readonly Mark[], zoom: Zoom, margin: Margin): void {
  const side = Math.min(zoomXY(zoom).x, zoomXY(zoom).y);
  for (const m of marks) {
    const { x, y, w, h } = markRect(m, zoom, margin);
    switch (m.style) {
      case "bin":
        ctx.fillStyle = "rgba(0,0,0,0.14)";
        ctx.fillRect(x, y, w, h);
        ctx.lineWidth = 1;
        ctx.strokeStyle = "rgba(255,255,255,0.9)";
        ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
        break;
      case "pad":
      case "uncovered":
        hatch(ctx, x, y, w, h);
        if (m.style === "pad") dualStroke(ctx, x, y, w, h, true);
        break;
      case "argmax": {
        const r = Math.max(2.5, Math.min(w, h) / 7);
        dot(ctx, x + w - r - 2, y + r + 2, r, 1.5);
        break;
      }
      case "sample": {
        // a point, not a cell: centred where the op sampled, a white centre in an orange ring with a black rim, so
        // it is not taken for the argmax's white dot or a cell's outline
        const r = Math.max(3.5, Math.min(7, side / 4));
        const disc = (radius: number, colour: string): void => {
          ctx.beginPath();
          ctx.arc(x, y, radius, 0, 2 * Math.PI);
          ctx.fillStyle = colour;
          ctx.fill();
        };
        disc(r, "#000");
        disc(r - 1, SAMPLE_RING);
        disc(Math.max(1, r * 0.4), "#fff");
        break;
      }
      case "pinned":
        dualStroke(ctx, x - 1, y - 1, w + 2, h + 2, true);
        break;
      case "region":
        dualStroke(ctx, x, y, w, h, true);
        break;
      case "count":
        break;
      default:
        dualStroke(ctx, x, y, w, h, false);
    }
    if (m.text && side >= 12) label(ctx, m.text, x, y, w, h);
  }
}
