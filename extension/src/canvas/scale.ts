/**
 * Which colour scale each panel uses. An op's input and output share one scale by default, because max
 * pooling copies values and equal values must get equal colours; the per-channel mode gives every channel its
 * own range (over all its planes, input and output together) for maps whose channels differ in magnitude.
 */
import { scaleFor, type ColorScale, type GridLayout, type TensorStats } from "poolscope/wire";

export type ScaleMode = "shared" | "channel";

type Range = Pick<TensorStats, "min" | "max">;

/** The union of finite ranges (null ends are ignored: an all-NaN tensor does not widen the scale). */
export function unionRange(ranges: readonly Range[]): Range {
  let min: number | null = null;
  let max: number | null = null;
  for (const r of ranges) {
    if (r.min !== null) min = min === null ? r.min : Math.min(min, r.min);
    if (r.max !== null) max = max === null ? r.max : Math.max(max, r.max);
  }
  return { min, max };
}

/** One scale over several tensors' stats. */
export function sharedScale(stats: readonly Range[]): ColorScale {
  return scaleFor(unionRange(stats));
}

/** Finite min and max of `count` values from `offset`. */
export function finiteRange(values: ArrayLike<number>, offset: number, count: number): Range {
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

/** A tensor as the renderer lays it out: its values and grid layout. */
export interface LaidOut {
  values: ArrayLike<number>;
  layout: GridLayout;
}

/**
 * One scale per grid column (the channel for N×C×H×W), over every row (sample) of every given tensor; the
 * tensors must have the same number of columns (an op's input and output do).
 */
export function channelScales(tensors: readonly LaidOut[]): ColorScale[] {
  const cols = tensors.length > 0 ? tensors[0].layout.cols : 0;
  const out: ColorScale[] = [];
  for (let c = 0; c < cols; c++) {
    const ranges: Range[] = [];
    for (const t of tensors) {
      const n = t.layout.planeH * t.layout.planeW;
      for (let r = 0; r < t.layout.rows; r++) ranges.push(finiteRange(t.values, (r * t.layout.cols + c) * n, n));
    }
    out.push(sharedScale(ranges));
  }
  return out;
}
