/**
 * A long plane (an SPP vector of 380 features, a 1×W strip of a wide map) drawn wrapped: each of its rows
 * continues on as many drawn rows of `cols` cells as it needs, so every cell keeps MIN_CELL_PX and the plane
 * fits a notebook; a gutter on the left prints the index of each drawn row's first cell. Views and marks keep
 * the plane's own (i, j); only the plane maps them to drawn cells and back.
 */
import { MAX_PLANE_PX, MIN_CELL_PX } from "./screen.js";
import type { Mark } from "./marks.js";

export interface Wrap {
  /** Cells per drawn row. */
  cols: number;
  /** Drawn rows per row of the plane. */
  rowsPer: number;
}

/** Cells per drawn row of a wrapped plane: a round 32, so row starts read 0, 32, 64, … */
export const WRAP_COLS = 32;

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
 * Marks in plane cells as marks in drawn cells: a mark spanning columns j…j+w−1 of a row becomes one segment
 * per drawn row it reaches. Sample points (RoIAlign) are never on wrapped planes and pass unchanged.
 */
export function wrapMarks(wrap: Wrap, marks: readonly Mark[]): Mark[] {
  const out: Mark[] = [];
  for (const m of marks) {
    if (m.style === "sample") {
      out.push(m);
      continue;
    }
    const h = m.h ?? 1;
    const w = m.w ?? 1;
    for (let i = m.i; i < m.i + h; i++) {
      let j = m.j;
      while (j < m.j + w) {
        const end = Math.min(m.j + w, (Math.floor(j / wrap.cols) + 1) * wrap.cols);
        const [r, c] = wrappedCell(wrap, i, j);
        const seg: Mark = { i: r, j: c, h: 1, w: end - j, style: m.style };
        if (m.text !== undefined) seg.text = m.text;
        out.push(seg);
        j = end;
      }
    }
  }
  return out;
}
