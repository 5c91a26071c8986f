/**
 * Overlay marks on a plane (highlights, padding cells, argmax dots, bins) and where they land in CSS pixels.
 * Marks are data, so what a hover draws is decided by pure functions and unit-tested; draw.ts only paints.
 */
export type MarkStyle =
  | "cursor" // the hovered cell
  | "pinned" // the clicked cell (arrow keys move it)
  | "window" // an input cell of the focused output's window
  | "pad" // a virtual padding cell of that window, with its value as text
  | "argmax" // the winning input cell the op recorded
  | "linked" // an output fed by the focused input cell
  | "uncovered" // coverage view: read by no window
  | "count" // coverage view: the number of windows, as text
  | "bin" // SPP: one bin of the selected level (shaded, so overlaps are darker)
  | "binActive" // SPP: the focused bin
  | "region" // RoI: a region's box on the feature map (dashed)
  | "sample"; // RoIAlign: a bilinear sample point, at (i, j) in cell units (cell i spans [i, i + 1)), h = w = 0

export interface Mark {
  /** Top-left cell, in input coordinates (negative inside the top/left padding margin). */
  i: number;
  j: number;
  /** Size in cells (default 1×1). */
  h?: number;
  w?: number;
  style: MarkStyle;
  text?: string;
}

export interface Margin {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const NO_MARGIN: Margin = { top: 0, bottom: 0, left: 0, right: 0 };

/** CSS pixels per cell: one side for square cells, or width and height (a strip widened across its length). */
export type Zoom = number | { x: number; y: number };

export function zoomXY(zoom: Zoom): { x: number; y: number } {
  return typeof zoom === "number" ? { x: zoom, y: zoom } : zoom;
}

/** The mark's rectangle in CSS pixels from the stage's top-left corner (the stage includes the margin). */
export function markRect(m: Mark, zoom: Zoom, margin: Margin): { x: number; y: number; w: number; h: number } {
  const z = zoomXY(zoom);
  return { x: (m.j + margin.left) * z.x, y: (m.i + margin.top) * z.y, w: (m.w ?? 1) * z.x, h: (m.h ?? 1) * z.y };
}

/** The cell under a point of the stage (CSS pixels), in plane coordinates, or null outside the plane itself. */
export function stageCell(
  x: number,
  y: number,
  zoom: Zoom,
  margin: Margin,
  h: number,
  w: number,
): [number, number] | null {
  const z = zoomXY(zoom);
  const i = Math.floor(y / z.y) - margin.top;
  const j = Math.floor(x / z.x) - margin.left;
  return i >= 0 && i < h && j >= 0 && j < w ? [i, j] : null;
}
