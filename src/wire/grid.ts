/**
 * How a tensor of any rank is laid out as a grid of 2-d planes: the last two dims are a plane (a 1-d tensor is
 * one row), dim 0 of a rank-4+ tensor gives the grid rows, and the remaining leading dims the columns. Shared
 * by the PNG and the renderer so index read-outs agree with the picture.
 */
import { shapeSize } from "../core/shape.js";
export interface GridLayout {
  rows: number;
  cols: number;
  planeH: number;
  planeW: number;
}

export function gridLayout(shape: readonly number[]): GridLayout {
  if (shape.length === 0) return { rows: 1, cols: 1, planeH: 1, planeW: 1 };
  if (shape.length === 1) return { rows: 1, cols: 1, planeH: 1, planeW: shape[0] };
  const planeH = shape[shape.length - 2];
  const planeW = shape[shape.length - 1];
  const lead = shape.slice(0, -2);
  const planes = shapeSize(lead);
  const rows = lead.length >= 2 ? lead[0] : 1;
  return { rows, cols: rows === 0 ? 0 : planes / rows, planeH, planeW };
}

/** Full tensor index of cell (i, j) of plane (row, col). */
export function cellIndex(
  shape: readonly number[],
  layout: GridLayout,
  row: number,
  col: number,
  i: number,
  j: number,
): number[] {
  if (shape.length <= 1) return shape.length === 0 ? [] : [j];
  const plane = row * layout.cols + col;
  const lead = shape.slice(0, -2);
  const idx = new Array<number>(lead.length);
  let rest = plane;
  for (let a = lead.length - 1; a >= 0; a--) {
    idx[a] = rest % lead[a];
    rest = Math.floor(rest / lead[a]);
  }
  return [...idx, i, j];
}

/** Flat offset of cell (i, j) of plane (row, col) in the row-major data. */
export function cellOffset(layout: GridLayout, row: number, col: number, i: number, j: number): number {
  const plane = row * layout.cols + col;
  return (plane * layout.planeH + i) * layout.planeW + j;
}
