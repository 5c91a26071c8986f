/**
 * Where a tensor's values live, and when they are given back. On the wasm backend a new tensor's values are a
 * block of the WebAssembly module's memory (backend/wasm/runtime.ts `residentFloats`), so the kernels read and
 * write them in place with no copy per call; on the js backend, or when the resident part of that memory is
 * full, a plain Float32Array. Either way `data` is a Float32Array the user reads and writes.
 *
 * A block goes back when the collector finds its view unreachable (a FinalizationRegistry), at once on
 * `dispose()`, and at the end of `tidy(fn)` for every tensor made inside fn that fn does not return.
 */
import { bytesText, ResourceError } from "./errors.js";
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

/** What a tidy scope holds: anything with values to give back. */
export interface Disposable {
  dispose(): void;
}

/** Open tidy scopes, innermost last; each lists the tensors made while it was innermost. */
const scopes: Disposable[][] = [];

/** Called by every new Tensor: one more user of its values, and a member of the innermost tidy scope. */
export function adopt(t: Disposable, data: Float32Array): void {
  retainFloats(data);
  if (scopes.length > 0) scopes[scopes.length - 1].push(t);
}

/** Called by `dispose()`: one user less; the last one gives a resident block back at once. */
export function release(data: Float32Array): void {
  releaseFloats(data);
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
