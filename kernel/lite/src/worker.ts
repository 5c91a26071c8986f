/**
 * The Web Worker the browser kernel's cells run in. It preloads poolscope (its browser entry) and makes every
 * export a global, with `poolscope` (the module) and the server kernel's `display` / `clearOutput` (imported
 * from kernel/dist, not copied), as the server kernel's prelude does. A cell compiles with compile.ts and runs
 * by global eval; its last value becomes a bundle through the server kernel's own jsonSafeBundle, console output
 * goes through its StreamCoalescer, and the outputs travel to the page as protocol.ts declares.
 */
import { format } from "node-inspect-extracted";
import * as lib from "poolscope";
import { jsonSafeBundle } from "../../dist/bundle.js";
import { clearOutput, display, setOutputChannel } from "../../dist/display.js";
import { StreamCoalescer } from "../../dist/output.js";
import { CellSyntaxError, compileCell, LIBRARY_KEY } from "./compile.js";
import { complete } from "./complete.js";
import type { ExecuteReply, FromWorker, ToWorker } from "./protocol.js";
import { CELL_URL, toJupyterError } from "./errors.js";
import { cellContext, cellName } from "../../dist/traceback.js";

const post = (m: FromWorker): void => self.postMessage(m);
const streams = new StreamCoalescer((name, text) => post({ type: "stream", name, text }));
setOutputChannel({
  publish(type, content) {
    streams.flush(); // what was printed before a display shows before it
    post({ type, content });
  },
});

const g = globalThis as unknown as Record<string | symbol, unknown>;
for (const [name, value] of Object.entries(lib)) if (name !== "default") g[name] = value;
g.poolscope = lib;
g.display = display;
g.clearOutput = clearOutput;
g[Symbol.for(LIBRARY_KEY)] = lib;

// console.log and friends as the server kernel prints them (tslab: util.format, a newline)
const write =
  (name: "stdout" | "stderr") =>
  (...args: unknown[]): void =>
    streams.write(name, `${format(...(args as [unknown]))}\n`);
Object.assign(console, {
  log: write("stdout"),
  info: write("stdout"),
  debug: write("stdout"),
  error: write("stderr"),
  warn: write("stderr"),
});

const sources = new Map<number, string>();
const globalEval = eval; // called through a variable: an indirect eval, which runs in the global scope

async function execute(code: string, count: number): Promise<ExecuteReply> {
  sources.set(count, code);
  try {
    const cell = compileCell(code, `${CELL_URL}${count}`);
    if (cell.prologue) globalEval(cell.prologue);
    const value = await (globalEval(cell.body) as Promise<unknown>);
    streams.endCell();
    return { status: "ok", data: value === undefined ? null : jsonSafeBundle(value) };
  } catch (e) {
    streams.endCell();
    if (e instanceof CellSyntaxError) {
      const traceback = [cellContext(cellName(count), code, e.line), `SyntaxError: ${e.message}`];
      return { status: "error", ename: "SyntaxError", evalue: e.message, traceback };
    }
    return { status: "error", ...toJupyterError(e, sources) };
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  // a request that throws still gets its reply: the kernel would otherwise wait on it for ever
  handle(e.data).catch((err: unknown) => {
    const error = toJupyterError(err, sources);
    post({ type: "reply", id: e.data.id, result: { status: "error", ...error } });
  });
};

async function handle(m: ToWorker): Promise<void> {
  if (m.type === "init") {
    lib.setFileBase(m.fileBase);
    // the page names the wasm files: this script runs from a blob: URL, which nothing resolves against
    const shared = self.crossOriginIsolated && typeof SharedArrayBuffer === "function";
    const state = await lib.ready({ wasmUrl: shared ? m.wasm.shared : m.wasm.single, shared });
    post({ type: "reply", id: m.id, result: state });
  } else if (m.type === "execute") {
    post({ type: "reply", id: m.id, result: await execute(m.code, m.count) });
  } else if (m.type === "complete") {
    post({ type: "reply", id: m.id, result: complete(m.code, m.cursor) });
  }
}
