/**
 * The pooling kernels behind one interface, one table per backend: js/ (the TypeScript reference, every
 * kernel, every case) and wasm/ (WebAssembly SIMD, the cases it has a kernel for). `run` is the one place an
 * op's kernel call meets the backend choice (core/backend.ts): the chosen table's kernel runs, and where it has
 * none for the case (returns null), the reference does. Ops never branch on the backend themselves.
 *
 * Kernels work on raw float32 planes, channels first unless the name says otherwise; `out` is a hint a
 * kernel may write into (the op still copies into `out` when the kernel did not).
 */
import { useWasm } from "../core/backend.js";
import { JS_KERNELS } from "./js/kernels.js";
import type { PoolKernels } from "./kernels.js";
import { WASM_KERNELS } from "./wasm/index.js";

export type { ConvShape, PoolKernels, PoolValues } from "./kernels.js";

type AllKernels = { [K in keyof PoolKernels]-?: PoolKernels[K] };
type Call<K extends keyof PoolKernels> = Parameters<AllKernels[K]>;
type Result<K extends keyof PoolKernels> = NonNullable<ReturnType<AllKernels[K]>>;

/** The table of the backend in use (the one place that reads the backend choice for kernels). */
function selected(): PoolKernels {
  return useWasm() ? WASM_KERNELS : JS_KERNELS;
}

/** Runs a kernel on the backend in use, or on the TypeScript reference where that backend has none. */
export function run<K extends "maxPool" | "avgPool" | "binsPool">(name: K, ...args: Call<K>): Result<K> {
  // the tables are typed per kernel; indexing them by a generic name needs these casts
  const fast = (selected()[name] as unknown as (...a: Call<K>) => Result<K> | null)(...args);
  return fast ?? (JS_KERNELS[name] as unknown as (...a: Call<K>) => Result<K>)(...args);
}

/** Runs an optional fast path on the backend in use; null when it has none for the case. */
export function tryFast<K extends "poolChannelsLast" | "sppPool" | "conv2d" | "relu">(
  name: K,
  ...args: Call<K>
): Result<K> | null {
  const kernel = selected()[name] as unknown as ((...a: Call<K>) => Result<K> | null) | undefined;
  return kernel ? kernel(...args) : null;
}
