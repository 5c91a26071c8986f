/**
 * Starting one worker thread of the wasm kernels, on Node: a node:worker_threads Worker that runs the loop
 * workers.ts gives it. package.json's "browser" field swaps this file for threadHost.browser.ts (Web Workers).
 */
import { Worker } from "node:worker_threads";

/** What a started thread offers back: stopping it. */
export interface Thread {
  terminate(): void;
}

/** Whether a started thread runs only once the starting thread's event loop turns (on Node it does not). */
export const startNeedsThisLoop = false;

/** Why threads cannot run here, or null when they can (on Node they always can). */
export function threadsUnavailable(): string | null {
  return null;
}

/**
 * Starts a thread that runs `loop` (the source of a function of one argument) on `data`. Eval'd as a CommonJS
 * script, so no file has to be found at run time; unref'd, so a parked thread does not keep the process alive.
 */
export function startThread(loop: string, data: object): Thread {
  const source = `const { workerData } = require("node:worker_threads");\n(${loop})(workerData);\n`;
  const w = new Worker(source, { eval: true, workerData: data });
  w.unref();
  return { terminate: () => void w.terminate() };
}
