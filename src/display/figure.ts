/**
 * The PNG fallback's figure: the tensor's planes (or, for a traced pooling result, its input and output side
 * by side on one scale, as the renderer shows them) above a colour bar whose ends and middle are labelled with
 * numbers. GitHub, nbviewer, VS Code and nbconvert show this picture where the poolscope renderer is absent.
 */
import { drawText, TEXT_HEIGHT, textWidth } from "./bitmapFont.js";
import { colorAt, valueColor, type ColorScale, type Rgb } from "../wire/colormap.js";
import type { GridLayout } from "../wire/grid.js";
import type { FigureMark } from "./figureMarks.js";
import { cellsRect, gridGeometry, type GridImageOptions, type RgbaImage } from "../wire/heatmap.js";
import { formatNumber } from "../wire/stats.js";

export interface FigurePanel {
  /** Caption above the panel, from the font's small alphabet (e.g. "input", "output"); may be empty. */
  label: string;
  values: ArrayLike<number>;
  layout: GridLayout;
  /** Outlines and dots over the panel (a traced result's window and argmax), in plane cells. */
  marks?: readonly FigureMark[];
}

const INK: [number, number, number] = [60, 60, 60];
const GAP = 8;
const FONT = 2;
/**
 * Colours of the heatmap and the bar: the scale in this many steps (invisible next to the 9-point colour map's
 * own interpolation), so that with the few fixed colours the figure has at most 256 and png.ts can write it with
 * a palette, a byte a pixel: a fallback picture of random 2^20 values went from 2.4 MB to a fraction of that.
 */
export const FIGURE_LEVELS = 240;
/** Largest plot area in pixels: past it the figure is drawn smaller (the PNG is a fallback, not the data). */
export const MAX_FIGURE_PIXELS = 2 ** 16;

export function figureImage(panels: readonly FigurePanel[], scale: ColorScale, maxPx = 1024): RgbaImage {
  const optionsFor = (px: number): GridImageOptions => ({
    legendHeight: 0,
    gap: 4,
    maxPx: Math.floor(px / Math.max(1, panels.length)),
  });
  let options = optionsFor(maxPx);
  const area = (o: GridImageOptions): number => {
    const g = panels.map((p) => gridGeometry(p.layout, o));
    return g.reduce((w, x) => w + x.width, 0) * Math.max(...g.map((x) => x.height));
  };
  const a = area(options);
  if (a > MAX_FIGURE_PIXELS) options = optionsFor(Math.max(64, Math.floor(maxPx * Math.sqrt(MAX_FIGURE_PIXELS / a))));
  const lut = levelColours(scale);
  const images = panels.map((p) => drawGrid(p.values, p.layout, scale, lut, options));
  const labelH = panels.some((p) => p.label) ? TEXT_HEIGHT * FONT + 4 : 0;
  const barH = 12;
  const tickH = TEXT_HEIGHT * FONT + 4;
  const width = Math.max(160, images.reduce((w, im) => w + im.width, 0) + GAP * (images.length - 1));
  const plotsH = Math.max(...images.map((im) => im.height));
  const height = labelH + plotsH + 4 + barH + tickH;
  const out: RgbaImage = { width, height, data: new Uint8ClampedArray(width * height * 4).fill(255) };

  let x0 = 0;
  images.forEach((im, k) => {
    if (panels[k].label) drawText(out, x0 + 4, 2, panels[k].label, FONT, INK);
    blit(out, im, x0, labelH);
    const geom = gridGeometry(panels[k].layout, options);
    for (const m of panels[k].marks ?? []) {
      const r = cellsRect(panels[k].layout, geom, m.plane, m.i, m.j, m.h, m.w);
      if (r) drawMark(out, x0 + r.x0, labelH + r.y0, x0 + r.x1, labelH + r.y1, m.kind);
    }
    x0 += im.width + GAP;
  });

  const barX = 4;
  const barW = width - 8;
  const barY = labelH + plotsH + 4;
  for (let x = 0; x < barW; x++) {
    const [r, g, b] = lut[Math.floor((barW > 1 ? x / (barW - 1) : 0) * (FIGURE_LEVELS - 1) + 0.5)];
    for (let y = 0; y < barH; y++) {
      const k = ((barY + y) * width + barX + x) * 4;
      out.data[k] = r;
      out.data[k + 1] = g;
      out.data[k + 2] = b;
    }
  }
  const ticks = [0, 0.5, 1].map((t) => ({ t, text: formatNumber(scale.lo + (scale.hi - scale.lo) * t) }));
  for (const { t, text } of ticks) {
    const w = textWidth(text, FONT);
    const x = Math.round(Math.min(Math.max(barX + t * barW - w / 2, barX), barX + barW - w));
    drawText(out, x, barY + barH + 3, text, FONT, INK);
  }
  return out;
}

/**
 * An outline (black, with a white line inside it, visible on every colour) around [x0, x1) × [y0, y1), or for
 * "argmax" a white dot with a black ring in the cell's middle.
 */
export function drawMark(
  im: RgbaImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  kind: FigureMark["kind"],
): void {
  const set = (x: number, y: number, v: number): void => {
    if (x < 0 || y < 0 || x >= im.width || y >= im.height) return;
    const k = (y * im.width + x) * 4;
    im.data[k] = v;
    im.data[k + 1] = v;
    im.data[k + 2] = v;
    im.data[k + 3] = 255;
  };
  const frame = (a: number, b: number, c: number, d: number, v: number): void => {
    if (c <= a || d <= b) return;
    for (let x = a; x < c; x++) {
      set(x, b, v);
      set(x, d - 1, v);
    }
    for (let y = b; y < d; y++) {
      set(a, y, v);
      set(c - 1, y, v);
    }
  };
  if (kind === "argmax") {
    const cx = (x0 + x1 - 1) / 2;
    const cy = (y0 + y1 - 1) / 2;
    const r = Math.max(1.5, Math.min(x1 - x0, y1 - y0) / 4);
    for (let y = Math.floor(cy - r - 1); y <= Math.ceil(cy + r + 1); y++) {
      for (let x = Math.floor(cx - r - 1); x <= Math.ceil(cx + r + 1); x++) {
        const d = Math.hypot(x - cx, y - cy);
        if (d <= r) set(x, y, 255);
        else if (d <= r + 1) set(x, y, 0);
      }
    }
    return;
  }
  // the outline sits on the cells' own edge pixels, so it never covers a neighbour
  frame(x0, y0, x1, y1, 0);
  frame(x0 + 1, y0 + 1, x1 - 1, y1 - 1, kind === "cell" ? 0 : 255);
}

/** The colour of each of FIGURE_LEVELS steps from scale.lo to scale.hi. */
function levelColours(scale: ColorScale): Rgb[] {
  return Array.from({ length: FIGURE_LEVELS }, (_, k) => colorAt(k / (FIGURE_LEVELS - 1), scale.kind));
}

/**
 * All planes on a grid as gridImage lays them out (the same geometry and nearest-neighbour sampling, so marks
 * from cellsRect land on their cells), each value in the colour of its nearest step.
 */
function drawGrid(
  values: ArrayLike<number>,
  layout: GridLayout,
  scale: ColorScale,
  lut: readonly Rgb[],
  o: GridImageOptions,
): RgbaImage {
  const { gap, pw, ph, width, height } = gridGeometry(layout, o);
  const { rows, cols, planeH, planeW } = layout;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const span = scale.hi - scale.lo;
  const top = FIGURE_LEVELS - 1;
  const rowOf = Int32Array.from({ length: ph }, (_, y) => Math.min(planeH - 1, Math.floor((y * planeH) / ph)));
  const colOf = Int32Array.from({ length: pw }, (_, x) => Math.min(planeW - 1, Math.floor((x * planeW) / pw)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const base = (r * cols + c) * planeH * planeW;
      const x0 = gap + c * (pw + gap);
      const y0 = gap + r * (ph + gap);
      for (let y = 0; y < ph; y++) {
        const row = base + rowOf[y] * planeW;
        let k = ((y0 + y) * width + x0) * 4;
        for (let x = 0; x < pw; x++, k += 4) {
          const v = values[row + colOf[x]];
          let rgb: Rgb;
          if (v - v === 0) {
            const t = (v - scale.lo) / span;
            rgb = lut[t <= 0 ? 0 : t >= 1 ? top : Math.floor(t * top + 0.5)];
          } else rgb = valueColor(v, scale);
          data[k] = rgb[0];
          data[k + 1] = rgb[1];
          data[k + 2] = rgb[2];
        }
      }
    }
  }
  return { width, height, data };
}

function blit(dst: RgbaImage, src: RgbaImage, x0: number, y0: number): void {
  for (let y = 0; y < src.height && y0 + y < dst.height; y++) {
    const from = y * src.width * 4;
    const to = ((y0 + y) * dst.width + x0) * 4;
    dst.data.set(src.data.subarray(from, from + Math.min(src.width, dst.width - x0) * 4), to);
  }
}
