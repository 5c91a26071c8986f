/**
 * Elementwise arithmetic with PyTorch's broadcasting: a tensor or a number on either side, shapes aligned from
 * the right. Free functions with torch's names and argument order, and the same as chainable Tensor methods.
 * Comparisons return 0/1 float32 (every tensor here is float32). Results are computed in double and stored as
 * float32, which for + − × ÷ is exactly float32's correctly rounded result.
 */
import { broadcastShapes, broadcastStrides } from "../core/broadcast.js";
import { ParameterError } from "../core/errors.js";
import { installMethods } from "../core/methods.js";
import { Tensor } from "../core/tensor.js";
import { shapeSize } from "../core/shape.js";
import { allocValues, valuesOf } from "../core/storage.js";
import { checkTensor } from "../geometry/params.js";

/** A tensor, or a number read as a 0-d tensor. */
export type Operand = Tensor | number;

function operand(op: string, param: string, v: unknown): Tensor | number {
  // PyTorch computes a float32 tensor with a Python number in float32: the number is rounded first
  if (typeof v === "number") return Math.fround(v);
  if (v instanceof Tensor) return needTensor(op, param, v);
  throw new ParameterError(
    op,
    param,
    typeof v === "object" ? "a non-tensor object" : v,
    "must be a Tensor or a number",
  );
}

function needTensor(op: string, param: string, v: unknown): Tensor {
  // the library's one check: a Tensor, and not disposed (a disposed one holds no values to read)
  checkTensor(op, param, v);
  return v as Tensor;
}

/**
 * Calls f(a[i], b[j]) over the broadcast shape of a and b. The same-shape and number cases are the hot paths:
 * they run one flat loop, as a hand-written typed-array loop would.
 */
export function binaryOp(
  op: string,
  a: Operand,
  b: Operand,
  f: (x: number, y: number) => number,
  names: [string, string] = ["input", "other"],
): Tensor {
  const x = operand(op, names[0], a);
  const y = operand(op, names[1], b);
  if (typeof x === "number" && typeof y === "number") return new Tensor(valuesOf(op, [f(x, y)]), []);
  if (typeof y === "number") {
    const xt = x as Tensor;
    const out = allocValues(op, xt.size, false, xt.shape);
    const d = xt.data;
    for (let i = 0; i < d.length; i++) out[i] = f(d[i], y);
    return new Tensor(out, xt.shape);
  }
  if (typeof x === "number") {
    const out = allocValues(op, y.size, false, y.shape);
    const d = y.data;
    for (let i = 0; i < d.length; i++) out[i] = f(x, d[i]);
    return new Tensor(out, y.shape);
  }
  const shape = broadcastShapes(op, names[1], x.shape, y.shape, names[0]);
  const out = allocValues(op, shapeSize(shape), false, shape);
  if (sameShape(x.shape, shape) && sameShape(y.shape, shape)) {
    const p = x.data;
    const q = y.data;
    for (let i = 0; i < out.length; i++) out[i] = f(p[i], q[i]);
  } else {
    const p = x.data;
    const q = y.data;
    walk2(shape, broadcastStrides(x.shape, shape), broadcastStrides(y.shape, shape), (o, i, j, n, si, sj) => {
      for (let k = 0; k < n; k++) out[o + k] = f(p[i + k * si], q[j + k * sj]);
    });
  }
  return new Tensor(out, shape);
}

/**
 * Walks the broadcast shape row by row: for each innermost row, calls row(outOffset, aOffset, bOffset, length,
 * aStride, bStride). Rows keep the per-element work a flat loop.
 */
function walk2(
  shape: readonly number[],
  sa: readonly number[],
  sb: readonly number[],
  row: (o: number, i: number, j: number, n: number, si: number, sj: number) => void,
): void {
  const r = shape.length;
  if (shapeSize(shape) === 0) return;
  if (r === 0) {
    row(0, 0, 0, 1, 0, 0);
    return;
  }
  const n = shape[r - 1];
  const idx = new Array<number>(r - 1).fill(0);
  let i = 0;
  let j = 0;
  for (let o = 0; ; o += n) {
    row(o, i, j, n, sa[r - 1], sb[r - 1]);
    let d = r - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      i += sa[d];
      j += sb[d];
      if (idx[d] < shape[d]) break;
      i -= sa[d] * shape[d];
      j -= sb[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** x's values read at the broadcast shape `shape` (which the caller has checked x broadcasts to), copied. */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  const out = allocValues("broadcastTo", shapeSize(shape), false, shape);
  const p = x.data;
  walk2(shape, broadcastStrides(x.shape, shape), new Array<number>(shape.length).fill(0), (o, i, _j, n, si) => {
    for (let k = 0; k < n; k++) out[o + k] = p[i + k * si];
  });
  return new Tensor(out, shape);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** f over every value, in a new tensor of the same shape. */
export function unaryOp(op: string, input: Tensor, f: (x: number) => number): Tensor {
  const x = needTensor(op, "input", input);
  const out = allocValues(op, x.size, false, x.shape);
  const d = x.data;
  for (let i = 0; i < d.length; i++) out[i] = f(d[i]);
  return new Tensor(out, x.shape);
}

// The four hot operations get their own flat loops: a loop through a shared callback would be megamorphic.
function fast(
  op: string,
  a: Operand,
  b: Operand,
  f: (x: number, y: number) => number,
  loop: (p: Float32Array, q: Float32Array | number, out: Float32Array) => void,
): Tensor {
  // a disposed operand takes the general path, whose checks refuse it by name
  const live = (t: Tensor): boolean => !t.disposed;
  if (
    a instanceof Tensor &&
    live(a) &&
    (typeof b === "number" || (b instanceof Tensor && live(b) && sameShape(a.shape, b.shape)))
  ) {
    const out = allocValues(op, a.size, false, a.shape);
    loop(a.data, typeof b === "number" ? Math.fround(b) : b.data, out);
    return new Tensor(out, a.shape);
  }
  return binaryOp(op, a, b, f);
}

/** PyTorch's `alpha` keyword, as a number or `{ alpha }`. */
export type Alpha = number | { alpha?: number };

/** The alpha of add/sub as float32 (PyTorch computes a float32 tensor's alpha in float32). */
function alphaOf(op: string, alpha: Alpha | undefined): number {
  const a = typeof alpha === "object" && alpha !== null ? alpha.alpha : alpha;
  if (a === undefined) return 1;
  if (typeof a !== "number") throw new ParameterError(op, "alpha", a, "must be a number");
  return Math.fround(a);
}

/**
 * input + alpha × other, broadcast (torch.add; alpha defaults to 1, as a number or `{ alpha }`). Computed in
 * double and stored as float32: one rounding of the exact value, as PyTorch's fused multiply-add gives.
 */
export function add(input: Operand, other: Operand, alpha?: Alpha): Tensor {
  const k = alphaOf("add", alpha);
  if (k !== 1) return scaledAdd("add", input, other, k);
  return fast(
    "add",
    input,
    other,
    (x, y) => x + y,
    (p, q, out) => {
      if (typeof q === "number") for (let i = 0; i < out.length; i++) out[i] = p[i] + q;
      else for (let i = 0; i < out.length; i++) out[i] = p[i] + q[i];
    },
  );
}

/** input − alpha × other, broadcast (torch.sub; alpha defaults to 1, as a number or `{ alpha }`). */
export function sub(input: Operand, other: Operand, alpha?: Alpha): Tensor {
  const k = alphaOf("sub", alpha);
  // PyTorch's sub is add with −alpha
  if (k !== 1) return scaledAdd("sub", input, other, -k);
  return fast(
    "sub",
    input,
    other,
    (x, y) => x - y,
    (p, q, out) => {
      if (typeof q === "number") for (let i = 0; i < out.length; i++) out[i] = p[i] - q;
      else for (let i = 0; i < out.length; i++) out[i] = p[i] - q[i];
    },
  );
}

function scaledAdd(op: string, input: Operand, other: Operand, k: number): Tensor {
  return fast(
    op,
    input,
    other,
    (x, y) => x + k * y,
    (p, q, out) => {
      if (typeof q === "number") for (let i = 0; i < out.length; i++) out[i] = p[i] + k * q;
      else for (let i = 0; i < out.length; i++) out[i] = p[i] + k * q[i];
    },
  );
}

/** input × other, broadcast (torch.mul). */
export function mul(input: Operand, other: Operand): Tensor {
  return fast(
    "mul",
    input,
    other,
    (x, y) => x * y,
    (p, q, out) => {
      if (typeof q === "number") for (let i = 0; i < out.length; i++) out[i] = p[i] * q;
      else for (let i = 0; i < out.length; i++) out[i] = p[i] * q[i];
    },
  );
}

/** torch.div's rounding_mode: none (true division), "trunc" (toward zero) or "floor" (toward −inf). */
export interface DivOptions {
  roundingMode?: "trunc" | "floor" | null;
}

/**
 * input ÷ other, broadcast (torch.div): true division, x/0 is ±inf, 0/0 NaN; with `{ roundingMode: "trunc" }`
 * the quotient rounded toward zero, with "floor" toward −inf (Python's //, as torch.floor_divide), both in
 * float32 as PyTorch's kernels (a division by zero stays ±inf or NaN).
 */
export function div(input: Operand, other: Operand, options: DivOptions = {}): Tensor {
  const mode = options?.roundingMode ?? null;
  if (mode === "trunc") return binaryOp("div", input, other, (x, y) => Math.trunc(Math.fround(x / y)));
  if (mode === "floor") return binaryOp("div", input, other, floorDiv);
  if (mode !== null)
    throw new ParameterError("div", "roundingMode", mode, 'must be "trunc", "floor" or left out (true division)');
  return fast(
    "div",
    input,
    other,
    (x, y) => x / y,
    (p, q, out) => {
      if (typeof q === "number") for (let i = 0; i < out.length; i++) out[i] = p[i] / q;
      else for (let i = 0; i < out.length; i++) out[i] = p[i] / q[i];
    },
  );
}

/**
 * PyTorch's div_floor_floating (c10/util/generic_math.h), step by step in float32: the quotient of a − fmod(a, b)
 * (exact where floor(a / b) would round a/b first), one less when the remainder's sign differs from b's, then
 * floored and, past half way, rounded up; a zero keeps the sign of a / b.
 */
function floorDiv(a: number, b: number): number {
  const f = Math.fround;
  if (b === 0) return a / b;
  // JavaScript's % is C's fmod, exact
  const mod = a % b;
  let q = f(f(a - mod) / b);
  if (mod !== 0 && b < 0 !== mod < 0) q = f(q - 1);
  if (q === 0) return a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  let r = Math.floor(q);
  if (f(q - r) > 0.5) r += 1;
  return r;
}

/** C's pow, which PyTorch follows: pow(1, y) and pow(x, 0) are 1 even for NaN; pow(−1, ±inf) is 1. */
function cpow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && !Number.isFinite(y) && !Number.isNaN(y)) return 1;
  return Math.pow(x, y);
}

/** input to the power exponent, broadcast (torch.pow); either may be a number. */
export function pow(input: Operand, exponent: Operand): Tensor {
  return binaryOp("pow", input, exponent, cpow, ["input", "exponent"]);
}

/** The larger of the two, NaN if either is NaN (torch.maximum). */
export function maximum(input: Tensor, other: Tensor): Tensor {
  needTensor("maximum", "input", input);
  needTensor("maximum", "other", other);
  return binaryOp("maximum", input, other, (x, y) => (x !== x || y !== y ? NaN : x > y ? x : y));
}

/** The smaller of the two, NaN if either is NaN (torch.minimum). */
export function minimum(input: Tensor, other: Tensor): Tensor {
  needTensor("minimum", "input", input);
  needTensor("minimum", "other", other);
  return binaryOp("minimum", input, other, (x, y) => (x !== x || y !== y ? NaN : x < y ? x : y));
}

/** −input (torch.neg). */
export function neg(input: Tensor): Tensor {
  return unaryOp("neg", input, (x) => -x);
}

/** |input| (torch.abs). */
export function abs(input: Tensor): Tensor {
  return unaryOp("abs", input, Math.abs);
}

/** e to the input (torch.exp). */
export function exp(input: Tensor): Tensor {
  return unaryOp("exp", input, Math.exp);
}

/** The natural logarithm (torch.log): −inf at 0, NaN below. */
export function log(input: Tensor): Tensor {
  return unaryOp("log", input, Math.log);
}

/** The square root (torch.sqrt): NaN below 0. */
export function sqrt(input: Tensor): Tensor {
  return unaryOp("sqrt", input, Math.sqrt);
}

/** fn applied to every value, in a new tensor of the same shape (PyTorch's Tensor.apply_, not in place). */
export function map(input: Tensor, fn: (value: number, index: number) => number): Tensor {
  const x = needTensor("map", "input", input);
  if (typeof fn !== "function") throw new ParameterError("map", "fn", fn, "must be a function of one value");
  const out = allocValues("map", x.size, false, x.shape);
  for (let i = 0; i < out.length; i++) out[i] = fn(x.data[i], i);
  return new Tensor(out, x.shape);
}

/**
 * Every value limited to [min, max] (torch.clamp): min(max(x, min), max), so min > max gives max everywhere;
 * NaN stays NaN. min or max may be a number, a tensor (broadcast) or undefined, not both undefined.
 */
export function clamp(input: Tensor, min?: Operand | null, max?: Operand | null): Tensor {
  needTensor("clamp", "input", input);
  const lo = min ?? undefined;
  const hi = max ?? undefined;
  if (lo === undefined && hi === undefined)
    throw new ParameterError("clamp", "min", min, "and max must not both be undefined");
  // two number bounds (not NaN): one pass of min(max(x, lo), hi), no intermediate tensor
  if (typeof lo === "number" && typeof hi === "number" && lo === lo && hi === hi) {
    const a = Math.fround(lo);
    const b = Math.fround(hi);
    return unaryOp("clamp", input, (x) => {
      const m = x < a ? a : x;
      return m > b ? b : m;
    });
  }
  let y = input;
  if (lo !== undefined)
    y = binaryOp("clamp", y, lo, (x, m) => (x !== x ? x : m !== m ? m : x < m ? m : x), ["input", "min"]);
  if (hi !== undefined)
    y = binaryOp("clamp", y, hi, (x, m) => (x !== x ? x : m !== m ? m : x > m ? m : x), ["input", "max"]);
  return y;
}

/** input where condition is non-zero, else other, all three broadcast (torch.where). */
export function where(condition: Tensor, input: Operand, other: Operand): Tensor {
  const c = needTensor("where", "condition", condition);
  const x = operand("where", "input", input);
  const y = operand("where", "other", other);
  // first the shape of all three, so a clash names the argument that causes it
  const xs = typeof x === "number" ? [] : x.shape;
  const ys = typeof y === "number" ? [] : y.shape;
  const shape = broadcastShapes(
    "where",
    "other",
    broadcastShapes("where", "input", c.shape, xs, "condition"),
    ys,
    "condition and input",
  );
  const size = shapeSize(shape);
  // each operand read in place through its broadcast strides (a number: one value, stride 0), no expanded copies
  const values = (v: Tensor | number): Float32Array => (typeof v === "number" ? Float32Array.of(v) : v.data);
  const strides = (v: Tensor | number): number[] =>
    typeof v === "number" ? shape.map(() => 0) : broadcastStrides(v.shape, shape);
  const [dc, dx, dy] = [values(c), values(x), values(y)];
  const [sc, sx, sy] = [strides(c), strides(x), strides(y)];
  const out = allocValues("where", size, false, shape);
  const r = shape.length;
  const idx = new Array<number>(r).fill(0);
  let pc = 0;
  let px = 0;
  let py = 0;
  for (let o = 0; o < size; o++) {
    out[o] = dc[pc] !== 0 ? dx[px] : dy[py];
    for (let d = r - 1; d >= 0; d--) {
      idx[d]++;
      pc += sc[d];
      px += sx[d];
      py += sy[d];
      if (idx[d] < shape[d]) break;
      pc -= sc[d] * shape[d];
      px -= sx[d] * shape[d];
      py -= sy[d] * shape[d];
      idx[d] = 0;
    }
  }
  return new Tensor(out, shape);
}

const compare =
  (op: string, f: (x: number, y: number) => boolean) =>
  (input: Operand, other: Operand): Tensor =>
    binaryOp(op, input, other, (x, y) => (f(x, y) ? 1 : 0));

/** 1 where input == other, else 0 (torch.eq); NaN equals nothing. */
export const eq: (input: Operand, other: Operand) => Tensor = compare("eq", (x, y) => x === y);
/** 1 where input != other, else 0 (torch.ne); NaN differs from everything. */
export const ne: (input: Operand, other: Operand) => Tensor = compare("ne", (x, y) => x !== y);
/** 1 where input > other, else 0 (torch.gt). */
export const gt: (input: Operand, other: Operand) => Tensor = compare("gt", (x, y) => x > y);
/** 1 where input >= other, else 0 (torch.ge). */
export const ge: (input: Operand, other: Operand) => Tensor = compare("ge", (x, y) => x >= y);
/** 1 where input < other, else 0 (torch.lt). */
export const lt: (input: Operand, other: Operand) => Tensor = compare("lt", (x, y) => x < y);
/** 1 where input <= other, else 0 (torch.le). */
export const le: (input: Operand, other: Operand) => Tensor = compare("le", (x, y) => x <= y);

declare module "../core/tensor.js" {
  interface Tensor {
    /** this + alpha × other, broadcast (torch.add; alpha 1 unless given, as a number or `{ alpha }`). */
    add(other: Operand, alpha?: Alpha): Tensor;
    /** this − alpha × other, broadcast (torch.sub; alpha 1 unless given, as a number or `{ alpha }`). */
    sub(other: Operand, alpha?: Alpha): Tensor;
    /** this × other, broadcast (torch.mul). */
    mul(other: Operand): Tensor;
    /** this ÷ other, broadcast: true division, or `{ roundingMode: "trunc" | "floor" }` (torch.div). */
    div(other: Operand, options?: DivOptions): Tensor;
    /** this to the power exponent, broadcast (torch.pow). */
    pow(exponent: Operand): Tensor;
    /** The larger of this and other, NaN if either is (torch.maximum). */
    maximum(other: Tensor): Tensor;
    /** The smaller of this and other, NaN if either is (torch.minimum). */
    minimum(other: Tensor): Tensor;
    /** −this (torch.neg). */
    neg(): Tensor;
    /** |this| (torch.abs). */
    abs(): Tensor;
    /** e to each value (torch.exp). */
    exp(): Tensor;
    /** The natural logarithm of each value (torch.log). */
    log(): Tensor;
    /** The square root of each value (torch.sqrt). */
    sqrt(): Tensor;
    /** Each value limited to [min, max]; either bound may be undefined (torch.clamp). */
    clamp(min?: Operand | null, max?: Operand | null): Tensor;
    /** fn of each value (and its flat index), in a new tensor of the same shape. */
    map(fn: (value: number, index: number) => number): Tensor;
    /** this where condition is non-zero, else other (Tensor.where). */
    where(condition: Tensor, other: Operand): Tensor;
    /** 1 where this == other, else 0 (torch.eq). */
    eq(other: Operand): Tensor;
    /** 1 where this != other, else 0 (torch.ne). */
    ne(other: Operand): Tensor;
    /** 1 where this > other, else 0 (torch.gt). */
    gt(other: Operand): Tensor;
    /** 1 where this >= other, else 0 (torch.ge). */
    ge(other: Operand): Tensor;
    /** 1 where this < other, else 0 (torch.lt). */
    lt(other: Operand): Tensor;
    /** 1 where this <= other, else 0 (torch.le). */
    le(other: Operand): Tensor;
  }
}

installMethods({
  add(other: Operand, alpha?: Alpha) {
    return add(this, other, alpha);
  },
  sub(other: Operand, alpha?: Alpha) {
    return sub(this, other, alpha);
  },
  mul(other: Operand) {
    return mul(this, other);
  },
  div(other: Operand, options?: DivOptions) {
    return div(this, other, options);
  },
  pow(exponent: Operand) {
    return pow(this, exponent);
  },
  maximum(other: Tensor) {
    return maximum(this, other);
  },
  minimum(other: Tensor) {
    return minimum(this, other);
  },
  neg() {
    return neg(this);
  },
  abs() {
    return abs(this);
  },
  exp() {
    return exp(this);
  },
  log() {
    return log(this);
  },
  sqrt() {
    return sqrt(this);
  },
  clamp(min?: Operand | null, max?: Operand | null) {
    return clamp(this, min, max);
  },
  map(fn: (value: number, index: number) => number) {
    return map(this, fn);
  },
  // Tensor.where(condition, y) is torch.where(condition, self, y)
  where(condition: Tensor, other: Operand) {
    return where(condition, this, other);
  },
  eq(other: Operand) {
    return eq(this, other);
  },
  ne(other: Operand) {
    return ne(this, other);
  },
  gt(other: Operand) {
    return gt(this, other);
  },
  ge(other: Operand) {
    return ge(this, other);
  },
  lt(other: Operand) {
    return lt(this, other);
  },
  le(other: Operand) {
    return le(this, other);
  },
});
