/**
 * Where the wasm module's bytes come from, in a browser (package.json's "browser" field puts this file in
 * place of wasmSource.ts). A page cannot read a file synchronously, and wasmRuntime() is synchronous, so the
 * browser entry (src/browser.ts) fetches the bytes first and hands them over here with `provideWasm`.
 */
import type { WasmSource } from "./wasmSource.js";

export type { WasmSource } from "./wasmSource.js";

let provided: WasmSource | null = null;

/** Sets the module runtime.ts will instantiate; called once by the browser entry's `ready()`. */
export function provideWasm(source: WasmSource): void {
  provided = source;
}

/** No files to look in: the bytes arrive through provideWasm. */
export function wasmPathCandidates(): string[] {
  return [];
}

export function wasmSource(): WasmSource {
  if (!provided) throw new Error("pool.wasm is not loaded yet: await ready() from poolscope's browser entry first");
  return provided;
}
