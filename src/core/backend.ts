/**
 * The compute backend of the pooling ops: "wasm" (WebAssembly SIMD kernels, src/wasm/) or "js" (the plain
 * TypeScript reference path). Both give PyTorch's results (both pass the golden conformance suite).
 *
 * Default: the environment variable POOLSCOPE_BACKEND ("js" or "wasm") if set, otherwise "wasm" when its
 * module loads here and "js" when it does not (fail soft). An explicit "wasm" (setBackend or the variable)
 * that cannot load is an error rather than a silent fallback.
 */
import { ParameterError } from "./errors.js";
import { wasmLoadError, wasmRuntime } from "../backend/wasm/runtime.js";

export type Backend = "js" | "wasm";

let current: Backend | undefined;

function resolve(name: unknown, source: string): Backend {
  if (name !== "js" && name !== "wasm") {
    throw new ParameterError("setBackend", "backend", name, 'must be "js" or "wasm"');
  }
  if (name === "wasm" && !wasmRuntime()) {
    throw new Error(`poolscope: backend "wasm" (${source}) is not available: ${wasmLoadError()}`);
  }
  return name;
}

/** Selects the backend of every pooling op that follows. */
export function setBackend(name: Backend): void {
  current = resolve(name, "setBackend");
}

/** The backend in use. */
export function getBackend(): Backend {
  if (current === undefined) {
    const env = typeof process !== "undefined" ? process.env.POOLSCOPE_BACKEND : undefined;
    if (env !== undefined && env !== "") current = resolve(env, "POOLSCOPE_BACKEND");
    else current = wasmRuntime() ? "wasm" : "js";
  }
  return current;
}

/** True when the ops should take the WebAssembly path. */
export function useWasm(): boolean {
  return (current ?? getBackend()) === "wasm";
}
