/**
 * poolscope's browser entry: the whole library (src/index.ts), plus `ready()`, which fetches and compiles the
 * wasm module a page can use, and `setFileBase()`, which says where loadImage's relative paths are. A bundler
 * finds this file through the "browser" condition of package.json's exports, and its "browser" field swaps
 * the four Node-only files (wasmSource, threadHost, readBytes, deflate) for their .browser.ts twins.
 *
 * Which wasm: the threads build (pool.wasm, a shared memory) where the page is cross-origin isolated and so may
 * share memory with workers; otherwise pool-single.wasm, the same kernels over a plain memory, one thread.
 */
import { getBackend, type Backend } from "./core/backend.js";
import { wasmLoadError, wasmRuntime } from "./backend/wasm/runtime.js";
import { provideWasm } from "./backend/wasm/wasmSource.browser.js";

export * from "./index.js";
export { setFileBase } from "./io/readBytes.browser.js";

// literal URLs, so a bundler (webpack, rspack) emits both files as assets next to the bundle; made only when
// asked for, as a bundle run from a blob: URL has no base to resolve them against (it passes wasmUrl instead)
const defaultWasm = (shared: boolean): URL =>
  shared
    ? new URL("./backend/wasm/pool.wasm", import.meta.url)
    : new URL("./backend/wasm/pool-single.wasm", import.meta.url);

type Fetch = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
const scope = globalThis as unknown as { fetch: Fetch; crossOriginIsolated?: boolean; SharedArrayBuffer?: unknown };

export interface ReadyOptions {
  /** Where to fetch the module from instead of next to this file; `shared` says which build it is. */
  wasmUrl?: string | URL;
  /** Whether `wasmUrl` is the shared-memory build; by default, whether the page is cross-origin isolated. */
  shared?: boolean;
}

/** What ready() found: the backend in use, whether the memory is shared, and why wasm is absent if it is. */
export interface ReadyState {
  backend: Backend;
  shared: boolean;
  wasmError: string;
}

let loading: Promise<ReadyState> | null = null;

/**
 * Fetches and instantiates the wasm module (once; later calls share the first one's promise). Fails soft, as
 * on Node: when the module cannot be had, the ops keep to the TypeScript path and `wasmError` says why.
 */
export function ready(options: ReadyOptions = {}): Promise<ReadyState> {
  loading ??= (async () => {
    const shared =
      options.shared ?? (scope.crossOriginIsolated === true && typeof scope.SharedArrayBuffer === "function");
    let fetchError = "";
    let url = "pool.wasm";
    try {
      url = String(options.wasmUrl ?? defaultWasm(shared));
      const response = await scope.fetch(url);
      if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
      provideWasm({ bytes: new Uint8Array(await response.arrayBuffer()), shared, path: url });
    } catch (e) {
      fetchError = `could not fetch pool.wasm: ${(e as Error).message}`;
    }
    const rt = fetchError ? null : wasmRuntime();
    return { backend: getBackend(), shared: rt?.shared ?? false, wasmError: fetchError || wasmLoadError() };
  })();
  return loading;
}
