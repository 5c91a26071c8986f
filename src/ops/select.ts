/**
 * Indexing: select, narrow, the slicing form and in-place writes by index. Every read here is one gather
 * through a per-dim list of source indices (`gather`), which pad, flip, roll and repeat reuse.
 *
 * The slicing form reads as Python's, one entry per dim, comma-separated in one string or as separate
 * arguments: `x.slice(":, 0, 1:3, ::2")` is `x.slice(":", 0, "1:3", "::2")` is PyTorch's `x[:, 0, 1:3, ::2]`.
 * An entry is an integer (picks one index and drops the dim; negative counts from the end), `start:stop` or
 * `start:stop:step` (any part may be left out; negative start/stop count from the end; out-of-range bounds are
 * clipped, so a slice may be empty), `...` (as many `:` as needed), or `null` (same as `:`). Steps must be
 * positive, as in PyTorch (use flip to reverse). Missing trailing entries mean `:`.
 *
 * select, narrow and slice return views as PyTorch's do when the selected values are one contiguous run of the
 * input: select/narrow along the first dim of size > 1 (or a dim with only size-1 dims before it), a slice that
 * steps 1 and keeps every later dim whole. Writes through such a view reach the input and back. Otherwise (a
 * select on an inner dim, a stepped slice) the result is a copy, which PyTorch would return as a non-contiguous
 * view: `isContiguous()` is false and `set` refuses to write into it (the write would not reach the input).
 */
import { broadcastShapes, normDim } from "../core/broadcast.js";
import { ParameterError } from "../core/errors.js";
import { installMethods } from "../core/methods.js";
import { Tensor, viewOf } from "../core/tensor.js";
import { allocValues, checkWritable, markCopy } from "../core/storage.js";
import { setStrides, stridesOf } from "../core/strides.js";
import { contiguousStrides } from "../core/broadcast.js";
import { shapeSize } from "../core/shape.js";
import { broadcastTo } from "./elementwise.js";
import { checkTensor } from "../geometry/params.js";

/** One entry of the slicing form: an index, a "start:stop:step" string, "...", or null (":"). */
export type SliceEntry = number | string | null;

function needTensor(op: string, v: unknown): Tensor {
  // the library's one check: a Tensor, and not disposed (a disposed one holds no values to read)
  checkTensor(op, "input", v);
  return v as Tensor;
}

/**
 * A copy of x where output position (i0, i1, …) reads x at (maps[0][i0], maps[1][i1], …); a source index of −1
 * reads `fill` instead (constant padding). The output shape is the maps' lengths.
 */
export function gather(x: Tensor, maps: readonly Int32Array[], fill = 0): Tensor {
  return new Tensor(
    gatherValues(x, maps, fill),
    maps.map((m) => m.length),
  );
}

/** gather's values alone, for a caller that gives them another shape (one Tensor per array: one user). */
export function gatherValues(x: Tensor, maps: readonly Int32Array[], fill = 0): Float32Array {
  const shape = maps.map((m) => m.length);
  const out = allocValues("gather", shapeSize(shape), false, shape);
  const strides = contiguousStrides(x.shape);
  const r = shape.length;
  if (out.length === 0) return out;
  if (r === 0) {
    out[0] = x.data[0];
    return out;
  }
  let o = 0;
  const d = x.data;
  const last = maps[r - 1];
  const ls = strides[r - 1];
  const rec = (k: number, off: number): void => {
    const m = maps[k];
    if (k === r - 1) {
      // off < 0 marks a row inside constant padding of an outer dim
      for (let i = 0; i < last.length; i++) out[o++] = off < 0 || last[i] < 0 ? fill : d[off + last[i] * ls];
      return;
    }
    for (let i = 0; i < m.length; i++) rec(k + 1, off < 0 || m[i] < 0 ? -1 : off + m[i] * strides[k]);
  };
  rec(0, 0);
  return out;
}

/** Source indices start, start+step, … (count of them). */
export function range(start: number, count: number, step = 1): Int32Array {
  const m = new Int32Array(Math.max(0, count));
  for (let i = 0; i < m.length; i++) m[i] = start + i * step;
  return m;
}

const identity = (x: Tensor): Int32Array[] => x.shape.map((s) => range(0, s));

/**
 * Where the values maps pick from a row-major `shape` are one contiguous run, in order: its offset, else −1.
 * That holds when, after any leading dims picking one index, one dim picks consecutive indices and every dim
 * after it is whole. (An empty pick is an empty run.)
 */
export function contiguousRun(shape: readonly number[], maps: readonly Int32Array[]): number {
  const strides = contiguousStrides(shape);
  if (maps.some((m) => m.length === 0)) return 0;
  let k = 0;
  while (k < maps.length && maps[k].length === 1) k++;
  if (k < maps.length) {
    const m = maps[k];
    for (let i = 1; i < m.length; i++) if (m[i] !== m[0] + i) return -1;
    for (let d = k + 1; d < maps.length; d++) if (maps[d].length !== shape[d] || maps[d][0] !== 0) return -1;
  }
  let offset = 0;
  for (let d = 0; d < maps.length; d++) offset += maps[d][0] * strides[d];
  return offset;
}

/**
 * The values maps pick, the dims `keep` marks kept (the others picked one index and go): a view when they
 * are one contiguous run of x, otherwise a copy marked as one made where PyTorch views (`op` names it). Either
 * way with the strides PyTorch's view would have: x's, times each range's step.
 */
export function pick(op: string, x: Tensor, maps: readonly Int32Array[], keep: readonly boolean[]): Tensor {
  const xs = stridesOf(x);
  const shape = maps.map((m) => m.length).filter((_, d) => keep[d]);
  const strides = maps.map((m, d) => xs[d] * (m.length > 1 ? m[1] - m[0] : 1)).filter((_, d) => keep[d]);
  const at = contiguousRun(x.shape, maps);
  if (at >= 0) return viewOf(x, shape, at, strides);
  const y = new Tensor(gatherValues(x, maps), shape);
  markCopy(y, op);
  setStrides(y, strides);
  return y;
}

/** The slice at index `index` of dim `dim`, which it removes (torch.select). */
export function select(input: Tensor, dim: number, index: number): Tensor {
  const x = needTensor("select", input);
  if (x.rank === 0)
    throw new ParameterError("select", "input", x.shape, "must have at least one dim (a 0-d tensor cannot be indexed)");
  const d = normDim("select", dim, x.rank);
  const i = checkIndex("select", "index", index, x.shape[d], d);
  const maps = identity(x);
  maps[d] = range(i, 1);
  return pick(
    "select",
    x,
    maps,
    x.shape.map((_, k) => k !== d),
  );
}

function checkIndex(op: string, param: string, index: unknown, size: number, dim: number): number {
  if (typeof index !== "number" || !Number.isInteger(index) || index < -size || index >= size) {
    throw new ParameterError(
      op,
      param,
      index,
      `is out of range for dim ${dim} of size ${size} (valid: ${-size} to ${size - 1})`,
    );
  }
  return index < 0 ? index + size : index;
}

/** `length` values of dim `dim` from `start` (negative counts from the end) (torch.narrow). */
export function narrow(input: Tensor, dim: number, start: number, length: number): Tensor {
  const x = needTensor("narrow", input);
  if (x.rank === 0) throw new ParameterError("narrow", "input", x.shape, "must have at least one dim");
  const d = normDim("narrow", dim, x.rank);
  const size = x.shape[d];
  // PyTorch lets start equal the size (an empty narrow at the end)
  if (typeof start !== "number" || !Number.isInteger(start) || start < -size || start > size)
    throw new ParameterError("narrow", "start", start, `is out of range for dim ${d} of size ${size}`);
  const s = start < 0 ? start + size : start;
  if (typeof length !== "number" || !Number.isInteger(length) || length < 0 || s + length > size)
    throw new ParameterError(
      "narrow",
      "length",
      length,
      `must be ≥ 0 and fit: start ${s} + length exceeds dim ${d} of size ${size}`,
    );
  const maps = identity(x);
  maps[d] = range(s, length);
  return pick(
    "narrow",
    x,
    maps,
    maps.map(() => true),
  );
}

/** A parsed entry: one index (the dim is dropped) or a range. */
type Parsed =
  | { kind: "index"; index: number }
  | { kind: "range"; start?: number; stop?: number; step?: number }
  | { kind: "ellipsis" };

function parseEntry(op: string, e: SliceEntry): Parsed {
  if (e === null) return { kind: "range" };
  if (typeof e === "number") {
    if (!Number.isInteger(e)) throw new ParameterError(op, "index", e, "must be a whole number");
    return { kind: "index", index: e };
  }
  if (typeof e !== "string")
    throw new ParameterError(op, "index", e, 'must be a number, a "start:stop:step" string, "..." or null');
  const s = e.trim();
  if (s === "...") return { kind: "ellipsis" };
  const num = (part: string): number | undefined => {
    const p = part.trim();
    if (p === "") return undefined;
    if (!/^[+-]?\d+$/.test(p)) throw new ParameterError(op, "index", e, "must hold whole numbers in start:stop:step");
    return Number(p);
  };
  const parts = s.split(":");
  if (parts.length === 1) return { kind: "index", index: num(parts[0]) ?? NaN };
  if (parts.length > 3) throw new ParameterError(op, "index", e, "has more than start:stop:step");
  const step = parts.length === 3 ? num(parts[2]) : undefined;
  if (step !== undefined && step <= 0)
    throw new ParameterError(op, "index", e, "must have a positive step, as in PyTorch (use flip to reverse)");
  return { kind: "range", start: num(parts[0]), stop: num(parts[1]), step };
}

/** Splits the slicing form into entries, one per dim, a comma-separated string counting as several. */
function entries(spec: readonly SliceEntry[]): SliceEntry[] {
  return spec.flatMap((e) => (typeof e === "string" && e.includes(",") ? e.split(",") : [e]));
}

/** Per-dim source indices of a slicing form, and which dims stay in the result. */
function resolve(op: string, x: Tensor, spec: readonly SliceEntry[]): { maps: Int32Array[]; keep: boolean[] } {
  const parsed = entries(spec).map((e) => parseEntry(op, e));
  const ellipses = parsed.filter((p) => p.kind === "ellipsis").length;
  if (ellipses > 1) throw new ParameterError(op, "index", spec, 'may hold "..." once');
  const used = parsed.length - ellipses;
  if (used > x.rank)
    throw new ParameterError(
      op,
      "index",
      spec,
      `has ${used} entries for a ${x.rank}-d tensor of shape [${x.shape.join(", ")}]`,
    );
  const at = parsed.findIndex((p) => p.kind === "ellipsis");
  const full: Parsed[] =
    at < 0
      ? [...parsed]
      : [
          ...parsed.slice(0, at),
          ...Array.from({ length: x.rank - used }, (): Parsed => ({ kind: "range" })),
          ...parsed.slice(at + 1),
        ];
  while (full.length < x.rank) full.push({ kind: "range" });
  const maps: Int32Array[] = [];
  const keep: boolean[] = [];
  full.forEach((p, d) => {
    const size = x.shape[d];
    if (p.kind === "index") {
      maps.push(range(checkIndex(op, "index", p.index, size, d), 1));
      keep.push(false);
    } else if (p.kind === "range") {
      // Python's slice bounds: negative from the end, then clipped into [0, size]
      const clip = (v: number | undefined, dflt: number): number =>
        v === undefined ? dflt : Math.min(size, Math.max(0, v < 0 ? v + size : v));
      const start = clip(p.start, 0);
      const stop = clip(p.stop, size);
      const step = p.step ?? 1;
      maps.push(range(start, Math.ceil(Math.max(0, stop - start) / step), step));
      keep.push(true);
    }
  });
  return { maps, keep };
}

/** The slicing form (see the file's comment): `slice(x, ":, 0, 1:3, ::2")` is PyTorch's `x[:, 0, 1:3, ::2]`. */
export function slice(input: Tensor, ...index: SliceEntry[]): Tensor {
  const x = needTensor("slice", input);
  const { maps, keep } = resolve("slice", x, index);
  return pick("slice", x, maps, keep);
}

/**
 * Writes value (a number, or a tensor broadcast to the indexed region) into x where the slicing form points,
 * in place, and returns x: PyTorch's `x[:, 0, 1:3] = value`. A full list of indices writes one value.
 */
export function set(input: Tensor, index: SliceEntry | readonly SliceEntry[], value: number | Tensor): Tensor {
  const x = needTensor("set", input);
  checkWritable("set", "input", x, x.shape);
  const spec = Array.isArray(index) ? (index as SliceEntry[]) : [index as SliceEntry];
  const { maps, keep } = resolve("set", x, spec);
  const region = maps.map((m) => m.length);
  const shape = region.filter((_, d) => keep[d]);
  // a number is written as it is; a tensor is read into a copy first, since it may be a view of x itself
  let values: Float32Array | number;
  if (typeof value === "number") values = Math.fround(value);
  else if (value instanceof Tensor) {
    const b = broadcastShapes("set", "value", shape, value.shape, "the indexed region");
    if (b.length !== shape.length || b.some((s, i) => s !== shape[i]))
      throw new ParameterError(
        "set",
        "value",
        value.shape,
        `of shape [${value.shape.join(", ")}] does not broadcast to the indexed region of shape [${shape.join(", ")}]`,
      );
    values = broadcastTo(value, shape).data;
  } else throw new ParameterError("set", "value", value, "must be a number or a Tensor");
  const strides = contiguousStrides(x.shape);
  const from = values;
  let o = 0;
  const rec = (k: number, off: number): void => {
    if (k === maps.length) {
      x.data[off] = typeof from === "number" ? from : from[o++];
      return;
    }
    const m = maps[k];
    for (let i = 0; i < m.length; i++) rec(k + 1, off + m[i] * strides[k]);
  };
  if (shapeSize(region) > 0) rec(0, 0);
  return x;
}

declare module "../core/tensor.js" {
  interface Tensor {
    /** The slice at `index` of dim `dim`, which it removes (torch.select); a view when contiguous, else a copy. */
    select(dim: number, index: number): Tensor;
    /** `length` values of dim `dim` from `start` (torch.narrow); a view when contiguous, else a copy. */
    narrow(dim: number, start: number, length: number): Tensor;
    /** Python-style slicing, `t.slice(":, 0, 1:3, ::2")` for `t[:, 0, 1:3, ::2]`; a view when contiguous, else a copy. */
    slice(...index: SliceEntry[]): Tensor;
    /**
     * Writes value where the slicing form points, in place: `t.set(":, 0", 1)` for `t[:, 0] = 1`; returns this.
     * Refuses a copy made where PyTorch returns a view (`isContiguous()` false): the write would not reach its input.
     */
    set(index: SliceEntry | readonly SliceEntry[], value: number | Tensor): Tensor;
  }
}

installMethods({
  select(dim: number, index: number) {
    return select(this, dim, index);
  },
  narrow(dim: number, start: number, length: number) {
    return narrow(this, dim, start, length);
  },
  slice(...index: SliceEntry[]) {
    return slice(this, ...index);
  },
  set(index: SliceEntry | readonly SliceEntry[], value: number | Tensor) {
    return set(this, index, value);
  },
});
