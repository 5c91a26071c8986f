/**
 * The scale rule, shared by the renderer (extension/src/canvas/scale.ts) and the PNG fallback (display/): one
 * colour scale for every channel, or one per channel, chosen from the data, with the reason as a message key
 * and its values, so each side says it in its own words table (the same words, English or Chinese).
 */
import { formatNumber, type TensorStats } from "./stats.js";
import type { GridLayout } from "./grid.js";

export type ScaleMode = "shared" | "channel";

export type ValueRange = Pick<TensorStats, "min" | "max">;

/** A tensor as it is drawn: its values and grid layout (a grid column is a channel for N×C×H×W). */
export interface LaidOut {
  values: ArrayLike<number>;
  layout: GridLayout;
}

/** The union of finite ranges (null ends are ignored: an all-NaN tensor does not widen the scale). */
export function unionRange(ranges: readonly ValueRange[]): ValueRange {
  let min: number | null = null;
  let max: number | null = null;
  for (const r of ranges) {
    if (r.min !== null) min = min === null ? r.min : Math.min(min, r.min);
    if (r.max !== null) max = max === null ? r.max : Math.max(max, r.max);
  }
  return { min, max };
}

/** Finite min and max of `count` values from `offset`. */
export function finiteRange(values: ArrayLike<number>, offset: number, count: number): ValueRange {
  let min = Infinity;
  let max = -Infinity;
  for (let k = offset; k < offset + count; k++) {
    const v = values[k];
    if (v === v && v !== Infinity && v !== -Infinity) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : { min: null, max: null };
}

/**
 * Each grid column's finite range over every row (sample) of every given tensor; the tensors must have the same
 * number of columns (an op's input and output do).
 */
export function channelRanges(tensors: readonly LaidOut[]): ValueRange[] {
  const cols = tensors.length > 0 ? tensors[0].layout.cols : 0;
  const out: ValueRange[] = [];
  for (let c = 0; c < cols; c++) {
    const ranges: ValueRange[] = [];
    for (const t of tensors) {
      const n = t.layout.planeH * t.layout.planeW;
      for (let r = 0; r < t.layout.rows; r++) ranges.push(finiteRange(t.values, (r * t.layout.cols + c) * n, n));
    }
    out.push(unionRange(ranges));
  }
  return out;
}

/** A channel whose range is under 1/CHANNEL_RATIO of the shared range gets its own scale. */
export const CHANNEL_RATIO = 10;

/** Why the rule chose as it did: a key of both words tables (renderer's and library's) and its values. */
export type ScaleReason =
  | { key: "scaleOneChannel"; vars: Record<string, never> }
  | { key: "scaleNoVariation"; vars: Record<string, never> }
  | { key: "scaleNarrow"; vars: { c: number; ratio: string } }
  | { key: "scaleWide"; vars: { ratio: number } };

export interface ScaleRule {
  mode: ScaleMode;
  reason: ScaleReason;
}

/**
 * The scale the data calls for: per channel when some channel would use less than 1/CHANNEL_RATIO of one shared
 * scale (channels of different magnitude, or narrow ranges at different levels, would each read as one flat
 * colour), else shared, so equal values keep equal colours across channels.
 */
export function scaleRule(tensors: readonly LaidOut[]): ScaleRule {
  const cols = tensors.length > 0 ? tensors[0].layout.cols : 0;
  if (cols < 2) return { mode: "shared", reason: { key: "scaleOneChannel", vars: {} } };
  const all = channelRanges(tensors);
  const spans = all.map((u) => (u.min === null || u.max === null ? NaN : u.max - u.min));
  const u = unionRange(all);
  const shared = u.min === null || u.max === null ? 0 : u.max - u.min;
  let worst = -1;
  for (let c = 0; c < cols; c++) if (spans[c] > 0 && (worst < 0 || spans[c] < spans[worst])) worst = c;
  if (worst < 0 || shared <= 0) return { mode: "shared", reason: { key: "scaleNoVariation", vars: {} } };
  const ratio = shared / spans[worst];
  return ratio > CHANNEL_RATIO
    ? {
        mode: "channel",
        reason: { key: "scaleNarrow", vars: { c: worst, ratio: formatNumber(Number(ratio.toPrecision(2))) } },
      }
    : { mode: "shared", reason: { key: "scaleWide", vars: { ratio: CHANNEL_RATIO } } };
}
