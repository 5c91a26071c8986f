/**
 * Ordering: sort and topk (values and indices, as PyTorch's CPU kernels: a stable order, so equal values keep
 * their index order; NaN counts as larger than every number) and nonzero.
 */
import { normDim } from "../core/broadcast.js";
import { ParameterError } from "../core/errors.js";
import { installMethods } from "../core/methods.js";
import { contiguousStrides } from "../core/broadcast.js";
import { Tensor } from "../core/tensor.js";
import { shapeSize } from "../core/shape.js";
import type { ValuesIndices } from "./reduce.js";
import { allocValues, valuesOf } from "../core/storage.js";
import { nthElement, partialSort, stdSort, type Less } from "./stdOrder.js";
import { checkTensor } from "../geometry/params.js";

function needTensor(op: string, v: unknown): Tensor {
  // the library's one check: a Tensor, and not disposed (a disposed one holds no values to read)
  checkTensor(op, "input", v);
  return v as Tensor;
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
 * The k largest (or smallest) values along dim, largest (smallest) first, with their indices (torch.topk), NaN
 * counting as the largest. Among equal values the order is PyTorch's on CPU: its kernel runs C++'s unstable
 * std::partial_sort (k × 64 ≤ the dim's size) or std::nth_element then std::sort, and ops/stdOrder.ts repeats
 * GNU libstdc++'s steps. With sorted = false PyTorch promises no order; this returns its kernel's order then
 * too (nth_element's, not sorted in general; with partial_sort's path, sorted).
 */
export function topk(input: Tensor, k: number, dim = -1, largest = true, sorted = true): ValuesIndices {
  const x = needTensor("topk", input);
  const d = normDim("topk", dim, x.rank);
  const len = x.rank === 0 ? 1 : x.shape[d];
  if (typeof k !== "number" || !Number.isInteger(k) || k < 0 || k > len)
    throw new ParameterError("topk", "k", k, `must be in [0, ${len}], the size of dim ${d}`);
  if (typeof largest !== "boolean") throw new ParameterError("topk", "largest", largest, "must be true or false");
  if (typeof sorted !== "boolean") throw new ParameterError("topk", "sorted", sorted, "must be true or false");
  // a 0-d tensor is its own top 1 (and, as PyTorch's, its own top 0)
  if (x.rank === 0)
    return { values: new Tensor(valuesOf("topk", x.data), []), indices: new Tensor(valuesOf("topk", [0]), []) };
  const shape = x.rank === 0 ? [] : x.shape.map((s, i) => (i === d ? k : s));
  const values = allocValues("topk", shapeSize(shape), false, shape);
  const indices = allocValues("topk", values.length, false, shape);
  const inner = x.rank === 0 ? 1 : shapeSize(x.shape.slice(d + 1));
  const lines = len === 0 ? 0 : x.size / len;
  const q = new Int32Array(len);
  const data = x.data;
  let base = 0;
  const v = (id: number): number => data[base + id * inner];
  const less: Less = largest
    ? (a, b) => {
        const p = v(a);
        const r = v(b);
        return (p !== p && r === r) || p > r;
      }
    : (a, b) => {
        const p = v(a);
        const r = v(b);
        return (p === p && r !== r) || p < r;
      };
  for (let l = 0; l < (k === 0 ? 0 : lines); l++) {
    // line l: outer index ⌊l / inner⌋, inner index l mod inner
    base = Math.floor(l / inner) * len * inner + (l % inner);
    for (let j = 0; j < len; j++) q[j] = j;
    if (k * 64 <= len) partialSort(q, 0, k, len, less);
    else {
      nthElement(q, 0, k - 1, len, less);
      if (sorted) stdSort(q, 0, k - 1, less);
    }
    const outBase = Math.floor(l / inner) * k * inner + (l % inner);
    for (let j = 0; j < k; j++) {
      values[outBase + j * inner] = v(q[j]);
      indices[outBase + j * inner] = q[j];
    }
  }
  return { values: new Tensor(values, shape), indices: new Tensor(indices, shape) };
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
    /** The k largest (or smallest) along dim, `{ values, indices }`, ties in PyTorch's CPU order (torch.topk). */
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
