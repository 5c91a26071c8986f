/**
 * Starting one worker thread of the wasm kernels, in a browser (package.json's "browser" field puts this
 * file in place of threadHost.ts): a Web Worker from a Blob URL, handed the shared memory by postMessage.
 * Sharing memory with a worker needs a cross-origin isolated page (COOP/COEP headers), and the calling
 * thread waits with Atomics.wait, which a page's main thread may not; without either, one thread it is.
 */
import type { Thread } from "./threadHost.js";

export type { Thread } from "./threadHost.js";

/** The part of the worker API used here (the library's lib settings declare no DOM). */
interface WebWorkerScope {
  crossOriginIsolated?: boolean;
  document?: unknown;
  Worker: new (url: string) => { postMessage(data: unknown): void; terminate(): void };
  Blob: new (parts: string[], options: { type: string }) => object;
  URL: { createObjectURL(blob: object): string };
}
const scope = globalThis as unknown as WebWorkerScope;

/** A worker started from a worker (the kernel's cells run in one) loads only when its parent yields. */
export const startNeedsThisLoop = true;

export function threadsUnavailable(): string | null {
  if (scope.crossOriginIsolated !== true)
    return "the page is not cross-origin isolated (it needs the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp), so it cannot share memory with workers";
  if (scope.document !== undefined)
    return "a page's main thread may not wait (Atomics.wait); run poolscope in a Web Worker";
  return null;
}

export function startThread(loop: string, data: object): Thread {
  const source = `self.onmessage = (e) => { self.onmessage = null; (${loop})(e.data); };\n`;
  const url = scope.URL.createObjectURL(new scope.Blob([source], { type: "text/javascript" }));
  const w = new scope.Worker(url);
  w.postMessage(data);
  return { terminate: () => w.terminate() };
}
