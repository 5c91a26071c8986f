/**
 * The size rule the renderer and the PNG figure share (issue #16): a drawn cell is at least MIN_CELL_PX, so it
 * can be hovered without pixel-precise aim; a plane keeps that up to MAX_PLANE_PX a side; a plane too long for
 * it (an SPP vector of 380 features) wraps into rows of WRAP_COLS cells, each drawn row labelled with the index
 * of its first cell. Pure, so both sides draw the same layout.
 */

/** Smallest cell side, in CSS pixels (PNG pixels in the figure). */
export const MIN_CELL_PX = 12;
/**
 * Longest side a plane is shown at whole (48 cells at MIN_CELL_PX). A larger plane (an 89×89 image) keeps
 * MIN_CELL_PX: the renderer shows it in a scrolling frame of this size that scrolls the lit window into view,
 * and the PNG crops it to 48×48 cells (display/figure.ts), so that an input and its pooled output still stand
 * side by side on a notebook's width.
 */
export const MAX_PLANE_PX = 576;
/** Cells per drawn row of a wrapped plane: a round 32, so row starts read 0, 32, 64, … */
export const WRAP_COLS = 32;

export interface Wrap {
  /** Cells per drawn row. */
  cols: number;
  /** Drawn rows per row of the plane. */
  rowsPer: number;
}

/**
 * How a plane h×w is wrapped, or null when it is drawn as it is: only a plane wider than MAX_PLANE_PX at
 * MIN_CELL_PX (more than 48 cells) and short enough that wrapping keeps it under MAX_PLANE_PX tall.
 */
export function wrapFor(h: number, w: number): Wrap | null {
  if (w * MIN_CELL_PX <= MAX_PLANE_PX) return null;
  const rowsPer = Math.ceil(w / WRAP_COLS);
  if (h * rowsPer * MIN_CELL_PX > MAX_PLANE_PX) return null;
  return { cols: WRAP_COLS, rowsPer };
}

/** The drawn cell of plane cell (i, j). */
export function wrappedCell(wrap: Wrap, i: number, j: number): [number, number] {
  return [i * wrap.rowsPer + Math.floor(j / wrap.cols), j % wrap.cols];
}

/** The plane cell of drawn cell (r, c), or null for the unused cells after a row's last one. */
export function unwrappedCell(wrap: Wrap, w: number, r: number, c: number): [number, number] | null {
  const i = Math.floor(r / wrap.rowsPer);
  const j = (r % wrap.rowsPer) * wrap.cols + c;
  return c >= 0 && c < wrap.cols && j < w ? [i, j] : null;
}

/** The drawn row-start labels: drawn row r starts at plane index labels[r]. */
export function wrapLabels(wrap: Wrap, h: number): number[] {
  return Array.from({ length: h * wrap.rowsPer }, (_, r) => (r % wrap.rowsPer) * wrap.cols);
}

/**
 * A plane's values laid out wrapped, row-major (h·rowsPer)×cols, with `used` marking the cells that hold a
 * value (the rest, after each row's last cell, are drawn blank).
 */
export function wrapValues(
  values: ArrayLike<number>,
  h: number,
  w: number,
  wrap: Wrap,
): { values: Float32Array; used: Uint8Array } {
  const n = h * wrap.rowsPer * wrap.cols;
  const laid = new Float32Array(n);
  const used = new Uint8Array(n);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const [r, c] = wrappedCell(wrap, i, j);
      laid[r * wrap.cols + c] = values[i * w + j];
      used[r * wrap.cols + c] = 1;
    }
  }
  return { values: laid, used };
}
