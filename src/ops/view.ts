/**
 * Shape moves, as PyTorch's: reshape/view/flatten/squeeze/unsqueeze return views (they share the values, whose
 * order does not change). transpose, permute and expand are views in PyTorch too, but a tensor here is always
 * stored row-major, so they share only when the order of values stays (a transpose or permute that moves only
 * size-1 dims, an expand that stretches nothing); otherwise they copy, and the copy is marked so `isContiguous()`
 * is false and `set` refuses to write into it (core/storage.ts). repeat, flip and roll copy, as in PyTorch; cat
 * and stack join tensors. reshape, flatten and concat are ops/reshape.ts's and ops/concat.ts's.
 */
import { normDim, normDims } from "../core/broadcast.js";
import { ParameterError } from "../core/errors.js";
import { installMethods } from "../core/methods.js";
import { Tensor, viewOf } from "../core/tensor.js";
import { allocValues, markCopy } from "../core/storage.js";
import { cloneStrides, setStrides, stridesOf } from "../core/strides.js";
import { contiguousStrides } from "../core/broadcast.js";
import { concat } from "./concat.js";
import { flatten, reshape, reshaped } from "./reshape.js";
import { gather, gatherValues, range } from "./select.js";
import { checkTensor } from "../geometry/params.js";

function needTensor(op: string, v: unknown): Tensor {
  // the library's one check: a Tensor, and not disposed (a disposed one holds no values to read)
  checkTensor(op, "input", v);
  return v as Tensor;
}

/** PyTorch takes a shape as a list or as separate numbers: t.reshape(2, 3) or t.reshape([2, 3]). */
function sizes(args: readonly (number | readonly number[])[]): number[] {
  return args.length === 1 && Array.isArray(args[0]) ? [...(args[0] as number[])] : (args as number[]);
}

/** A copy with its own data (torch.clone), keeping PyTorch's strides where its preserve_format would. */
export function clone(input: Tensor): Tensor {
  const x = needTensor("clone", input);
  const y = allocValues("clone", x.size, false, x.shape);
  y.set(x.data);
  const t = new Tensor(y, x.shape);
  setStrides(t, cloneStrides(x.shape, stridesOf(x)));
  return t;
}

/** The dims in a new order (torch.permute): a view when only size-1 dims move, otherwise a copy. */
export function permute(input: Tensor, ...dims: (number | readonly number[])[]): Tensor {
  const x = needTensor("permute", input);
  const order = sizes(dims);
  if (order.length !== x.rank)
    throw new ParameterError("permute", "dims", order, `must name each of the ${x.rank} dims once`);
  const p = order.map((d) => normDim("permute", d, x.rank, "dims"));
  if (new Set(p).size !== p.length) throw new ParameterError("permute", "dims", order, "names a dim more than once");
  const strides = contiguousStrides(x.shape);
  const shape = p.map((d) => x.shape[d]);
  const torchStrides = p.map((d) => stridesOf(x)[d]);
  if (keepsOrder(x.shape, p)) return viewOf(x, shape, 0, torchStrides);
  const st = p.map((d) => strides[d]);
  const out = allocValues("permute", x.size, false, shape);
  let o = 0;
  const rec = (k: number, off: number): void => {
    if (k === shape.length) {
      out[o++] = x.data[off];
      return;
    }
    for (let i = 0; i < shape[k]; i++) rec(k + 1, off + i * st[k]);
  };
  if (out.length > 0) rec(0, 0);
  const y = new Tensor(out, shape);
  markCopy(y, "permute");
  setStrides(y, torchStrides);
  return y;
}

/** Whether the values keep their row-major order under the dim order p: the dims of size > 1 keep theirs. */
function keepsOrder(shape: readonly number[], p: readonly number[]): boolean {
  const moved = p.filter((d) => shape[d] !== 1);
  return moved.every((d, i) => i === 0 || d > moved[i - 1]);
}

/** dim0 and dim1 swapped (torch.transpose): a view when one of them has size 1 (or they are equal), else a copy. */
export function transpose(input: Tensor, dim0: number, dim1: number): Tensor {
  const x = needTensor("transpose", input);
  const a = normDim("transpose", dim0, x.rank, "dim0");
  const b = normDim("transpose", dim1, x.rank, "dim1");
  if (x.rank === 0) return viewOf(x, x.shape);
  const order = x.shape.map((_, i) => (i === a ? b : i === b ? a : i));
  const y = permute(x, order);
  // a copy names the op the user called
  if (!keepsOrder(x.shape, order)) markCopy(y, "transpose");
  return y;
}

/**
 * The same values under a new shape, one entry may be −1 (Tensor.view): a view, refused with PyTorch's words
 * where PyTorch's strides allow none (after a transpose, say; reshape copies there).
 */
export function view(input: Tensor, ...shape: (number | readonly number[])[]): Tensor {
  return reshaped("view", needTensor("view", input), sizes(shape));
}

/** Size-1 dims removed: all of them, or those of dim (a number or list) that have size 1 (torch.squeeze). */
export function squeeze(input: Tensor, dim?: number | readonly number[]): Tensor {
  const x = needTensor("squeeze", input);
  const dims = dim === undefined ? x.shape.map((_, i) => i) : normDims("squeeze", dim, x.rank);
  const gone = (s: number, i: number): boolean => s === 1 && dims.includes(i);
  const st = stridesOf(x);
  return viewOf(
    x,
    x.shape.filter((s, i) => !gone(s, i)),
    0,
    st.filter((_, i) => !gone(x.shape[i], i)),
  );
}

/** A size-1 dim inserted at dim, in [−rank−1, rank] (torch.unsqueeze). */
export function unsqueeze(input: Tensor, dim: number): Tensor {
  const x = needTensor("unsqueeze", input);
  const d = normDim("unsqueeze", dim, x.rank, "dim", x.rank === 0 ? 0 : 1);
  const shape = [...x.shape];
  shape.splice(d, 0, 1);
  // PyTorch's stride for the new dim: the span of the dim it goes before, 1 at the end
  const st = [...stridesOf(x)];
  st.splice(d, 0, d >= x.rank ? 1 : x.shape[d] * st[d]);
  return viewOf(x, shape, 0, st);
}

/**
 * Size-1 dims stretched to `sizes` (−1 keeps a dim; new dims go in front) (Tensor.expand): a view when nothing
 * stretches, otherwise a copy (PyTorch's view repeats values through stride 0, which row-major storage cannot).
 */
export function expand(input: Tensor, ...size: (number | readonly number[])[]): Tensor {
  const x = needTensor("expand", input);
  const target = sizes(size);
  if (target.length < x.rank)
    throw new ParameterError(
      "expand",
      "size",
      target,
      `must have at least the ${x.rank} dims of shape [${x.shape.join(", ")}]`,
    );
  const lead = target.length - x.rank;
  const shape = target.map((t, i) => {
    const s = i < lead ? undefined : x.shape[i - lead];
    if (t === -1) {
      if (s === undefined) throw new ParameterError("expand", "size", target, "cannot use −1 for a new leading dim");
      return s;
    }
    if (!Number.isInteger(t) || t < 0 || (s !== undefined && s !== 1 && s !== t))
      throw new ParameterError(
        "expand",
        "size",
        target,
        `does not match shape [${x.shape.join(", ")}] (only size-1 dims stretch)`,
      );
    return t;
  });
  const src = [...new Array<number>(lead).fill(1), ...x.shape];
  // PyTorch's expand: stride 0 where a dim stretches or is new
  const xs = stridesOf(x);
  const st = shape.map((t, i) => (i < lead || (src[i] === 1 && t !== 1) ? 0 : xs[i - lead]));
  if (shape.every((t, i) => t === src[i])) return viewOf(x, shape, 0, st);
  const maps = shape.map((t, i) => (src[i] === 1 ? new Int32Array(t) : range(0, t)));
  const g = new Tensor(gatherValues(viewOf(x, src), maps), shape);
  markCopy(g, "expand");
  setStrides(g, st);
  return g;
}

/** The tensor tiled `repeats` times along each dim; more repeats than dims add leading dims (Tensor.repeat). */
export function repeat(input: Tensor, ...repeats: (number | readonly number[])[]): Tensor {
  const x = needTensor("repeat", input);
  const reps = sizes(repeats);
  if (reps.length < x.rank)
    throw new ParameterError(
      "repeat",
      "repeats",
      reps,
      `must have at least the ${x.rank} dims of shape [${x.shape.join(", ")}]`,
    );
  if (reps.some((r) => !Number.isInteger(r) || r < 0))
    throw new ParameterError("repeat", "repeats", reps, "must be whole numbers ≥ 0");
  const lead = reps.length - x.rank;
  const src = [...new Array<number>(lead).fill(1), ...x.shape];
  const maps = reps.map((r, i) => Int32Array.from({ length: r * src[i] }, (_, k) => k % src[i]));
  return new Tensor(
    gatherValues(viewOf(x, src), maps),
    maps.map((m) => m.length),
  );
}

/** The order of values reversed along each of dims (torch.flip). */
export function flip(input: Tensor, ...dims: (number | readonly number[])[]): Tensor {
  const x = needTensor("flip", input);
  const list = sizes(dims);
  const ds = list.map((d) => normDim("flip", d, x.rank, "dims"));
  if (new Set(ds).size !== ds.length) throw new ParameterError("flip", "dims", list, "names a dim more than once");
  if (x.rank === 0) return clone(x);
  return gather(
    x,
    x.shape.map((s, i) => (ds.includes(i) ? range(s - 1, s, -1) : range(0, s))),
  );
}

/**
 * Values shifted by `shifts` along dims, wrapping around (torch.roll); without dims the flattened tensor rolls
 * and keeps its shape. shifts and dims are a number each or lists of one length.
 */
export function roll(input: Tensor, shifts: number | readonly number[], dims?: number | readonly number[]): Tensor {
  const x = needTensor("roll", input);
  const sh = Array.isArray(shifts) ? (shifts as number[]) : [shifts as number];
  if (sh.some((s) => !Number.isInteger(s))) throw new ParameterError("roll", "shifts", shifts, "must be whole numbers");
  if (dims === undefined || (Array.isArray(dims) && dims.length === 0)) {
    if (sh.length !== 1)
      throw new ParameterError("roll", "shifts", shifts, "must be one number when dims is not given");
    const flat = viewOf(x, [x.size]);
    const k = x.size === 0 ? 0 : ((sh[0] % x.size) + x.size) % x.size;
    return new Tensor(
      gatherValues(flat, [Int32Array.from({ length: x.size }, (_, j) => (j - k + x.size) % x.size)]),
      x.shape,
    );
  }
  const ds = (Array.isArray(dims) ? (dims as number[]) : [dims as number]).map((d) =>
    normDim("roll", d, x.rank, "dims"),
  );
  if (ds.length !== sh.length)
    throw new ParameterError("roll", "shifts", shifts, `must have one shift per dim (dims ${JSON.stringify(dims)})`);
  const maps = x.shape.map((s) => range(0, s));
  ds.forEach((d, i) => {
    const s = x.shape[d];
    if (s === 0) return;
    const k = ((sh[i] % s) + s) % s;
    // compose: a dim may be named twice, its shifts add up
    maps[d] = Int32Array.from(maps[d], (_, j) => maps[d][(j - k + s) % s]);
  });
  return x.rank === 0 ? clone(x) : gather(x, maps);
}

/** Joins tensors along an existing dim (torch.cat); the library's concat under PyTorch's name. */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  return concat(tensors, dim);
}

/** Joins equal-shaped tensors along a new dim (torch.stack). */
export function stack(list: readonly Tensor[], dim = 0): Tensor {
  // a separate binding: Array.isArray would narrow the parameter to any[]
  const tensors: readonly Tensor[] = list;
  if (!Array.isArray(list) || tensors.length === 0)
    throw new ParameterError("stack", "tensors", tensors, "must be a non-empty list of tensors");
  tensors.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw new ParameterError("stack", `tensors[${i}]`, t, "must be a Tensor");
  });
  const first = tensors[0];
  tensors.forEach((t, i) => {
    if (t.rank !== first.rank || t.shape.some((s, a) => s !== first.shape[a]))
      throw new ParameterError(
        "stack",
        `tensors[${i}].shape`,
        t.shape,
        `must equal the first tensor's shape [${first.shape.join(", ")}]`,
      );
  });
  const d = normDim("stack", dim, first.rank, "dim", 1);
  return concat(
    tensors.map((t) => unsqueeze(t, d)),
    d,
  );
}

declare module "../core/tensor.js" {
  interface Tensor {
    /** A copy with its own data (Tensor.clone). */
    clone(): Tensor;
    /** dim0 and dim1 swapped (Tensor.transpose); a copy unless only a size-1 dim moves (then a view). */
    transpose(dim0: number, dim1: number): Tensor;
    /** The dims in a new order, `t.permute(0, 2, 3, 1)` (Tensor.permute); a copy unless only size-1 dims move. */
    permute(...dims: (number | readonly number[])[]): Tensor;
    /** A new shape, one entry may be −1: `t.reshape(2, -1)` (Tensor.reshape); a view where one fits, else a copy. */
    reshape(...shape: (number | readonly number[])[]): Tensor;
    /** A new shape sharing the values (Tensor.view); refused, as PyTorch's, where only reshape's copy fits. */
    view(...shape: (number | readonly number[])[]): Tensor;
    /** Dims startDim..endDim merged into one; default all, as Tensor.flatten (the free flatten's default startDim is 1). */
    flatten(startDim?: number, endDim?: number): Tensor;
    /** Size-1 dims removed, all or those of dim (Tensor.squeeze); a view. */
    squeeze(dim?: number | readonly number[]): Tensor;
    /** A size-1 dim inserted at dim (Tensor.unsqueeze); a view. */
    unsqueeze(dim: number): Tensor;
    /** Size-1 dims stretched to the given sizes, −1 keeps a dim (Tensor.expand); a copy unless nothing stretches. */
    expand(...size: (number | readonly number[])[]): Tensor;
    /** Tiled repeats times along each dim (Tensor.repeat). */
    repeat(...repeats: (number | readonly number[])[]): Tensor;
    /** Reversed along the given dims (Tensor.flip). */
    flip(...dims: (number | readonly number[])[]): Tensor;
    /** Shifted along dims with wrap-around (Tensor.roll). */
    roll(shifts: number | readonly number[], dims?: number | readonly number[]): Tensor;
  }
}

installMethods({
  clone() {
    return clone(this);
  },
  transpose(dim0: number, dim1: number) {
    return transpose(this, dim0, dim1);
  },
  permute(...d: (number | readonly number[])[]) {
    return permute(this, ...d);
  },
  reshape(...shape: (number | readonly number[])[]) {
    return reshape(this, sizes(shape));
  },
  view(...shape: (number | readonly number[])[]) {
    return view(this, ...shape);
  },
  // PyTorch's Tensor.flatten() flattens everything; the free flatten keeps the library's startDim 1
  flatten(startDim = 0, endDim = -1) {
    if (this.rank === 0) return flatten(this, 0, -1);
    return flatten(this, startDim, endDim);
  },
  squeeze(dim?: number | readonly number[]) {
    return squeeze(this, dim);
  },
  unsqueeze(dim: number) {
    return unsqueeze(this, dim);
  },
  expand(...size: (number | readonly number[])[]) {
    return expand(this, ...size);
  },
  repeat(...r: (number | readonly number[])[]) {
    return repeat(this, ...r);
  },
  flip(...d: (number | readonly number[])[]) {
    return flip(this, ...d);
  },
  roll(shifts: number | readonly number[], d?: number | readonly number[]) {
    return roll(this, shifts, d);
  },
});
