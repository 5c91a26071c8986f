/**
 * Opt-in worker threads for the WebAssembly kernels: `setThreads(n)` starts n − 1 threads (threadHost.ts:
 * node:worker_threads on Node, Web Workers in a cross-origin isolated browser) that instantiate the same module over the same shared memory. A large call is split by planes (or images);
 * the calling thread runs the first part itself and waits (Atomics.wait) for the others, so the ops stay
 * synchronous. Arguments travel through a small shared control block, not messages.
 */
import { ParameterError } from "../../core/errors.js";
import { wasmLoadError, wasmRuntime, type PoolExports } from "./runtime.js";
import { startNeedsThisLoop, startThread, threadsUnavailable, type Thread } from "./threadHost.js";

/** The kernels a call can be split across threads for (workers look them up by index). */
const KERNELS = [
  "maxPool2d",
  "maxPool3x3s2",
  "avgPool2d",
  "binsPool2d",
  "sppPool",
  "planeReduce",
  "pool2dNhwc",
] as const;
export type KernelName = (typeof KERNELS)[number];
const MAX_ARGS = 30;
/** Control words: [generation, done count, started count]. */
const GEN = 0;
const DONE = 1;
const STARTED = 2;
/** Calls whose input is smaller than this run on one thread (the hand-off costs tens of microseconds). */
export const PARALLEL_MIN_BYTES = 1 << 21;

// Runs inside each thread, handed its data by threadHost.ts (a source text, so no file has to be found at run time).
const WORKER_LOOP = `(workerData) => {
const { module, memory, ctl, args, id, names, stride } = workerData;
const inst = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error("abort"); } } });
const c = new Int32Array(ctl);
const a = new Float64Array(args);
Atomics.add(c, 2, 1);
let seen = 0;
for (;;) {
  Atomics.wait(c, 0, seen);
  seen = Atomics.load(c, 0);
  if (seen < 0) break;
  const base = id * stride;
  const count = a[base + 1];
  if (count > 0) {
    const list = new Array(count);
    for (let i = 0; i < count; i++) list[i] = a[base + 2 + i];
    inst.exports[names[a[base]]](...list);
  }
  Atomics.add(c, 1, 1);
  Atomics.notify(c, 1);
}
}`;

let threads = 1;
/** Started workers; more than threads − 1 of them may exist, parked (see setThreads). */
let workers: Thread[] = [];
let ctl = new Int32Array(0);
let args = new Float64Array(0);

/**
 * Use `n` threads (this one and n − 1 workers) for large tensors; 1 (the default) runs everything here. Needs the
 * wasm backend's module; tensors below PARALLEL_MIN_BYTES still run on one thread. Going down keeps the started
 * workers parked (asleep in Atomics.wait, not keeping the process alive) so that going up again is immediate and
 * finds them warm: a fresh worker needs tens of milliseconds to start and its first calls run slower.
 */
export function setThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new ParameterError("setThreads", "n", n, "must be 1 to 64");
  if (n - 1 <= workers.length) {
    threads = n;
    return;
  }
  const rt = wasmRuntime();
  if (!rt) throw new Error(`poolscope: setThreads needs the wasm backend: ${wasmLoadError()}`);
  const unavailable = threadsUnavailable() ?? (rt.shared ? null : "its wasm module has no shared memory");
  if (unavailable) throw new Error(`poolscope: setThreads(${n}) cannot start threads here: ${unavailable}`);
  stopWorkers();
  const stride = MAX_ARGS + 2;
  const ctlBuf = new SharedArrayBuffer(12);
  const argBuf = new SharedArrayBuffer(8 * stride * n);
  ctl = new Int32Array(ctlBuf);
  args = new Float64Array(argBuf);
  for (let id = 1; id < n; id++) {
    const data = { module: rt.module, memory: rt.memory, ctl: ctlBuf, args: argBuf, id, names: KERNELS, stride };
    workers.push(startThread(WORKER_LOOP, data));
  }
  threads = n;
}

/** Threads in use (1 without workers). */
export function getThreads(): number {
  return threads;
}

function stopWorkers(): void {
  if (workers.length > 0) {
    Atomics.store(ctl, GEN, -1);
    Atomics.notify(ctl, GEN);
    for (const w of workers) w.terminate();
  }
  workers = [];
  threads = 1;
}

/** How many parts a call over `planes` planes of `bytes` input bytes should be split into. */
export function parallelPlanes(planes: number, bytes: number): number {
  if (threads <= 1 || bytes < PARALLEL_MIN_BYTES) return 1;
  // a browser starts a worker's worker only when this thread's event loop turns: until every one has, a call
  // that waited for them would wait for ever, so it runs on this thread alone
  if (startNeedsThisLoop && Atomics.load(ctl, STARTED) < workers.length) return 1;
  return Math.min(threads, planes);
}

/** Splits planes [0, planes) into `parts` ranges; part 0 runs here, the rest on the workers. */
export function runParallel(
  name: KernelName,
  planes: number,
  parts: number,
  argsOf: (p0: number, p1: number, part: number) => number[],
): void {
  const stride = MAX_ARGS + 2;
  const bounds = (i: number) => Math.round((planes * i) / parts);
  // every started worker wakes on the generation word: parts beyond `parts` (and parked workers) get no work
  for (let id = 1; id <= workers.length; id++) {
    const base = id * stride;
    if (id < parts) {
      const list = argsOf(bounds(id), bounds(id + 1), id);
      args[base] = KERNELS.indexOf(name);
      args[base + 1] = list.length;
      for (let i = 0; i < list.length; i++) args[base + 2 + i] = list[i];
    } else args[base + 1] = 0;
  }
  Atomics.store(ctl, DONE, 0);
  Atomics.add(ctl, GEN, 1);
  Atomics.notify(ctl, GEN);
  const k = (wasmRuntime() as { exports: PoolExports }).exports;
  k[name](...argsOf(0, bounds(1), 0));
  const others = workers.length;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const done = Atomics.load(ctl, DONE);
    if (done >= others) break;
    if (Date.now() > deadline) {
      stopWorkers();
      throw new Error("poolscope: worker threads did not answer within 120 s; back to one thread");
    }
    Atomics.wait(ctl, DONE, done, 1000);
  }
}
