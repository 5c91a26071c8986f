/**
 * Spatial pyramid pooling, read from its trace: each level's bins as rectangles on the feature map (exact
 * integer edges, so overlapping bins are visible), and the place of every (level, channel, bin) in the
 * concatenated C·Σn² vector, channel-major as the op lays it out: offset + c·bh·bw + i·bw + j.
 */
import {
  axisInSize,
  axisOutSize,
  windowPositions,
  type AxisWindows,
  type SppLevelTrace,
  type SppTrace,
} from "poolscope/wire";
import { sayer, type Say } from "../words/messages.js";

export interface BinRect {
  /** Bin row and column in the level's grid. */
  bi: number;
  bj: number;
  /** [r0, r1) × [c0, c1) in input cells (may reach into padding). */
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

function span(axis: AxisWindows, o: number): [number, number] {
  const taps = windowPositions(axis, o);
  if (taps.length === 0) return [0, 0];
  return [taps[0].p, taps[taps.length - 1].p + 1];
}

/** The bins of one level as rectangles, row-major. */
export function levelBins(level: SppLevelTrace): BinRect[] {
  if (level.axes.length !== 2) return [];
  const [rows, cols] = level.axes;
  const out: BinRect[] = [];
  for (let bi = 0; bi < level.bins[0]; bi++) {
    const [r0, r1] = span(rows, bi);
    for (let bj = 0; bj < level.bins[1]; bj++) {
      const [c0, c1] = span(cols, bj);
      out.push({ bi, bj, r0, r1, c0, c1 });
    }
  }
  return out;
}

/** Whether the trace agrees with the data: (N, C, H, W) in, (N, C·Σn²) out, bounded bin counts. */
export function sppFits(trace: SppTrace, inputShape: readonly number[], outputShape: readonly number[]): boolean {
  const [n, c, h, w] = inputShape;
  if (inputShape.length !== 4 || outputShape.length !== 2 || outputShape[0] !== n) return false;
  for (const lv of trace.levels) {
    if (lv.axes.length !== 2 || lv.bins[0] * lv.bins[1] > 4096) return false;
    const [ra, ca] = lv.axes;
    if (
      axisInSize(ra) !== h ||
      axisInSize(ca) !== w ||
      axisOutSize(ra) !== lv.bins[0] ||
      axisOutSize(ca) !== lv.bins[1]
    )
      return false;
  }
  return vectorLength(trace, c) === outputShape[1];
}

/** Length of one sample's output vector: C·Σ bh·bw. */
export function vectorLength(trace: SppTrace, channels: number): number {
  return trace.levels.reduce((n, l) => n + channels * l.bins[0] * l.bins[1], 0);
}

/** Position of (level, channel c, bin bi, bj) in a sample's output vector. */
export function vectorIndex(level: SppLevelTrace, c: number, bi: number, bj: number): number {
  return level.offset + c * level.bins[0] * level.bins[1] + bi * level.bins[1] + bj;
}

/** The inverse: which level, channel and bin feature k of the vector is, or null outside every level. */
export function locateFeature(
  trace: SppTrace,
  channels: number,
  k: number,
): { level: number; c: number; bi: number; bj: number } | null {
  for (let l = 0; l < trace.levels.length; l++) {
    const lv = trace.levels[l];
    const per = lv.bins[0] * lv.bins[1];
    const rel = k - lv.offset;
    if (rel >= 0 && rel < channels * per) {
      const c = Math.floor(rel / per);
      const b = rel % per;
      return { level: l, c, bi: Math.floor(b / lv.bins[1]), bj: b % lv.bins[1] };
    }
  }
  return null;
}

/** "C·Σn² = 3·(1 + 4 + 16) = 63": why the length does not depend on the input's H×W. */
export function lengthFormula(trace: SppTrace, channels: number, say: Say = sayer("en")): string {
  const parts = trace.levels.map((l) => String(l.bins[0] * l.bins[1])).join(" + ");
  return say("sppLength", { c: channels, parts, count: vectorLength(trace, channels) });
}

/** Cells covered by more than one bin of the level (overlap, drawn shaded). */
export function overlapCells(level: SppLevelTrace, h: number, w: number): Uint8Array {
  const counts = new Uint8Array(h * w);
  for (const b of levelBins(level)) {
    for (let i = Math.max(0, b.r0); i < Math.min(h, b.r1); i++) {
      for (let j = Math.max(0, b.c0); j < Math.min(w, b.c1); j++)
        counts[i * w + j] = Math.min(255, counts[i * w + j] + 1);
    }
  }
  return counts;
}
