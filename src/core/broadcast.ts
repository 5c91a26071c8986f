/**
 * Broadcasting and dim arithmetic, as PyTorch defines them: the one place the tensor API aligns shapes from the
 * right and resolves negative dims, so every op refuses the same shapes with the same words.
 */
import { ParameterError } from "./errors.js";

const show = (shape: readonly number[]): string => `[${shape.join(", ")}]`;

/** The broadcast shape of a and b; a ParameterError naming op, the argument and both shapes when they clash. */
export function broadcastShapes(
  op: string,
  param: string,
  a: readonly number[],
  b: readonly number[],
  aName = "input",
): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
    if (da !== db && da !== 1 && db !== 1) {
      throw new ParameterError(
        op,
        param,
        b,
        `of shape ${show(b)} does not broadcast with ${aName} of shape ${show(a)} (dim ${i - rank}: ${db} vs ${da})`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * The row-major strides of `shape` read as broadcast to `target` (0 where a dim is stretched or missing), so a
 * walk over `target` can index the smaller tensor without copying it.
 */
export function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const strides = new Array<number>(target.length).fill(0);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const t = i + target.length - shape.length;
    strides[t] = shape[i] === 1 && target[t] !== 1 ? 0 : stride;
    stride *= shape[i];
  }
  return strides;
}

/** Row-major strides of a contiguous shape. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/**
 * A dim in [−rank, rank) as a non-negative index. `extra` widens the range for ops that insert a dim
 * (unsqueeze, stack: −rank−1 … rank). A 0-d tensor accepts dim 0 and −1, as PyTorch does.
 */
export function normDim(op: string, dim: unknown, rank: number, param = "dim", extra = 0): number {
  const r = Math.max(rank, 1) + extra;
  if (typeof dim !== "number" || !Number.isInteger(dim) || dim < -r || dim >= r) {
    throw new ParameterError(op, param, dim, `must be an integer in [${-r}, ${r - 1}] for a ${rank}-d tensor`);
  }
  return dim < 0 ? dim + r : dim;
}

/** A dim or a list of dims, each once, sorted; undefined (or an empty list, as PyTorch's sum) means all. */
export function normDims(op: string, dim: unknown, rank: number): number[] {
  if (dim === undefined || dim === null || (Array.isArray(dim) && dim.length === 0)) {
    return Array.from({ length: rank }, (_, i) => i);
  }
  const list = Array.isArray(dim) ? (dim as unknown[]) : [dim];
  const dims = list.map((d) => normDim(op, d, rank));
  if (new Set(dims).size !== dims.length) {
    throw new ParameterError(op, "dim", dim, "names a dim more than once");
  }
  // a 0-d tensor's dim 0 is itself: nothing to reduce over
  return rank === 0 ? [] : dims.sort((x, y) => x - y);
}
