/**
 * The renderer's arithmetic, free of the DOM so it is unit-tested without a browser: how large a cell is drawn,
 * which cell the mouse is over, what the read-out and the stats line say, and where the legend's ticks go.
 */
import {
  formatNumber,
  MAX_PLANE_PX,
  MIN_CELL_PX,
  quantStep,
  summaryFields,
  type GridLayout,
  type QuantInfo,
  type TensorPayload,
  type TensorStats,
} from "poolscope/wire";
import { sayer, type Say } from "../words/messages.js";

/** Largest side of a plane on screen, in CSS pixels, before cells stop growing. */
export const PLANE_BUDGET_PX = 256;
/** Width of an H×1 strip's cells (height of a 1×W strip's) across its length: a band, not a line. */
export const STRIP_CROSS_PX = 2 * MIN_CELL_PX;

/** The widened side of an output that is a strip of its input (H×1 or 1×W of a wider map), else none. */
export function stripCross(input: GridLayout, output: GridLayout): { cellW?: number; cellH?: number } {
  if (output.planeW === 1 && input.planeW > 1 && output.planeH > 1) return { cellW: STRIP_CROSS_PX };
  if (output.planeH === 1 && input.planeH > 1 && output.planeW > 1) return { cellH: STRIP_CROSS_PX };
  return {};
}

/**
 * Integer pixels per cell (pixel-exact zoom): large enough that the longer side fills the budget (cells up to
 * 32 px), and never below MIN_CELL_PX, nor below `linked` (the cell size of the plane this one is linked to, so
 * a pooled plane is never drawn finer than its input). A plane longer than MAX_PLANE_PX / MIN_CELL_PX cells
 * (an 89×89 image) keeps MIN_CELL_PX too: the Plane shows it in a scrolling frame (framedSize, revealScroll).
 */
export function zoomFor(planeH: number, planeW: number, budgetPx = PLANE_BUDGET_PX, linked = 0): number {
  const longest = Math.max(planeH, planeW, 1);
  const fit = Math.max(1, Math.min(32, Math.floor(budgetPx / longest)));
  return Math.max(fit, MIN_CELL_PX, linked);
}

/** Room a scroll bar may take from a frame's box (Chromium's and Firefox's are 15–17 px, overlay ones 0). */
export const SCROLLBAR_PX = 17;

/**
 * The box of the scrolling frame a stage of stageW × stageH CSS px is shown in, or null when it fits
 * MAX_PLANE_PX both ways and is shown whole: each side at most MAX_PLANE_PX of stage, plus a scroll bar's room
 * where the other side scrolls, so an input and its pooled output still stand side by side on a notebook's width.
 */
export function framedSize(stageW: number, stageH: number): { w: number; h: number } | null {
  if (stageW <= MAX_PLANE_PX && stageH <= MAX_PLANE_PX) return null;
  const scrollsX = stageW > MAX_PLANE_PX;
  const scrollsY = stageH > MAX_PLANE_PX;
  return {
    w: Math.min(stageW, MAX_PLANE_PX) + (scrollsY ? SCROLLBAR_PX : 0),
    h: Math.min(stageH, MAX_PLANE_PX) + (scrollsX ? SCROLLBAR_PX : 0),
  };
}

/** A rectangle in CSS pixels (x, y from a stage's top-left corner). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The scroll offsets that bring `target` into a frame's view (`view`: its current scroll offsets and visible
 * size), moving as little as possible (nothing when it is in view already, or fills the view), with `pad` px
 * of context around it; a target larger than the view shows its top-left part. Pure, so the rule is unit-tested.
 */
export function revealScroll(target: Box, view: Box, pad = MIN_CELL_PX): { left: number; top: number } {
  const axis = (start: number, size: number, at: number, seen: number): number => {
    if (start >= at && start + size <= at + seen) return at;
    // a target across the whole view (a strip's row of a wide map) is in view already: no jump back to its start
    if (size > seen && start <= at && start + size >= at + seen) return at;
    if (size + 2 * pad > seen) return Math.max(0, start - Math.min(pad, Math.max(0, seen - size) / 2));
    return start < at ? Math.max(0, start - pad) : start + size + pad - seen;
  };
  return { left: axis(target.x, target.w, view.x, view.w), top: axis(target.y, target.h, view.y, view.h) };
}

/** The cell under a point given in CSS pixels from a plane's top-left corner, or null outside it. */
export function hitCell(x: number, y: number, zoom: number, planeH: number, planeW: number): [number, number] | null {
  const i = Math.floor(y / zoom);
  const j = Math.floor(x / zoom);
  if (!(i >= 0 && i < planeH && j >= 0 && j < planeW)) return null;
  return [i, j];
}

/**
 * A value in the read-out: the one number format of the view (formatNumber, 4 significant digits, as in the
 * formulas and the legend), so "= 0.5022" stands beside "(0.5022 + …) / 4", not float32's 17 digits.
 */
export function valueText(v: number): string {
  return v === Infinity ? "+∞" : formatNumber(v);
}

export function readoutText(index: readonly number[], value: number): string {
  return `[${index.join(", ")}] = ${valueText(value)}`;
}

/**
 * Read-out of a quantised value (the payload carried codes, not float32): "≈", the value in the view's one
 * format, and how far off it can be. NaN and ±Inf have codes of their own, so they read exactly.
 */
export function approxReadoutText(
  index: readonly number[],
  value: number,
  q: QuantInfo,
  say: Say = sayer("en"),
): string {
  if (value - value !== 0) return readoutText(index, value);
  return say("readApprox", {
    index: `[${index.join(", ")}]`,
    value: valueText(value),
    half: formatNumber(quantStep(q) / 2),
    bits: q.bits,
  });
}

/** Plane caption, e.g. "n=0 c=2" for NCHW; other ranks name dims d0, d1, ... */
export function planeLabel(shape: readonly number[], index: readonly number[]): string {
  const lead = index.slice(0, Math.max(0, shape.length - 2));
  if (lead.length === 0) return "";
  const names = shape.length === 4 ? ["n", "c"] : lead.map((_, k) => `d${k}`);
  return lead.map((v, k) => `${names[k]}=${v}`).join(" ");
}

/** Legend tick labels at both ends and the middle of the scale. */
export function legendTicks(lo: number, hi: number): { position: number; text: string }[] {
  return [0, 0.5, 1].map((position) => ({ position, text: formatNumber(lo + (hi - lo) * position) }));
}

/**
 * Read-out of a reduced view's cell: the block of the real tensor it averages, clipped to the real shape, e.g.
 * "[0, 1, 3…5, 6…8] block mean = 0.5". `index` is the view's index (leading axes are the tensor's own).
 */
export function blockReadoutText(
  index: readonly number[],
  reduced: { originalShape: readonly number[]; factor: number },
  value: number,
  say: Say = sayer("en"),
): string {
  const f = reduced.factor;
  const rank = index.length;
  const parts = index.map((v, a) => {
    if (a < rank - 2 || f === 1) return String(v);
    const end = Math.min(reduced.originalShape[a] ?? (v + 1) * f, (v + 1) * f) - 1;
    return end > v * f ? `${v * f}…${end}` : String(v * f);
  });
  return say(f > 1 ? "readBlockMean" : "readBlockValue", { index: `[${parts.join(", ")}]`, value: valueText(value) });
}

/** The kernel's summary fields plus the standard deviation (kept out of text/plain, whose saved outputs are pinned). */
function withStd(shape: number[], s: TensorStats): string {
  return summaryFields(shape, s, { std: true }).join(" ");
}

/**
 * The stats line: the title, then the tensor's summary, or input and output (both pairs when compared). The
 * labels are in the view's language (English by default); the summary fields are the kernel's own.
 */
export function statsText(
  payload: TensorPayload,
  input: { shape: number[]; stats: TensorStats } | null,
  say: Say = sayer("en"),
): string {
  const title = payload.title ? `${payload.title}: ` : "";
  const shapeOf = (d: { shape: number[]; reduced?: { originalShape: number[] } }): number[] =>
    d.reduced?.originalShape ?? d.shape;
  if (!input) return `${title}${say("statsTensor", { fields: withStd(shapeOf(payload), payload.stats) })}`;
  const c = payload.compare;
  if (c) {
    const k = (key: "statsInputK" | "statsOutputK", n: number, shape: number[], s: TensorStats): string =>
      say(key, { k: n, fields: withStd(shape, s) });
    return (
      `${title}\n${k("statsInputK", 1, input.shape, input.stats)}\n${k("statsOutputK", 1, payload.shape, payload.stats)}` +
      `\n${k("statsInputK", 2, c.input.shape, c.input.stats)}\n${k("statsOutputK", 2, c.output.shape, c.output.stats)}`
    );
  }
  return (
    `${title}\n${say("statsInput", { fields: withStd(shapeOf(payload.input ?? input), input.stats) })}` +
    `\n${say("statsOutput", { fields: withStd(shapeOf(payload), payload.stats) })}`
  );
}
