/**
 * A plot's SVG fallback, drawn in the kernel by vega itself (vega-lite's compile, then vega's headless
 * `View.toSVG()`): no canvas, no native module, nothing downloaded.
 *
 * Display bundles are made synchronously (a cell's value, `display()`), but `toSVG()` returns a promise, and
 * rendering vega synchronously would mean reaching into its post-run internals. So one worker thread, started on
 * the first plot and kept (unref'd), runs vega; this thread waits for it with Atomics.wait and takes its answer
 * with receiveMessageOnPort. vega and vega-lite load in the worker only, so `import "poolscope"` stays light.
 * (A browser kernel would call the same two functions, compile and toSVG, and await them.)
 */
import { createRequire } from "node:module";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { bytesText } from "../core/errors.js";
import type { VegaLiteSpec } from "./plot.js";

/**
 * The most an SVG fallback may weigh: it is saved in the notebook beside the spec, and a typical plot's is 6–15 kB,
 * but every scatter point is a path of ~260 bytes (10,000 of them: 2.6 MB). Past this the bundle goes without it.
 */
export const PLOT_SVG_BYTES = 1 << 20;

/** How long a plot may take to draw, first load of vega included, before it is given up (the bundle goes without SVG). */
const RENDER_TIMEOUT_MS = 30_000;

// Runs in the worker (eval'd as a CommonJS script, so no file has to be found at run time); the packages are
// resolved here, from poolscope's own dependencies, and handed over as paths.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { port, signal, vegaPath, vegaLitePath } = workerData;
const flag = new Int32Array(signal);
let vega, vl;
port.on("message", async ({ spec }) => {
  let answer;
  try {
    vega ??= require(vegaPath);
    vl ??= require(vegaLitePath);
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
    answer = { svg: await view.toSVG() };
    view.finalize();
  } catch (e) {
    answer = { error: String(e && e.message ? e.message : e) };
  }
  port.postMessage(answer);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

interface Renderer {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

let renderer: Renderer | null = null;

function start(): Renderer {
  const require = createRequire(import.meta.url);
  const signal = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { port: port2, signal, vegaPath: require.resolve("vega"), vegaLitePath: require.resolve("vega-lite") },
    transferList: [port2],
  });
  // neither keeps a script (or the kernel at exit) alive
  worker.unref();
  port1.unref();
  // a crashed worker is replaced by the next plot
  worker.on("error", () => stop(worker));
  worker.on("exit", () => stop(worker));
  return { worker, port: port1, flag: new Int32Array(signal) };
}

function stop(worker: Worker): void {
  if (renderer?.worker !== worker) return;
  renderer.port.close();
  void worker.terminate();
  renderer = null;
}

/** The SVG vega draws for a Vega-Lite spec; throws (with vega's message) if it cannot be drawn in time. */
export function plotSvg(spec: VegaLiteSpec): string | null {
  renderer ??= start();
  const r = renderer;
  Atomics.store(r.flag, 0, 0);
  r.port.postMessage({ spec });
  if (Atomics.wait(r.flag, 0, 0, RENDER_TIMEOUT_MS) === "timed-out") {
    stop(r.worker);
    throw new Error(`plot: the SVG was not drawn within ${RENDER_TIMEOUT_MS / 1000} s`);
  }
  const answer = receiveMessageOnPort(r.port)?.message as { svg?: string; error?: string } | undefined;
  if (answer?.svg === undefined) throw new Error(`plot: vega could not draw the SVG: ${answer?.error ?? "no answer"}`);
  if (answer.svg.length > PLOT_SVG_BYTES) {
    throw new Error(
      `plot: the SVG would take ${bytesText(answer.svg.length)}, over the ${bytesText(PLOT_SVG_BYTES)} a fallback may; fewer points would fit`,
    );
  }
  return answer.svg;
}
