/**
 * Ordering: sort and topk (values and indices, as PyTorch's CPU kernels: a stable order, so equal values keep
 * their index order; NaN counts as larger than every number) and nonzero.
 */
import { normDim } from "../core/broadcast.js";
import { ParameterError } from "../core/errors.js";
import { installMethods } from "../core/methods.js";
import { contiguousStrides } from "../core/broadcast.js";
import { Tensor } from "../core/tensor.js";
import type { ValuesIndices } from "./reduce.js";
import { allocValues, valuesOf } from "../core/storage.js";

function needTensor(op: string, v: unknown): Tensor {
  if (v instanceof Tensor) return v;
  throw new ParameterError(op, "input", typeof v === "object" ? "a non-tensor object" : v, "must be a Tensor");
}

// NaN above +inf, as PyTorch orders it
const ascending = (a: number, b: number): number => (a !== a ? (b !== b ? 0 : 1) : b !== b ? -1 : a - b);

/**
 * For every line along dim: the positions ordered, the first `take` of them kept. Both outputs have the
 * input's shape with dim of length `take`.
 */
function ordered(x: Tensor, dim: number, descending: boolean, take: number): ValuesIndices {
  const r = Math.max(x.rank, 1);
  const shape = x.rank === 0 ? [1] : [...x.shape];
  const len = shape[dim];
  const strides = contiguousStrides(shape);
  const st = strides[dim];
  const outShape = [...shape];
  outShape[dim] = take;
  const outStrides = contiguousStrides(outShape);
  const values = allocValues(
    "sort",
    shape.reduce((n, s, i) => n * (i === dim ? take : s), 1),
    false,
  );
  const indices = allocValues("sort", values.length, false);
  const lines = x.size / Math.max(len, 1);
  const order = Array.from({ length: len }, (_, i) => i);
  for (let l = 0; l < (len === 0 ? 0 : lines); l++) {
    // the offset of line l: l counts the other dims in row-major order
    let rest = l;
    let base = 0;
    let outBase = 0;
    for (let d = r - 1; d >= 0; d--) {
      if (d === dim) continue;
      const i = rest % shape[d];
      rest = Math.floor(rest / shape[d]);
      base += i * strides[d];
      outBase += i * outStrides[d];
    }
    for (let i = 0; i < len; i++) order[i] = i;
    // Array.prototype.sort is stable
    order.sort((a, b) => {
      const c = ascending(x.data[base + a * st], x.data[base + b * st]);
      return descending ? -c : c;
    });
    for (let i = 0; i < take; i++) {
      values[outBase + i * outStrides[dim]] = x.data[base + order[i] * st];
      indices[outBase + i * outStrides[dim]] = order[i];
    }
  }
  const s = x.rank === 0 ? [] : outShape;
  return { values: new Tensor(values, s), indices: new Tensor(indices, s) };
}

/** The values along dim in order, with their original indices (torch.sort; stable). */
export function sort(input: Tensor, dim = -1, descending = false): ValuesIndices {
  const x = needTensor("sort", input);
  const d = normDim("sort", dim, x.rank);
  if (typeof descending !== "boolean")
    throw new ParameterError("sort", "descending", descending, "must be true or false");
  return ordered(x, d, descending, x.rank === 0 ? 1 : x.shape[d]);
}

/**
 * The k largest (or smallest) values along dim, largest (smallest) first, with their indices (torch.topk).
 * With sorted = false PyTorch promises no order (its CPU kernel's varies with k and the size); this one
 * returns the sorted order then too, ties by index as with sorted = true.
 */
export function topk(input: Tensor, k: number, dim = -1, largest = true, sorted = true): ValuesIndices {
  const x = needTensor("topk", input);
  const d = normDim("topk", dim, x.rank);
  const len = x.rank === 0 ? 1 : x.shape[d];
  if (typeof k !== "number" || !Number.isInteger(k) || k < 0 || k > len)
    throw new ParameterError("topk", "k", k, `must be in [0, ${len}], the size of dim ${d}`);
  if (typeof largest !== "boolean") throw new ParameterError("topk", "largest", largest, "must be true or false");
  if (typeof sorted !== "boolean") throw new ParameterError("topk", "sorted", sorted, "must be true or false");
  return ordered(x, d, largest, k);
}

/** The indices of the non-zero values, one row (of rank entries) per value, in row-major order (torch.nonzero). */
export function nonzero(input: Tensor): Tensor {
  const x = needTensor("nonzero", input);
  const rows: number[] = [];
  const strides = contiguousStrides(x.shape);
  let count = 0;
  for (let i = 0; i < x.size; i++) {
    if (x.data[i] === 0) continue;
    count++;
    for (let d = 0; d < x.rank; d++) rows.push(Math.floor(i / strides[d]) % x.shape[d]);
  }
  return new Tensor(valuesOf("nonzero", rows), [count, x.rank]);
}

declare module "../core/tensor.js" {
  interface Tensor {
    /** Sorted along dim (default −1), `{ values, indices }`, stable (torch.sort). */
    sort(dim?: number, descending?: boolean): ValuesIndices;
    /** The k largest (or smallest) along dim, `{ values, indices }` (torch.topk); always in sorted order. */
    topk(k: number, dim?: number, largest?: boolean, sorted?: boolean): ValuesIndices;
    /** The indices of the non-zero values, shape [count, rank] (torch.nonzero). */
    nonzero(): Tensor;
  }
}

installMethods({
  sort(dim?: number, descending?: boolean) {
    return sort(this, dim, descending);
  },
  topk(k: number, dim?: number, largest?: boolean, sorted?: boolean) {
    return topk(this, k, dim, largest, sorted);
  },
  nonzero() {
    return nonzero(this);
  },
});
