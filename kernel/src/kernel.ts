/**
 * Starts the poolscope kernel: the Jupyter server, then tslab's converter and executor and the prelude.
 * Written after tslab's own startKernel, which cannot take a prelude or a display hook, and whose search for
 * a local tslab could swap in another copy.
 */
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { preludeSource } from "./prelude.js";
import { saveCompileCache } from "./compile-cache.js";
import { PoolscopeServer } from "./server.js";
import type { BoundSockets } from "./sockets.js";
import { trace } from "./trace.js";
import { createCellExecutor } from "./cells.js";
import { createHandler, type CellHandler } from "./inspect.js";
import { checkNodeTypes, tslabVersion, type Executor } from "./tslab.js";

const kernelVersion = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export async function startKernel(configPath: string, sockets: BoundSockets): Promise<void> {
  const typesWarning = checkNodeTypes();
  if (typesWarning) console.error(typesWarning);

  // Serve first, compile later: binding the sockets and answering kernel_info takes a few hundred ms, while
  // building TypeScript's program (lib and @types/node, ~0.8 s of parsing) blocks the event loop. So the server
  // comes up with no executor; requests that need one (execute, complete, inspect) wait for it, the rest are
  // answered at once. See PoolscopeServer.whenQuiet for when the build starts.
  let executor: Executor | null = null;
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

  await server.whenQuiet();
  trace("build starts");
  executor = createPreludedExecutor(server);
  trace("compiler built");
  try {
    server.attach(executor, await runPrelude(executor));
    trace("prelude run, ready");
  } catch (e) {
    process.stderr.write(`${formatReason(e)}\n`);
    process.exit(1);
  }
  saveCompileCache();
}

function createPreludedExecutor(server: PoolscopeServer): Executor {
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

/** Runs the prelude; returns the handler for the executor (completion, inspection). */
async function runPrelude(executor: Executor): Promise<CellHandler> {
  const prelude = await preludeSource();
  if (!(await executor.execute(prelude))) {
    throw new Error(`poolscope kernel: the prelude failed to load:\n${prelude}`);
  }
  return createHandler(executor);
}

function formatReason(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? reason.message) : inspect(reason);
}
