/**
 * Typed access to the tslab internals the kernel builds on. tslab (pinned to exactly 1.0.22) has no exports
 * map, so `tslab/dist/*` can be required; these modules are not a documented API, hence the exact pin and the
 * protocol tests that guard every upgrade.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

export interface CompletionInfo {
  start: number;
  end: number;
  candidates: string[];
}

export interface Converter {
  close(): void;
}

export interface Executor {
  execute(src: string): Promise<boolean>;
  inspect(src: string, position: number): unknown;
  complete(src: string, position: number): CompletionInfo;
  reset(): void;
  interrupt(): void;
  close(): void;
}

export interface ExecConsole {
  log(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface DisplayData {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}

/** The parts of tslab's ZmqMessage the server uses. */
export interface ZmqMessage {
  header: { msg_type: string; msg_id: string; session: string; username: string; date: string; version: string };
  parent: unknown;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
  createReply(): ZmqMessage;
  signAndSend(key: string, sock: unknown): void;
}

export interface TslabConverterModule {
  createConverter(options?: { isJS?: boolean; isBrowser?: boolean }): Converter;
  isCompleteCode(src: string): { completed: boolean; indent?: string };
}

export interface TslabExecutorModule {
  createExecutor(
    rootDir: string,
    convs: { node: Converter; browser: Converter; close(): void },
    console: ExecConsole,
  ): Executor;
}

export interface TslabJupyterModule {
  lastWriteDisplayData: ((data: DisplayData, update: boolean) => void) | null;
  ZmqServer: new (handler: unknown, configPath: string) => object;
  JupyterHandlerImpl: new (executor: Executor, isJs: boolean) => object;
}

export const converterModule = require("tslab/dist/converter") as TslabConverterModule;
export const executorModule = require("tslab/dist/executor") as TslabExecutorModule;
export const jupyterModule = require("tslab/dist/jupyter") as TslabJupyterModule;
export const tslabVersion = (require("tslab/package.json") as { version: string }).version;

/** The TypeScript fork tslab compiles with (one instance per process, shared with the converter). */
export const ts = require("@tslab/typescript-for-tslab") as {
  version: string;
  createSourceFile(
    name: string,
    text: string,
    target: number,
    setParents?: boolean,
    kind?: number,
  ): {
    parseDiagnostics?: { start: number; length: number; messageText: unknown }[];
  };
  ScriptTarget: { Latest: number };
  ScriptKind: { TSX: number; TS: number };
};

/**
 * tslab looks for @types/node under the notebook's folder, then under its own node_modules. With npm's hoisted
 * layout only the second works for notebooks outside the project, and it holds only because the project's
 * @types/node major (20) differs from tslab's (^18), which makes npm nest tslab's copy. Say so loudly if that
 * ever changes, since every cell would then fail with "Cannot find name 'console'".
 */
export function checkNodeTypes(): string | null {
  const tslabDir = dirname(require.resolve("tslab/package.json"));
  const nested = join(tslabDir, "node_modules", "@types", "node", "package.json");
  return existsSync(nested)
    ? null
    : `poolscope kernel: ${nested} is missing; notebooks outside the project will lack Node's types`;
}
