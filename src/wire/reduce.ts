/**
 * A bounded view of a tensor too large to embed whole: the first planes along each leading axis (at most
 * REDUCED_PLANES in all, so an index of the view is the same index of the tensor) and, within each plane,
 * the mean of every f×f block (f the smallest factor that brings the view to REDUCED_VALUES or fewer). Pure,
 * browser-safe data; the payload carries it with `reduced` saying how it was made.
 */
import { computeStats } from "./stats.js";
import { shapeSize } from "../core/shape.js";

/** How a payload's data was reduced from the tensor it describes. */
export interface ReducedInfo {
  /** The tensor's real shape (the payload's `shape` is the view's). */
  originalShape: number[];
  /** Each view cell is the mean of an f×f block of a plane (partial blocks at the edges: their own cells). */
  factor: number;
  method: "mean";
}

export const REDUCED_VALUES = 2 ** 18;
export const REDUCED_PLANES = 64;

export interface ReducedView {
  shape: number[];
  data: Float32Array;
  info: ReducedInfo;
}

/** The leading dims kept: the first k of each, last axis first, so that their product is at most maxPlanes. */
function keptLead(lead: readonly number[], maxPlanes: number): number[] {
  const kept = [...lead];
  let product = 1;
  for (let a = lead.length - 1; a >= 0; a--) {
    kept[a] = Math.min(lead[a], Math.max(1, Math.floor(maxPlanes / product)));
    product *= Math.max(1, kept[a]);
  }
  return kept;
}

export function reduceView(
  shape: readonly number[],
  values: ArrayLike<number>,
  maxValues = REDUCED_VALUES,
  maxPlanes = REDUCED_PLANES,
): ReducedView {
  const rank = shape.length;
  const h = rank >= 2 ? shape[rank - 2] : 1;
  const w = rank >= 1 ? shape[rank - 1] : 1;
  const lead = shape.slice(0, Math.max(0, rank - 2));
  const kept = keptLead(lead, maxPlanes);
  const planes = shapeSize(kept);
  let f = 1;
  while (planes * Math.ceil(h / f) * Math.ceil(w / f) > maxValues) f++;
  const rh = Math.ceil(h / f);
  const rw = Math.ceil(w / f);
  const data = new Float32Array(planes * rh * rw);
  // strides of the original leading dims, to find kept plane p's offset
  const strides = lead.map((_, a) => shapeSize(lead.slice(a + 1)));
  for (let p = 0; p < planes; p++) {
    let rest = p;
    let src = 0;
    for (let a = kept.length - 1; a >= 0; a--) {
      src += (rest % kept[a]) * strides[a];
      rest = Math.floor(rest / kept[a]);
    }
    const base = src * h * w;
    for (let bi = 0; bi < rh; bi++) {
      const i1 = Math.min(h, (bi + 1) * f);
      for (let bj = 0; bj < rw; bj++) {
        const j1 = Math.min(w, (bj + 1) * f);
        let sum = 0;
        for (let i = bi * f; i < i1; i++) for (let j = bj * f; j < j1; j++) sum += values[base + i * w + j];
        data[(p * rh + bi) * rw + bj] = sum / ((i1 - bi * f) * (j1 - bj * f));
      }
    }
  }
  const viewShape = rank === 0 ? [] : rank === 1 ? [rw] : [...kept, rh, rw];
  return { shape: viewShape, data, info: { originalShape: [...shape], factor: f, method: "mean" } };
}

/**
 * The range a colour scale should span for values drawn from a tensor: its exact stats, or for a reduced view
 * the finite range of the block means shown. Block means are narrower than the tensor's extremes, and a scale
 * over the extremes would draw a reduced view nearly flat (the stats still report the exact range).
 */
export function colourRange(
  values: ArrayLike<number>,
  stats: { min: number | null; max: number | null },
  reduced: ReducedInfo | undefined,
): { min: number | null; max: number | null } {
  if (!reduced) return { min: stats.min, max: stats.max };
  const shown = computeStats(values);
  return { min: shown.min, max: shown.max };
}
