/**
 * Where the wasm module's bytes come from, on Node: pool.wasm read from disk, the shared-memory (threads) build.
 * package.json's "browser" field swaps this file for wasmSource.browser.ts, so runtime.ts itself stays free
 * of node:fs and a bundler for the web finds no Node module in it.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface WasmSource {
  bytes: Uint8Array;
  /** Whether the module imports a shared memory (the threads build) or a plain one (pool-single.wasm). */
  shared: boolean;
  /** Where the bytes were read from (a path or a URL), for messages. */
  path: string;
}

/** Candidate locations of pool.wasm: next to this file once built (dist/backend/wasm/), or there from src/backend/wasm/. */
export function wasmPathCandidates(): string[] {
  return [new URL("./pool.wasm", import.meta.url), new URL("../../../dist/backend/wasm/pool.wasm", import.meta.url)]
    .filter((u) => u.protocol === "file:")
    .map((u) => fileURLToPath(u));
}

/** The module's bytes; throws, saying where it looked, when there is no built pool.wasm. */
export function wasmSource(): WasmSource {
  const path = wasmPathCandidates().find((p) => existsSync(p));
  if (!path) throw new Error(`pool.wasm not found (looked in ${wasmPathCandidates().join(", ")}); run npm run build`);
  return { bytes: readFileSync(path), shared: true, path };
}
