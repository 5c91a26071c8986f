/**
 * Reductions over every value or over `dim` (a number or a list, negative allowed), with `keepdim`, as PyTorch:
 * sums accumulate in double (PyTorch's float32 cascade differs from it by rounding only), max/min/amax/amin
 * propagate NaN, argmax/argmin and max(dim)/min(dim) give the first index of the extreme value (a NaN counts as
 * the extreme), std/var divide by N − correction (correction 1 by default).
 */
import { normDim, normDims } from "../core/broadcast.js";
import { ParameterError } from "../core/errors.js";
import { installMethods } from "../core/methods.js";
import { Tensor } from "../core/tensor.js";
import { contiguousStrides } from "../core/broadcast.js";
import { shapeSize } from "../core/shape.js";
import { maximum, minimum } from "./elementwise.js";
import { allocValues, valuesOf } from "../core/storage.js";
import { checkTensor } from "../geometry/params.js";

/** One dim, or several. */
export type Dims = number | readonly number[];

/** PyTorch's values-and-indices pair (torch.return_types.max and friends). */
export interface ValuesIndices {
  values: Tensor;
  indices: Tensor;
}

function needTensor(op: string, v: unknown): Tensor {
  // the library's one check: a Tensor, and not disposed (a disposed one holds no values to read)
  checkTensor(op, "input", v);
  return v as Tensor;
}

function checkKeepdim(op: string, keepdim: unknown): boolean {
  if (keepdim === undefined) return false;
  if (typeof keepdim !== "boolean") throw new ParameterError(op, "keepdim", keepdim, "must be true or false");
  return keepdim;
}

/**
 * The layout of a reduction: the output shape, and for output k and reduced step r the input offset
 * kept[k] + reduced[r], in row-major order of the reduced dims (so "first index" is PyTorch's first).
 */
interface Plan {
  shape: number[];
  kept: Int32Array;
  reduced: Int32Array;
}

function plan(x: Tensor, dims: readonly number[], keepdim: boolean): Plan {
  const strides = contiguousStrides(x.shape);
  const isReduced = x.shape.map((_, d) => dims.includes(d));
  const offsets = (which: boolean): Int32Array => {
    const ds = x.shape.map((_, d) => d).filter((d) => isReduced[d] === which);
    const out = new Int32Array(shapeSize(ds.map((d) => x.shape[d])));
    let n = 0;
    const rec = (k: number, off: number): void => {
      if (k === ds.length) {
        out[n++] = off;
        return;
      }
      for (let i = 0; i < x.shape[ds[k]]; i++) rec(k + 1, off + i * strides[ds[k]]);
    };
    if (out.length > 0) rec(0, 0);
    return out;
  };
  const shape = keepdim ? x.shape.map((s, d) => (isReduced[d] ? 1 : s)) : x.shape.filter((_, d) => !isReduced[d]);
  return { shape, kept: offsets(false), reduced: offsets(true) };
}

/** For every output: f(values of the reduced positions) → one number. */
function reduceBy(
  x: Tensor,
  dims: readonly number[],
  keepdim: boolean,
  f: (data: Float32Array, base: number, reduced: Int32Array) => number,
): Tensor {
  const p = plan(x, dims, keepdim);
  const out = allocValues("reduce", p.kept.length, false);
  for (let k = 0; k < out.length; k++) out[k] = f(x.data, p.kept[k], p.reduced);
  return new Tensor(out, p.shape);
}

function refuseEmpty(op: string, x: Tensor, dims: readonly number[], whole: boolean): void {
  const empty = dims.find((d) => x.shape[d] === 0);
  if (empty === undefined && !(x.size === 0 && (whole || dims.length === 0))) return;
  // over every value the tensor itself is at fault; over a dim, that dim
  throw new ParameterError(
    op,
    whole ? "input" : "dim",
    whole ? x.shape : (empty ?? dims),
    `cannot be reduced over an empty dim of shape [${x.shape.join(", ")}]: the ${op} of no values is undefined`,
  );
}

/** The sum of every value, or over dim (torch.sum). */
export function sum(input: Tensor, dim?: Dims | null, keepdim?: boolean): Tensor {
  const x = needTensor("sum", input);
  const kd = checkKeepdim("sum", keepdim);
  const dims = normDims("sum", dim, x.rank);
  if (dims.length === x.rank && !kd) {
    // the hot path: one flat loop
    const d = x.data;
    let s = 0;
    for (let i = 0; i < d.length; i++) s += d[i];
    return new Tensor(valuesOf("sum", [s]), []);
  }
  return reduceBy(x, dims, kd, (d, b, r) => {
    let s = 0;
    for (let i = 0; i < r.length; i++) s += d[b + r[i]];
    return s;
  });
}

/** The mean of every value, or over dim (torch.mean); NaN over no values. */
export function mean(input: Tensor, dim?: Dims | null, keepdim?: boolean): Tensor {
  const x = needTensor("mean", input);
  const kd = checkKeepdim("mean", keepdim);
  const dims = normDims("mean", dim, x.rank);
  return reduceBy(x, dims, kd, (d, b, r) => {
    let s = 0;
    for (let i = 0; i < r.length; i++) s += d[b + r[i]];
    return s / r.length;
  });
}

/** The product of every value, or over one dim (torch.prod). */
export function prod(input: Tensor, dim?: number | null, keepdim?: boolean): Tensor {
  const x = needTensor("prod", input);
  const kd = checkKeepdim("prod", keepdim);
  if (Array.isArray(dim)) throw new ParameterError("prod", "dim", dim, "must be one dim (torch.prod takes one)");
  const dims = dim === undefined || dim === null ? normDims("prod", undefined, x.rank) : [normDim("prod", dim, x.rank)];
  return reduceBy(x, x.rank === 0 ? [] : dims, kd, (d, b, r) => {
    // float32 products overflow where double ones do not: round every step, as PyTorch's float32 loop does
    let s = 1;
    for (let i = 0; i < r.length; i++) s = Math.fround(s * d[b + r[i]]);
    return s;
  });
}

/** Index (within the reduced positions) of the first maximum (or minimum); a NaN wins at once. */
function argExtreme(d: Float32Array, b: number, r: Int32Array, larger: boolean): number {
  let best = 0;
  let v = d[b + r[0]];
  if (v !== v) return 0;
  for (let i = 1; i < r.length; i++) {
    const w = d[b + r[i]];
    if (w !== w) return i;
    if (larger ? w > v : w < v) {
      v = w;
      best = i;
    }
  }
  return best;
}

function extreme(
  op: string,
  input: Tensor,
  dim: Dims | null | undefined,
  keepdim: boolean | undefined,
  larger: boolean,
): Tensor {
  const x = needTensor(op, input);
  const kd = checkKeepdim(op, keepdim);
  const dims = normDims(op, dim, x.rank);
  refuseEmpty(op, x, dims, dim === undefined || dim === null);
  return reduceBy(x, dims, kd, (d, b, r) => d[b + r[argExtreme(d, b, r, larger)]]);
}

/** The largest value over every value or over dim, NaN if any is NaN (torch.amax). */
export function amax(input: Tensor, dim?: Dims | null, keepdim?: boolean): Tensor {
  return extreme("amax", input, dim, keepdim, true);
}

/** The smallest value over every value or over dim, NaN if any is NaN (torch.amin). */
export function amin(input: Tensor, dim?: Dims | null, keepdim?: boolean): Tensor {
  return extreme("amin", input, dim, keepdim, false);
}

function argOf(
  op: string,
  input: Tensor,
  dim: number | null | undefined,
  keepdim: boolean | undefined,
  larger: boolean,
): Tensor {
  const x = needTensor(op, input);
  const kd = checkKeepdim(op, keepdim);
  if (Array.isArray(dim)) throw new ParameterError(op, "dim", dim, "must be one dim");
  if (dim === undefined || dim === null) {
    const all = normDims(op, undefined, x.rank);
    refuseEmpty(op, x, all, true);
    // over the flattened tensor; keepdim keeps every dim as 1, as PyTorch 2 does
    const r = plan(x, all, kd);
    return new Tensor(valuesOf(op, [argExtreme(x.data, 0, r.reduced, larger)]), r.shape);
  }
  const d = normDim(op, dim, x.rank);
  const dims = x.rank === 0 ? [] : [d];
  refuseEmpty(op, x, dims, false);
  return reduceBy(x, dims, kd, (data, b, r) => argExtreme(data, b, r, larger));
}

/** The flat index of the first maximum, or its index along dim (torch.argmax); a NaN counts as the maximum. */
export function argmax(input: Tensor, dim?: number | null, keepdim?: boolean): Tensor {
  return argOf("argmax", input, dim, keepdim, true);
}

/** The flat index of the first minimum, or its index along dim (torch.argmin); a NaN counts as the minimum. */
export function argmin(input: Tensor, dim?: number | null, keepdim?: boolean): Tensor {
  return argOf("argmin", input, dim, keepdim, false);
}

function maxMin(
  op: string,
  input: Tensor,
  dim: number | Tensor | null | undefined,
  keepdim: boolean | undefined,
  larger: boolean,
): Tensor | ValuesIndices {
  if (dim instanceof Tensor) return larger ? maximum(input, dim) : minimum(input, dim);
  if (dim === undefined || dim === null) return extreme(op, input, undefined, false, larger);
  if (Array.isArray(dim)) throw new ParameterError(op, "dim", dim, `must be one dim (use a${op} for several)`);
  return { values: extreme(op, input, dim, keepdim, larger), indices: argOf(op, input, dim, keepdim, larger) };
}

/**
 * torch.max: the largest value of all (a 0-d tensor); with dim, `{ values, indices }` along it; with a tensor,
 * the elementwise maximum. NaN propagates; indices are of the first maximum (or first NaN).
 */
export function max(input: Tensor): Tensor;
export function max(input: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function max(input: Tensor, other: Tensor): Tensor;
export function max(input: Tensor, dim?: number | Tensor | null, keepdim?: boolean): Tensor | ValuesIndices {
  return maxMin("max", input, dim, keepdim, true);
}

/** torch.min: as max, for the smallest. */
export function min(input: Tensor): Tensor;
export function min(input: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function min(input: Tensor, other: Tensor): Tensor;
export function min(input: Tensor, dim?: number | Tensor | null, keepdim?: boolean): Tensor | ValuesIndices {
  return maxMin("min", input, dim, keepdim, false);
}

/** std and var's keyword options. */
export interface VarOptions {
  /** Divide by N − correction; 1 (Bessel's) by default, 0 for the population value. */
  correction?: number;
  keepdim?: boolean;
}

function varianceOf(
  op: string,
  input: Tensor,
  dim: Dims | null | undefined,
  options: VarOptions | undefined,
  root: boolean,
): Tensor {
  const x = needTensor(op, input);
  const o = options ?? {};
  if (typeof o !== "object") throw new ParameterError(op, "options", o, "must be { correction?, keepdim? }");
  const kd = checkKeepdim(op, o.keepdim);
  const c = o.correction ?? 1;
  if (typeof c !== "number" || !Number.isFinite(c)) throw new ParameterError(op, "correction", c, "must be a number");
  const dims = normDims(op, dim, x.rank);
  return reduceBy(x, dims, kd, (d, b, r) => {
    let s = 0;
    for (let i = 0; i < r.length; i++) s += d[b + r[i]];
    const m = s / r.length;
    let q = 0;
    for (let i = 0; i < r.length; i++) q += (d[b + r[i]] - m) ** 2;
    const v = q / Math.max(0, r.length - c);
    return root ? Math.sqrt(v) : v;
  });
}

/**
 * The variance over every value or over dim, dividing by N − correction (torch.var, correction 1 default).
 * `var` is a reserved word in JavaScript, so the free function is `variance`; the method is `t.var()`.
 */
export function variance(input: Tensor, dim?: Dims | null, options?: VarOptions): Tensor {
  return varianceOf("var", input, dim, options, false);
}

/** The standard deviation over every value or over dim, √var (torch.std, correction 1 default). */
export function std(input: Tensor, dim?: Dims | null, options?: VarOptions): Tensor {
  return varianceOf("std", input, dim, options, true);
}

/**
 * The p-norm over every value or over dim (torch.norm): p = 2 (default, also "fro"), 1, any number, Infinity
 * (largest |x|), −Infinity (smallest |x|), 0 (count of non-zeros).
 */
export function norm(input: Tensor, p: number | "fro" = 2, dim?: Dims | null, keepdim?: boolean): Tensor {
  const x = needTensor("norm", input);
  const kd = checkKeepdim("norm", keepdim);
  const q = p === "fro" ? 2 : p;
  if (typeof q !== "number" || Number.isNaN(q)) throw new ParameterError("norm", "p", p, 'must be a number or "fro"');
  const dims = normDims("norm", dim, x.rank);
  if (!Number.isFinite(q)) refuseEmpty("norm", x, dims, dim === undefined || dim === null);
  return reduceBy(x, dims, kd, (d, b, r) => {
    if (q === Infinity || q === -Infinity) {
      let m = q === Infinity ? 0 : Infinity;
      for (let i = 0; i < r.length; i++) {
        const a = Math.abs(d[b + r[i]]);
        if (a !== a) return NaN;
        m = q === Infinity ? Math.max(m, a) : Math.min(m, a);
      }
      return m;
    }
    let s = 0;
    if (q === 0) {
      for (let i = 0; i < r.length; i++) s += d[b + r[i]] !== 0 ? 1 : 0;
      return s;
    }
    if (q === 2) {
      for (let i = 0; i < r.length; i++) s += d[b + r[i]] * d[b + r[i]];
      return Math.sqrt(s);
    }
    if (q === 1) {
      for (let i = 0; i < r.length; i++) s += Math.abs(d[b + r[i]]);
      return s;
    }
    for (let i = 0; i < r.length; i++) s += Math.abs(d[b + r[i]]) ** q;
    return s ** (1 / q);
  });
}

/** The one value of a one-value tensor, as a number (Tensor.item). */
export function item(input: Tensor): number {
  const x = needTensor("item", input);
  if (x.size !== 1) {
    throw new ParameterError(
      "item",
      "input",
      x.shape,
      "must hold exactly one value (a tensor of shape [" + x.shape.join(", ") + "] holds " + x.size + ")",
    );
  }
  return x.data[0];
}

declare module "../core/tensor.js" {
  interface Tensor {
    /** The sum of every value, or over dim (torch.sum). */
    sum(dim?: Dims | null, keepdim?: boolean): Tensor;
    /** The mean of every value, or over dim (torch.mean). */
    mean(dim?: Dims | null, keepdim?: boolean): Tensor;
    /** The product of every value, or over one dim (torch.prod). */
    prod(dim?: number | null, keepdim?: boolean): Tensor;
    /** The largest value (0-d); with dim `{ values, indices }`; with a tensor the elementwise maximum (torch.max). */
    max(): Tensor;
    max(dim: number, keepdim?: boolean): ValuesIndices;
    max(other: Tensor): Tensor;
    /** The smallest value (0-d); with dim `{ values, indices }`; with a tensor the elementwise minimum (torch.min). */
    min(): Tensor;
    min(dim: number, keepdim?: boolean): ValuesIndices;
    min(other: Tensor): Tensor;
    /** The largest value over every value or over dim, NaN-propagating (torch.amax). */
    amax(dim?: Dims | null, keepdim?: boolean): Tensor;
    /** The smallest value over every value or over dim, NaN-propagating (torch.amin). */
    amin(dim?: Dims | null, keepdim?: boolean): Tensor;
    /** The flat index of the first maximum, or the index along dim (torch.argmax). */
    argmax(dim?: number | null, keepdim?: boolean): Tensor;
    /** The flat index of the first minimum, or the index along dim (torch.argmin). */
    argmin(dim?: number | null, keepdim?: boolean): Tensor;
    /** The standard deviation, dividing by N − correction (default 1) (torch.std). */
    std(dim?: Dims | null, options?: VarOptions): Tensor;
    /** The variance, dividing by N − correction (default 1) (torch.var). */
    var(dim?: Dims | null, options?: VarOptions): Tensor;
    /** The p-norm (default 2) over every value or over dim (torch.norm). */
    norm(p?: number | "fro", dim?: Dims | null, keepdim?: boolean): Tensor;
    /** The one value of a one-value tensor, as a number (Tensor.item). */
    item(): number;
  }
}

installMethods({
  sum(dim?: Dims | null, keepdim?: boolean) {
    return sum(this, dim, keepdim);
  },
  mean(dim?: Dims | null, keepdim?: boolean) {
    return mean(this, dim, keepdim);
  },
  prod(dim?: number | null, keepdim?: boolean) {
    return prod(this, dim, keepdim);
  },
  max(dim?: number | Tensor | null, keepdim?: boolean) {
    return maxMin("max", this, dim, keepdim, true);
  },
  min(dim?: number | Tensor | null, keepdim?: boolean) {
    return maxMin("min", this, dim, keepdim, false);
  },
  amax(dim?: Dims | null, keepdim?: boolean) {
    return amax(this, dim, keepdim);
  },
  amin(dim?: Dims | null, keepdim?: boolean) {
    return amin(this, dim, keepdim);
  },
  argmax(dim?: number | null, keepdim?: boolean) {
    return argmax(this, dim, keepdim);
  },
  argmin(dim?: number | null, keepdim?: boolean) {
    return argmin(this, dim, keepdim);
  },
  std(dim?: Dims | null, options?: VarOptions) {
    return std(this, dim, options);
  },
  var(dim?: Dims | null, options?: VarOptions) {
    return variance(this, dim, options);
  },
  norm(p?: number | "fro", dim?: Dims | null, keepdim?: boolean) {
    return norm(this, p, dim, keepdim);
  },
  item() {
    return item(this);
  },
});
