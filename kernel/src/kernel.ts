/**
 * Starts the poolscope kernel: tslab's converter and executor, the prelude, then the Jupyter server.
 * Written after tslab's own startKernel, which cannot take a prelude or a display hook, and whose search for
 * a local tslab could swap in another copy.
 */
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { preludeSource } from "./prelude.js";
import { PoolscopeServer, type CellSink } from "./server.js";
import {
  converterModule,
  checkNodeTypes,
  executorModule,
  jupyterModule,
  tslabVersion,
  type Converter,
} from "./tslab.js";

const kernelVersion = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export async function startKernel(configPath: string): Promise<void> {
  const typesWarning = checkNodeTypes();
  if (typesWarning) console.error(typesWarning);
  const node = converterModule.createConverter({ isJS: false, isBrowser: false });
  let browser: Converter | null = null;
  const convs = {
    node,
    get browser(): Converter {
      browser ??= converterModule.createConverter({ isJS: false, isBrowser: true });
      return browser;
    },
    close(): void {
      node.close();
      browser?.close();
    },
  };

  let server: PoolscopeServer | null = null;
  const sink = (): CellSink | null => server?.sink ?? null;
  const executor = executorModule.createExecutor(process.cwd(), convs, {
    // tslab calls log only with a cell's last value, error with diagnostics and exceptions.
    log: (value: unknown) => {
      const s = sink();
      if (s) s.result(value);
      else console.log(inspect(value));
    },
    error: (...args: unknown[]) => {
      const s = sink();
      if (s) s.error(args);
      else console.error(...args);
    },
  });

  const prelude = await preludeSource();
  if (!(await executor.execute(prelude))) {
    throw new Error(`poolscope kernel: the prelude failed to load:\n${prelude}`);
  }

  const handler = new jupyterModule.JupyterHandlerImpl(executor, false);
  server = new PoolscopeServer(handler, configPath, executor, {
    implementation: "poolscope",
    implementationVersion: kernelVersion,
    banner: `poolscope kernel ${kernelVersion} (tslab ${tslabVersion}): TypeScript with poolscope preloaded`,
  });

  process.on("SIGINT", () => executor.interrupt());
  exitWithParent();
  // A rejected promise or an exception in a callback must not end the kernel: report it in the latest cell.
  process.on("unhandledRejection", (reason) => {
    process.stderr.write(`Unhandled promise rejection: ${formatReason(reason)}\n`);
  });
  process.on("uncaughtException", (error) => {
    process.stderr.write(`Uncaught exception: ${formatReason(error)}\n`);
  });
  await server.init();
}

/**
 * A kernel whose server died (killed, crashed) must not live on as an orphan: like ipykernel's parent poller,
 * leave when the process that started us is gone. Jupyter passes its pid as JPY_PARENT_PID.
 */
function exitWithParent(): void {
  const parent = Number(process.env.JPY_PARENT_PID ?? process.ppid);
  if (!Number.isInteger(parent) || parent <= 1) return;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 1000).unref();
}

function formatReason(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? reason.message) : inspect(reason);
}
