/**
 * The strides PyTorch would give a tensor. Values here are always stored row-major, but a PyTorch user reads
 * `is_contiguous()` and meets `view`'s refusal by PyTorch's strides: `x.t()` is non-contiguous, `x.t().t()` is
 * contiguous again, `x.t().view(-1)` refuses. So the view ops keep, beside each result, the strides PyTorch's
 * result would have (only where they differ from row-major), and isContiguous() and view() answer from them
 * with PyTorch's own rules (c10's compute_contiguous and ATen's computeStride).
 */
import { contiguousStrides } from "./broadcast.js";

/** Strides that differ from row-major, by tensor. */
const kept = new WeakMap<object, readonly number[]>();

/** The strides PyTorch would give `t`: recorded by a view op, else row-major. */
export function stridesOf(t: { readonly shape: readonly number[] }): readonly number[] {
  return kept.get(t) ?? contiguousStrides(t.shape);
}

/** Records `strides` as t's PyTorch strides (nothing to record when they are row-major). */
export function setStrides(t: { readonly shape: readonly number[] }, strides: readonly number[]): void {
  if (!isContiguousLayout(t.shape, strides)) kept.set(t, Object.freeze([...strides]));
}

/** PyTorch's is_contiguous: size-1 dims aside, each stride is the product of the sizes after it; empty is. */
export function isContiguousLayout(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.some((s) => s === 0)) return true;
  let z = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] === 1) continue;
    if (strides[d] !== z) return false;
    z *= shape[d];
  }
  return true;
}

/**
 * PyTorch's strides for `shape` viewing values laid out as (oldShape, oldStrides), or null when no view can
 * (ATen's computeStride: a run of dims that is contiguous in memory may be split or merged, nothing else).
 */
export function viewStrides(
  oldShape: readonly number[],
  oldStrides: readonly number[],
  shape: readonly number[],
): number[] | null {
  if (oldShape.length === 0) return shape.map(() => 1);
  const numel = oldShape.reduce((n, s) => n * s, 1);
  const out = new Array<number>(shape.length).fill(0);
  if (numel === 0) {
    if (oldShape.length === shape.length && oldShape.every((s, i) => s === shape[i])) return [...oldStrides];
    for (let d = shape.length - 1; d >= 0; d--)
      out[d] = d === shape.length - 1 ? 1 : Math.max(shape[d + 1], 1) * out[d + 1];
    return out;
  }
  let viewD = shape.length - 1;
  let chunkBase = oldStrides[oldStrides.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = oldShape.length - 1; d >= 0; d--) {
    tensorNumel *= oldShape[d];
    // the end of a chunk: the dim before is not laid out right after this run
    if (d === 0 || (oldShape[d - 1] !== 1 && oldStrides[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] === 1)) {
        out[viewD] = viewNumel * chunkBase;
        viewNumel *= shape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = oldStrides[d - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? out : null;
}

/**
 * The strides clone() keeps, as PyTorch's preserve_format: the input's when they are a dense, non-overlapping
 * reordering of row-major (a transpose, say), else row-major.
 */
export function cloneStrides(shape: readonly number[], strides: readonly number[]): readonly number[] {
  const order = shape.map((_, d) => d).sort((a, b) => strides[b] - strides[a] || a - b);
  let z = 1;
  for (let i = order.length - 1; i >= 0; i--) {
    const d = order[i];
    if (shape[d] === 1) continue;
    if (strides[d] !== z) return contiguousStrides(shape);
    z *= shape[d];
  }
  return strides;
}
