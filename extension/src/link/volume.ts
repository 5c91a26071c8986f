/**
 * 3-d pooling (max / average / LP over depth, height and width), read from a window trace with three axes: an
 * output cell's window as cells of the depth slices it spans, padding included, the argmax the op recorded,
 * the outputs that read an input cell, and which slices the view draws within its budget. The (H, W) part of
 * every slice reuses the 2-d linking of pooling.ts; nothing is recomputed from values.
 */
import {
  axisInSize,
  axisOutSize,
  windowPositions,
  windowsContaining,
  type AxisWindows,
  type WindowTrace,
} from "poolscope/wire";
import type { Mark } from "../canvas/marks.js";
import { windowCells, windowLength, type PlaneAxes } from "./pooling.js";
import { sayer, type Say } from "../words/messages.js";

export interface VolumeAxes {
  trace: WindowTrace;
  depth: AxisWindows;
  /** The (H, W) axes, as the 2-d linking reads them. */
  plane: PlaneAxes;
  /** N·C volumes; input D×H×W, output oD×oH×oW. */
  volumes: number;
  d: number;
  h: number;
  w: number;
  od: number;
  oh: number;
  ow: number;
}

/** Most depth slices drawn per volume (input and output each), and most volumes (N·C) drawn. */
export const MAX_SLICES = 8;
export const MAX_VOLUMES = 4;

/**
 * The axes of a channels-first 3-d window trace whose sizes match the (N, C, D, H, W) input and output as
 * given; null when the trace is not one or disagrees with the data (a hostile trace is not drawn).
 */
export function volumeAxes(
  trace: WindowTrace,
  inputShape: readonly number[],
  outputShape: readonly number[],
): VolumeAxes | null {
  if (trace.axes.length !== 3 || trace.channels !== "first") return null;
  if (inputShape.length !== 5 || outputShape.length !== 5) return null;
  if (inputShape[0] !== outputShape[0] || inputShape[1] !== outputShape[1]) return null;
  const [depth, rows, cols] = trace.axes;
  const [, , d, h, w] = inputShape;
  const [, , od, oh, ow] = outputShape;
  if (axisInSize(depth) !== d || axisInSize(rows) !== h || axisInSize(cols) !== w) return null;
  if (axisOutSize(depth) !== od || axisOutSize(rows) !== oh || axisOutSize(cols) !== ow) return null;
  // a huge kernel in a hostile trace must not make hover loop for long
  if (windowLength(depth) * windowLength(rows) * windowLength(cols) > 1 << 20) return null;
  const plane: PlaneAxes = { trace, rows, cols, dims: 2, channelsLast: false, channels: 0 };
  return { trace, depth, plane, volumes: inputShape[0] * inputShape[1], d, h, w, od, oh, ow };
}

/** How many of `count` depth slices are drawn (the first ones), and the notice when not all are. */
export function slicesShown(
  count: number,
  side: string,
  say: Say = sayer("en"),
): { shown: number; notice: string | null } {
  const shown = Math.min(count, MAX_SLICES);
  return { shown, notice: shown < count ? say("volumeSlicesShown", { side, last: shown - 1, count }) : null };
}

export interface VolumeCell {
  d: number;
  i: number;
  j: number;
  pad: boolean;
}

/** The cells of output (od, oi, oj)'s window in the op's scan order (depth, then rows, then columns). */
export function volumeWindow(v: VolumeAxes, od: number, oi: number, oj: number): VolumeCell[] {
  const plane = windowCells(v.plane, oi, oj);
  const out: VolumeCell[] = [];
  for (const t of windowPositions(v.depth, od))
    for (const c of plane) out.push({ d: t.p, i: c.i, j: c.j, pad: t.pad || c.pad });
  return out;
}

/**
 * What output (od, oi, oj)'s window lights on each input slice it spans inside the input: its cells (padding
 * as virtual cells with `padText`), per slice index. Slices in the depth padding have no plane to draw on.
 */
export function volumeWindowMarks(
  v: VolumeAxes,
  od: number,
  oi: number,
  oj: number,
  padText?: string,
): Map<number, Mark[]> {
  const bySlice = new Map<number, Mark[]>();
  const plane = windowCells(v.plane, oi, oj);
  for (const t of windowPositions(v.depth, od)) {
    if (t.pad) continue;
    bySlice.set(
      t.p,
      plane.map((c): Mark =>
        c.pad ? { i: c.i, j: c.j, style: "pad", text: padText } : { i: c.i, j: c.j, style: "window" },
      ),
    );
  }
  return bySlice;
}

/** The depth slices window od spans: those inside the input, and how many taps fall in the depth padding. */
export function depthSpan(v: VolumeAxes, od: number): { slices: number[]; padded: number } {
  const taps = windowPositions(v.depth, od);
  return { slices: taps.filter((t) => !t.pad).map((t) => t.p), padded: taps.filter((t) => t.pad).length };
}

/** The op's flat index of output (vol, od, oi, oj): the key of trace.argmax and the output's memory order. */
export function volumeFlatIndex(v: VolumeAxes, vol: number, od: number, oi: number, oj: number): number {
  return ((vol * v.od + od) * v.oh + oi) * v.ow + oj;
}

/** The input cell (d, i, j) the op recorded as output element k's max (an offset in the D×H×W volume), or null. */
export function volumeArgmax(v: VolumeAxes, k: number): [number, number, number] | null {
  const a = v.trace.argmax?.[k];
  if (a === undefined || !Number.isInteger(a) || a < 0 || a >= v.d * v.h * v.w) return null;
  return [Math.floor(a / (v.h * v.w)), Math.floor(a / v.w) % v.h, a % v.w];
}

/** The divisor the op used for output position (od, oi, oj) of any volume (average pooling), when recorded. */
export function volumeDivisor(v: VolumeAxes, od: number, oi: number, oj: number): number | null {
  if (v.trace.divisorOverride !== undefined) return v.trace.divisorOverride;
  return v.trace.divisors?.[(od * v.oh + oi) * v.ow + oj] ?? null;
}

/** Every output (od, oi, oj) whose window contains input cell (d, i, j): the reverse link. */
export function volumeOutputsContaining(v: VolumeAxes, d: number, i: number, j: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  const rows = windowsContaining(v.plane.rows, i);
  const cols = windowsContaining(v.plane.cols, j);
  for (const od of windowsContaining(v.depth, d)) for (const oi of rows) for (const oj of cols) out.push([od, oi, oj]);
  return out;
}
