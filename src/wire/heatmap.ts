/**
 * Heatmap pixels, independent of any canvas: one RGBA pixel per tensor cell for a plane (the renderer scales
 * it up pixel-exactly), and a whole grid image with a colour bar for the PNG fallback.
 */
import { valueColor, colorAt, DIVERGING, VIRIDIS, type ColorScale } from "./colormap.js";
import type { GridLayout } from "./grid.js";

export interface RgbaImage {
  width: number;
  height: number;
  /** width·height·4 bytes, row-major RGBA. */
  data: Uint8ClampedArray;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * One pixel per cell of the plane starting at `offset`. The same colours as valueColor (the same arithmetic,
 * written out), without allocating per cell and with one 32-bit store per pixel, because the renderer draws
 * a 1024×1024 plane within a frame budget.
 */
export function planeRGBA(
  values: ArrayLike<number>,
  offset: number,
  h: number,
  w: number,
  scale: ColorScale,
): RgbaImage {
  const n = h * w;
  const data = new Uint8ClampedArray(n * 4);
  const table = scale.kind === "diverging" ? DIVERGING : VIRIDIS;
  const last = table.length - 1;
  // segment i runs from table[i] by slope table[i + 1] − table[i], per channel, flat for the hot loop
  const base = new Float64Array(last * 3);
  const slope = new Float64Array(last * 3);
  for (let i = 0; i < last; i++) {
    for (let c = 0; c < 3; c++) {
      base[i * 3 + c] = table[i][c];
      slope[i * 3 + c] = table[i + 1][c] - table[i][c];
    }
  }
  const px = LITTLE_ENDIAN ? new Uint32Array(data.buffer) : null;
  const lo = scale.lo;
  const span = scale.hi - scale.lo;
  for (let k = 0; k < n; k++) {
    const v = values[offset + k];
    let r: number;
    let g: number;
    let b: number;
    if (v - v !== 0) {
      // NaN or ±Inf
      [r, g, b] = valueColor(v, scale);
    } else {
      let t = (v - lo) / span;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const x = t * last;
      const i = x >= last ? last - 1 : Math.floor(x);
      const f = x - i;
      const s = i * 3;
      // Math.round of a non-negative number, as colorAt does
      r = Math.floor(base[s] + slope[s] * f + 0.5);
      g = Math.floor(base[s + 1] + slope[s + 1] * f + 0.5);
      b = Math.floor(base[s + 2] + slope[s + 2] * f + 0.5);
    }
    if (px) px[k] = (0xff000000 | (b << 16) | (g << 8) | r) >>> 0;
    else {
      data[k * 4] = r;
      data[k * 4 + 1] = g;
      data[k * 4 + 2] = b;
      data[k * 4 + 3] = 255;
    }
  }
  return { width: w, height: h, data };
}

export interface GridImageOptions {
  /** Target size of the longer side of one plane, in pixels. */
  planePx?: number;
  /** Largest total width or height; planes are sampled down past it. */
  maxPx?: number;
  gap?: number;
  legendHeight?: number;
}

/**
 * All planes on a grid, each cell an integer block of pixels (nearest-neighbour sampling when a plane is
 * larger than its box), with a colour bar across the bottom from scale.lo (left) to scale.hi (right).
 */
export function gridImage(
  values: ArrayLike<number>,
  layout: GridLayout,
  scale: ColorScale,
  o: GridImageOptions = {},
): RgbaImage {
  const { gap, legendH, pw, ph, width, height } = gridGeometry(layout, o);
  const { rows, cols, planeH, planeW } = layout;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const put = (x: number, y: number, rgb: readonly number[]): void => {
    const k = (y * width + x) * 4;
    data[k] = rgb[0];
    data[k + 1] = rgb[1];
    data[k + 2] = rgb[2];
    data[k + 3] = 255;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const base = (r * cols + c) * planeH * planeW;
      const x0 = gap + c * (pw + gap);
      const y0 = gap + r * (ph + gap);
      for (let y = 0; y < ph; y++) {
        const i = Math.min(planeH - 1, Math.floor((y * planeH) / ph));
        for (let x = 0; x < pw; x++) {
          const j = Math.min(planeW - 1, Math.floor((x * planeW) / pw));
          put(x0 + x, y0 + y, valueColor(values[base + i * planeW + j], scale));
        }
      }
    }
  }
  const ly = height - legendH - gap;
  const lw = width - 2 * gap;
  for (let x = 0; x < lw; x++) {
    const rgb = colorAt(lw > 1 ? x / (lw - 1) : 0, scale.kind);
    for (let y = 0; y < legendH; y++) put(gap + x, ly + y, rgb);
  }
  return { width, height, data };
}

/** Where gridImage puts things: gaps, the size of each plane in pixels, the whole image. */
export interface GridGeometry {
  gap: number;
  legendH: number;
  /** A plane's width and height in pixels. */
  pw: number;
  ph: number;
  width: number;
  height: number;
}

export function gridGeometry(layout: GridLayout, o: GridImageOptions = {}): GridGeometry {
  const gap = o.gap ?? 4;
  const legendH = o.legendHeight ?? 12;
  const maxPx = o.maxPx ?? 1024;
  const { rows, cols, planeH, planeW } = layout;
  const longest = Math.max(planeH, planeW, 1);
  let box = Math.max(1, Math.floor((o.planePx ?? 160) / longest)) * longest;
  const fit = Math.floor((maxPx - gap * (Math.max(rows, cols) + 1)) / Math.max(rows, cols, 1));
  box = Math.max(8, Math.min(box, fit));
  const cell = box / longest; // pixels per cell, may be < 1 (sampling)
  const pw = Math.max(1, Math.round(planeW * cell));
  const ph = Math.max(1, Math.round(planeH * cell));
  const width = Math.max(cols * pw + (cols + 1) * gap, 64);
  const height = rows * ph + (rows + 1) * gap + legendH + gap;
  return { gap, legendH, pw, ph, width, height };
}

/**
 * The pixel rectangle [x0, x1) × [y0, y1) that cells [i, i + h) × [j, j + w) of plane p cover in gridImage's
 * picture, clipped to the plane (cells outside it, e.g. padding, are left out); null when nothing is left.
 */
export function cellsRect(
  layout: GridLayout,
  geom: GridGeometry,
  p: number,
  i: number,
  j: number,
  h: number,
  w: number,
): { x0: number; y0: number; x1: number; y1: number } | null {
  const { cols, planeH, planeW } = layout;
  if (cols <= 0 || planeH <= 0 || planeW <= 0) return null;
  const r0 = Math.max(0, i);
  const r1 = Math.min(planeH, i + h);
  const c0 = Math.max(0, j);
  const c1 = Math.min(planeW, j + w);
  if (r0 >= r1 || c0 >= c1) return null;
  const px = geom.gap + (p % cols) * (geom.pw + geom.gap);
  const py = geom.gap + Math.floor(p / cols) * (geom.ph + geom.gap);
  // gridImage samples pixel x from column floor(x·planeW/pw): column c starts at pixel ceil(c·pw/planeW)
  const edge = (c: number, n: number, size: number): number => Math.ceil((c * size) / n);
  return {
    x0: px + edge(c0, planeW, geom.pw),
    x1: px + edge(c1, planeW, geom.pw),
    y0: py + edge(r0, planeH, geom.ph),
    y1: py + edge(r1, planeH, geom.ph),
  };
}
