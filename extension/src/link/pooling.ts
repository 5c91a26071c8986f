/**
 * link/ is the renderer's pure half: it reads a trace against the tensors' shapes (which cells a window covers,
 * which outputs read a cell, the recorded argmax, formula text, marks) and never touches the DOM, so all of it
 * is unit-tested (test/unit/extension/link/). Window and layout arithmetic comes from the library; nothing here
 * recomputes a pooled value. One file per trace kind, named like its view in views/.
 *
 * Linking output cells to input windows, from the trace's per-axis geometry only (never by recomputing the
 * pooled values): which input positions a window covers (padding included, as virtual cells), which outputs
 * an input cell feeds, the argmax the op recorded, and the formula written with the payload's own numbers.
 */
import {
  axisInSize,
  axisOutSize,
  formatNumber,
  windowPositions,
  windowsContaining,
  type AxisWindows,
  type PoolTrace,
  type WindowTrace,
} from "poolscope/wire";
import { sayer, type Say } from "../words/messages.js";

/**
 * A window trace and the two axes of the planes it is drawn on. A 2-d trace's planes are its (H, W); a 1-d
 * trace's (N, C, L) tensors are drawn as C×L planes whose rows are channels, so its rows axis is the identity
 * (one bin per row) and windows slide along the columns only.
 */
export interface PlaneAxes {
  trace: WindowTrace;
  rows: AxisWindows;
  cols: AxisWindows;
  /** Spatial axes of the trace: 2, or 1 (each plane row a channel). */
  dims: 1 | 2;
  /**
   * The tensors are drawn channels-first; with a channels-last trace the op's own flat indices (argmax) run in
   * (N, spatial…, C) order, so outputFlatIndex converts. `channels` is C.
   */
  channelsLast: boolean;
  channels: number;
}

/** Most channels a 1-d trace's identity rows axis lists. */
const MAX_ROWS = 4096;

/**
 * The axes of a trace the linked view can draw: a window trace over 1 or 2 spatial axes whose sizes match the
 * input and output shapes as drawn (channels-first; a channels-last tensor is transposed for drawing first). A
 * hostile trace that disagrees with the data is not drawn: null.
 */
export function planeAxes(
  trace: PoolTrace | undefined,
  inputShape: readonly number[],
  outputShape: readonly number[],
): PlaneAxes | null {
  if (!trace || trace.kind !== "window" || (trace.axes.length !== 1 && trace.axes.length !== 2)) return null;
  const r = inputShape.length;
  if (r < 2 || outputShape.length !== r) return null;
  const dims = trace.axes.length as 1 | 2;
  for (let k = 0; k < r - dims; k++) if (inputShape[k] !== outputShape[k]) return null;
  let rows: AxisWindows;
  let cols: AxisWindows;
  if (dims === 2) [rows, cols] = trace.axes;
  else {
    const c = inputShape[r - 2];
    if (c > MAX_ROWS) return null;
    rows = { kind: "bins", size: c, bins: Array.from({ length: c }, (_, i): [number, number] => [i, i + 1]) };
    cols = trace.axes[0];
  }
  if (axisInSize(rows) !== inputShape[r - 2] || axisInSize(cols) !== inputShape[r - 1]) return null;
  if (axisOutSize(rows) !== outputShape[r - 2] || axisOutSize(cols) !== outputShape[r - 1]) return null;
  // a huge kernel in a hostile trace must not make hover loop for long
  if (windowLength(rows) * windowLength(cols) > 1 << 20) return null;
  const channelsLast = trace.channels === "last";
  // channels-last flat indices need the drawn layout to be (N, C, spatial…)
  if (channelsLast && r !== dims + 2) return null;
  return { trace, rows, cols, dims, channelsLast, channels: channelsLast ? inputShape[1] : 0 };
}

/**
 * The op's own flat index (its output's memory order) of drawn output cell (i, j) of plane p, where the
 * output is drawn as planes of outH×outW: the index trace.argmax is keyed by.
 */
export function outputFlatIndex(axes: PlaneAxes, p: number, i: number, j: number, outH: number, outW: number): number {
  if (!axes.channelsLast) return (p * outH + i) * outW + j;
  const c = axes.channels;
  if (axes.dims === 1) return (p * outW + j) * c + i; // drawn (N, C, L) from (N, L, C): plane n, row c
  return ((Math.floor(p / c) * outH + i) * outW + j) * c + (p % c);
}

/** The longest window along an axis, in taps: bounds the work a hover does on a hostile trace. */
export function windowLength(a: AxisWindows): number {
  if (a.kind === "sliding") return a.geometry.kernel;
  return a.bins.reduce((m, [s, e]) => Math.max(m, e - s), 0);
}

export interface WindowCell {
  i: number;
  j: number;
  pad: boolean;
}

/** The cells of output (oi, oj)'s window, row-major scan order (the order PyTorch scans for the max). */
export function windowCells(axes: PlaneAxes, oi: number, oj: number): WindowCell[] {
  const rs = windowPositions(axes.rows, oi);
  const cs = windowPositions(axes.cols, oj);
  const cells: WindowCell[] = [];
  for (const r of rs) for (const c of cs) cells.push({ i: r.p, j: c.p, pad: r.pad || c.pad });
  return cells;
}

/** Every output cell whose window contains input cell (i, j): the reverse link. */
export function outputsContaining(axes: PlaneAxes, i: number, j: number): [number, number][] {
  const out: [number, number][] = [];
  for (const oi of windowsContaining(axes.rows, i))
    for (const oj of windowsContaining(axes.cols, j)) out.push([oi, oj]);
  return out;
}

/** How far windows reach outside the input, in cells: the margins the virtual padding cells need. */
export function padMargins(axes: PlaneAxes): { top: number; bottom: number; left: number; right: number } {
  const reach = (a: AxisWindows): [number, number] => {
    let before = 0;
    let after = 0;
    const n = axisInSize(a);
    for (let o = 0; o < axisOutSize(a); o++) {
      for (const t of windowPositions(a, o)) {
        if (t.p < 0) before = Math.max(before, -t.p);
        if (t.p >= n) after = Math.max(after, t.p - n + 1);
      }
    }
    return [before, after];
  };
  const [top, bottom] = reach(axes.rows);
  const [left, right] = reach(axes.cols);
  return { top, bottom, left, right };
}

/**
 * The input cell the op recorded as output element `k`'s max (trace.argmax, an offset within the pooled
 * plane), or null. For a 1-d trace the offset is along the row, and the row is the output cell's own (`row`).
 */
export function argmaxCell(axes: PlaneAxes, k: number, row = 0): [number, number] | null {
  const a = axes.trace.argmax?.[k];
  const w = axisInSize(axes.cols);
  const h = axes.dims === 1 ? 1 : axisInSize(axes.rows);
  if (a === undefined || !Number.isInteger(a) || a < 0 || a >= h * w) return null;
  return axes.dims === 1 ? [row, a] : [Math.floor(a / w), a % w];
}

/**
 * The divisor the op used for output position (oi, oj) of any plane (average pooling), when recorded. Divisors
 * run over the trace's spatial positions: (oi, oj) for 2 axes, oj alone for 1 (rows are channels there).
 */
export function divisorOf(trace: WindowTrace, oi: number, oj: number, outW: number): number | null {
  if (trace.divisorOverride !== undefined) return trace.divisorOverride;
  const d = trace.divisors?.[trace.axes.length === 1 ? oj : oi * outW + oj];
  return d === undefined ? null : d;
}

/** Most terms a formula lists before eliding the rest. */
export const FORMULA_TERMS = 16;

/** The first FORMULA_TERMS of a list joined by `sep`, then how many more ("… (4 more)" in the view's language). */
export function terms(list: string[], sep: string, say: Say = sayer("en")): string {
  if (list.length <= FORMULA_TERMS) return list.join(sep);
  return `${list.slice(0, FORMULA_TERMS).join(sep)}${sep}${say("formulaMore", { count: list.length - FORMULA_TERMS })}`;
}

function superscript(p: number): string {
  const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  return Number.isInteger(p) && p >= 0 ? [...String(p)].map((d) => digits[Number(d)]).join("") : `^${formatNumber(p)}`;
}

/**
 * The formula of one output cell with real numbers: the window's input values (padding shown as −∞ for max,
 * 0 for an average that counts padding) and the output value as the op computed it, from the payload.
 */
export function formulaText(
  trace: WindowTrace,
  window: readonly { value: number; pad: boolean }[],
  output: number,
  divisor: number | null,
  say: Say = sayer("en"),
): string {
  const v = formatNumber(output);
  if (trace.reduce === "max") {
    return `max(${terms(
      window.map((c) => (c.pad ? "−∞" : formatNumber(c.value))),
      ", ",
      say,
    )}) = ${v}`;
  }
  if (trace.reduce === "avg") {
    const used = window.filter((c) => !c.pad || trace.countIncludePad === true);
    const sum = terms(
      used.map((c) => (c.pad ? "0" : formatNumber(c.value))),
      " + ",
      say,
    );
    return divisor === null ? say("formulaMean", { sum, value: v }) : `(${sum}) / ${formatNumber(divisor)} = ${v}`;
  }
  if (trace.normType === "Infinity" || trace.normType === "-Infinity") {
    const abs = terms(
      window.filter((c) => !c.pad).map((c) => `|${formatNumber(c.value)}|`),
      ", ",
      say,
    );
    return `${trace.normType === "Infinity" ? "max" : "min"}(${abs}) = ${v}`;
  }
  const p = trace.normType ?? 2;
  const sup = superscript(p);
  const sum = terms(
    window.filter((c) => !c.pad).map((c) => `${formatNumber(c.value)}${sup}`),
    " + ",
    say,
  );
  return `(${sum})^(1/${formatNumber(p)}) = ${v}`;
}
