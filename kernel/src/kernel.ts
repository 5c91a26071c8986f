/**
 * Starts the poolscope kernel: the Jupyter server, then tslab's converter and executor and the prelude.
 * Written after tslab's own startKernel, which cannot take a prelude or a display hook, and whose search for
 * a local tslab could swap in another copy.
 */
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { loadPrelude, type Prelude } from "./prelude.js";
import { saveCompileCache } from "./compile-cache.js";
import { PoolscopeServer } from "./server.js";
import type { BoundSockets } from "./sockets.js";
import { trace } from "./trace.js";
import { createCellExecutor, type CellExecutor } from "./cells.js";
import { createHandler, type CellHandler } from "./inspect.js";
import { buildSnapshot } from "./startup-snapshot.js";
import { checkNodeTypes, snapshotRequest, snapshotUse, tslabVersion, type Executor } from "./tslab.js";

const kernelVersion = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** After the kernel is ready, how long it waits before it builds a start-up snapshot in the background. */
const SNAPSHOT_BUILD_DELAY_MS = 5000;

export async function startKernel(configPath: string, sockets: BoundSockets): Promise<void> {
  const typesWarning = checkNodeTypes();
  if (typesWarning) console.error(typesWarning);

  // Serve first, compile later: binding the sockets and answering kernel_info takes a few hundred ms, while
  // building TypeScript's program (lib and @types/node, ~0.8 s of parsing unless the start-up snapshot holds them
  // parsed, startup-snapshot.ts) blocks the event loop. So the server comes up with no executor; requests that
  // need one (execute, complete, inspect) wait for it, the rest are answered at once. See
  // PoolscopeServer.whenQuiet for when the build starts.
  let executor: CellExecutor | null = null;
  const server = new PoolscopeServer(configPath, {
    implementation: "poolscope",
    implementationVersion: kernelVersion,
    banner: `poolscope kernel ${kernelVersion} (tslab ${tslabVersion}): TypeScript with poolscope preloaded`,
  });

  // Interrupts (SIGINT) and the parent watch are the server's (server.ts, parent.ts).
  // A rejected promise or an exception in a callback must not end the kernel: report it in the latest cell.
  process.on("unhandledRejection", (reason) => {
    process.stderr.write(`Unhandled promise rejection: ${formatReason(reason)}\n`);
  });
  process.on("uncaughtException", (error) => {
    process.stderr.write(`Uncaught exception: ${formatReason(error)}\n`);
  });
  await server.init(sockets);
  trace("sockets bound");

  // The prelude imports poolscope to list its names; the module loader reads its files while the kernel waits for
  // a quiet moment, so that the import is done, or nearly, when the build below has blocked the event loop.
  const prelude = loadPrelude();
  prelude.catch(() => undefined); // its failure is reported where it is awaited
  await server.whenQuiet();
  trace("build starts");
  executor = createPreludedExecutor(server);
  trace(`compiler built (${snapshotUse().used} files from the start-up snapshot, ${snapshotUse().stale} changed)`);
  try {
    const handler = takePrelude(executor, await prelude);
    const warm = warmedUp(executor);
    server.attach(warm.executor, handler);
    trace(
      `prelude taken, ready (${snapshotUse().used} files from the start-up snapshot, ${snapshotUse().stale} changed)`,
    );
    // A cell that waited for the prelude goes first and does the warming itself: the server starts it only after
    // one more turn of the event loop (so a pending interrupt reaches it), hence the explicit check, not the order.
    if (!server.cellsWaiting) setImmediate(() => void (server.cellsWaiting ? undefined : warm.start()));
    // the code cache once a cell has been compiled (the warm-up or the learner's first), so that it holds the
    // checker's and the emitter's code too: the prelude compiles nothing (prelude.ts)
    void warm.firstCellDone.then(() => saveCompileCache());
  } catch (e) {
    process.stderr.write(`${formatReason(e)}\n`);
    process.exit(1);
  }
  // the snapshot for the next start, built a little later so that it does not slow this start's first cells
  setTimeout(() => {
    const request = snapshotRequest();
    if (request) buildSnapshot(request.options, request.files, request.stale);
  }, SNAPSHOT_BUILD_DELAY_MS).unref();
}

function createPreludedExecutor(server: PoolscopeServer): CellExecutor {
  return createCellExecutor(process.cwd(), {
    // tslab calls log only with a cell's last value, error with diagnostics and exceptions.
    log: (value: unknown) => {
      const s = server.sink;
      if (s) s.result(value);
      else console.log(inspect(value));
    },
    error: (...args: unknown[]) => {
      const s = server.sink;
      if (s) s.error(args);
      else console.error(...args);
    },
  });
}

/** Takes the prelude (without compiling it, prelude.ts); returns the handler for the executor (completion, inspection). */
function takePrelude(executor: CellExecutor, prelude: Prelude): CellHandler {
  executor.adopt(prelude);
  return createHandler(executor);
}

/**
 * A cell like a learner's first ones: a tensor, a traced pooling, each shown as a cell's value would be. After the
 * prelude the type checker has only seen imports; the first real cell then paid for checking poolscope's types in
 * use, emitting, and the first (unoptimised) runs of the display path, about 0.1–0.3 s. Declares nothing and
 * evaluates to undefined, so the namespace, the declarations and the kernel's output are as before.
 */
export const WARM_UP_CELL = [
  "void (() => {",
  "  const x = tensor([[[[1, 2, 0], [3, 4, 5], [6, 7, 8]]]]);",
  "  const traced = maxPool2d(x, { kernelSize: 2, stride: 1, trace: true });",
  "  return [x[JUPYTER_DISPLAY](), traced[JUPYTER_DISPLAY](), randn([1, 1, 600, 600])[JUPYTER_DISPLAY]()];",
  "})();",
].join("\n");

/**
 * The executor the server gets, and the warm-up: start() runs WARM_UP_CELL unless a cell came first (a cell that
 * waited for the prelude does the warming itself, and must not wait for a warm-up too); a cell that comes during
 * the warm-up waits for it to end, so the two never run interleaved. kernel_info, interrupts and the rest are
 * answered between its steps. A failure only costs the speed-up.
 */
function warmedUp(executor: Executor): { executor: Executor; start(): Promise<void>; firstCellDone: Promise<void> } {
  let used = false;
  let markFirstCellDone: () => void = () => undefined;
  /** Resolves when the first cell (the warm-up or the learner's) has been compiled and run. */
  const firstCellDone = new Promise<void>((resolve) => (markFirstCellDone = resolve));
  let warming: Promise<unknown> = Promise.resolve();
  const guarded: Executor = {
    ...executor,
    async execute(src: string, count?: number): Promise<boolean> {
      used = true;
      await warming;
      try {
        return await executor.execute(src, count);
      } finally {
        markFirstCellDone();
      }
    },
  };
  const start = async (): Promise<void> => {
    if (used || process.env.POOLSCOPE_KERNEL_NO_WARM_UP) return;
    trace("warm-up starts");
    warming = executor.execute(WARM_UP_CELL).then(
      (ok) => ok || process.stderr.write("poolscope kernel: the warm-up cell failed\n"),
      (e: unknown) => process.stderr.write(`poolscope kernel: the warm-up cell failed: ${formatReason(e)}\n`),
    );
    await warming;
    markFirstCellDone();
    // for the kernel's tests, which ask from a cell: whether a warm-up ran
    (globalThis as Record<symbol, unknown>)[Symbol.for("poolscope.kernel.warmedUp")] = true;
    trace("warmed up");
  };
  return { executor: guarded, start, firstCellDone };
}

function formatReason(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? reason.message) : inspect(reason);
}
