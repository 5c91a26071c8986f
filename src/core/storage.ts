/**
 * Where a tensor's values live, and when they are given back. On the wasm backend a new tensor's values are a
 * block of the WebAssembly module's memory (backend/wasm/runtime.ts `residentFloats`), so the kernels read and
 * write them in place with no copy per call; on the js backend, or when the resident part of that memory is
 * full, a plain Float32Array. Either way `data` is a Float32Array the user reads and writes.
 *
 * A block goes back when the collector finds its view unreachable (a FinalizationRegistry), at once on
 * `dispose()`, and at the end of `tidy(fn)` for every tensor made inside fn that fn does not return.
 *
 * Views (reshape, a select along the first dim, …) share their base's values: their `data` is the base's array
 * or a `subarray` of it. Every tensor on one block counts as one user of it, whichever part it sees, so the
 * block stays while any of them is undisposed: disposing the base leaves its views readable, and disposing a
 * view leaves the base. A subarray does not keep the array it was cut from reachable, so `roots` does: a
 * WeakMap holds its value as long as its key lives, the block cannot be collected while any part is in use.
 */
import { bytesText, ParameterError, ResourceError } from "./errors.js";
import { useWasm } from "./backend.js";
import { releaseFloats, residentFloats, retainFloats } from "../backend/wasm/runtime.js";

/** `size` float32 values for a new tensor of `op` (zeroed unless `zero` is false: the caller fills them all). */
export function allocValues(op: string, size: number, zero = true, shape: readonly number[] = [size]): Float32Array {
  if (useWasm()) {
    const resident = residentFloats(size, zero);
    if (resident) return resident;
  }
  try {
    return new Float32Array(size);
  } catch (e) {
    // V8 says "Invalid typed array length: N" past its limit (2^32 values here), or "Array buffer allocation failed"
    if (!(e instanceof RangeError)) throw e;
    throw new ResourceError(
      op,
      "Float32Array length",
      `shape [${shape.join(", ")}] holds ${size.toLocaleString("en-US")} values (${bytesText(size * 4)} as float32), ` +
        `more than this JavaScript engine can allocate as one Float32Array (${e.message})`,
    );
  }
}

/** `values` copied into new values of `op` where the backend keeps tensors (a 0-d result's one number, say). */
export function valuesOf(op: string, values: ArrayLike<number>): Float32Array {
  const y = allocValues(op, values.length, false);
  // set() takes typed arrays and plain arrays alike, converting to float32
  y.set(values);
  return y;
}

/** What a tidy scope holds: anything with values to give back. */
export interface Disposable {
  dispose(): void;
}

/** Open tidy scopes, innermost last; each lists the tensors made while it was innermost. */
const scopes: Disposable[][] = [];

/** The array a subarray was cut from (itself a root: cuts of cuts map to the first array). */
const roots = new WeakMap<Float32Array, Float32Array>();

/** The array whose block `data` lies in: itself, or the array a view's subarray was cut from. */
export function rootOf(data: Float32Array): Float32Array {
  return roots.get(data) ?? data;
}

/**
 * Values `offset ..< offset + length` of `data` as a view sharing them (the same array when it is all of it),
 * for a view tensor whose values are one contiguous run of its base's.
 */
export function shareValues(data: Float32Array, offset: number, length: number): Float32Array {
  if (offset === 0 && length === data.length) return data;
  const part = data.subarray(offset, offset + length);
  roots.set(part, rootOf(data));
  return part;
}

/** Called by every new Tensor: one more user of its values, and a member of the innermost tidy scope. */
export function adopt(t: Disposable, data: Float32Array): void {
  retainFloats(rootOf(data));
  if (scopes.length > 0) scopes[scopes.length - 1].push(t);
}

/** Called by `dispose()`: one user less; the last one gives a resident block back at once. */
export function release(data: Float32Array): void {
  releaseFloats(rootOf(data));
}

/**
 * Tensors that are copies where PyTorch returns a view sharing the input's values (a transpose, a stepped slice,
 * an expand: results that are not one contiguous run of the input), by the op that copied. Writing into one
 * would not reach the input as a PyTorch user expects, so in-place writes refuse them (`checkWritable`).
 */
const copies = new WeakMap<object, string>();

/** Marks `t` as the copy `op` made where PyTorch returns a view. */
export function markCopy(t: object, op: string): void {
  copies.set(t, op);
}

/** The op that made `t` as a copy where PyTorch returns a view, or undefined. */
export function copiedBy(t: object): string | undefined {
  return copies.get(t);
}

/** Refuses an in-place write into `t` (argument `param` of `op`) when `t` is such a copy. */
export function checkWritable(op: string, param: string, t: object, shape: readonly number[]): void {
  const by = copies.get(t);
  if (by === undefined) return;
  throw new ParameterError(
    op,
    param,
    shape,
    `is a copy made by ${by} (PyTorch's ${by} returns a view of its input here, this library copies results ` +
      `that are not one contiguous run of the input), so a write into it would not reach the input; ` +
      `write into the input instead, or call .clone() to write into an independent copy`,
  );
}

/**
 * Runs `fn` and disposes every tensor made inside it except those it returns (a tensor, or tensors inside the
 * arrays and objects it returns, e.g. a traced result's output), as TF.js's tf.tidy. The kept tensors belong
 * to the enclosing scope, if any. Values of disposed tensors must not be used afterwards.
 */
export function tidy<T>(fn: () => T): T {
  const mine: Disposable[] = [];
  scopes.push(mine);
  let result: T;
  try {
    result = fn();
  } finally {
    scopes.pop();
  }
  const kept = new Set<unknown>();
  collect(result, kept, 0);
  const outer = scopes.length > 0 ? scopes[scopes.length - 1] : null;
  for (const t of mine) {
    if (kept.has(t)) outer?.push(t);
    else t.dispose();
  }
  return result;
}

/** Every object reachable from `v` through arrays, maps, sets and own properties (a few levels deep). */
function collect(v: unknown, into: Set<unknown>, depth: number): void {
  if (typeof v !== "object" || v === null || into.has(v) || ArrayBuffer.isView(v) || depth > 6) return;
  into.add(v);
  const next = (x: unknown): void => collect(x, into, depth + 1);
  if (Array.isArray(v)) v.forEach(next);
  else if (v instanceof Map) v.forEach((x, k) => (next(k), next(x)));
  else if (v instanceof Set) v.forEach(next);
  else for (const k of Object.keys(v)) next((v as Record<string, unknown>)[k]);
}
