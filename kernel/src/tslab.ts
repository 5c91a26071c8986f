/**
 * The kernel's one seam to tslab: its converter (TypeScript to the JavaScript a cell runs as) and its executor
 * (runs that JavaScript, keeping values and declarations across cells), typed by tslab's own shipped .d.ts.
 * tslab (pinned to exactly 1.0.22) has no exports map, so `tslab/dist/*` can be required; these modules are not a
 * documented API, hence the exact pin and the protocol tests that guard every upgrade.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as TS from "@tslab/typescript-for-tslab";
import type * as ConverterModule from "tslab/dist/converter.js";
import type * as ExecutorModule from "tslab/dist/executor.js";
import type * as MetadataModule from "tslab/dist/metadata.js";

const require = createRequire(import.meta.url);

export type { CompletionInfo, Converter, ConvertResult, Diagnostic } from "tslab/dist/converter.js";
export type { ConsoleInterface as ExecConsole, ConverterSet } from "tslab/dist/executor.js";
import type { Executor as TslabExecutor } from "tslab/dist/executor.js";

/**
 * The executor the server drives: tslab's, except that execute takes the cell's label (its execution count) so a
 * traceback can name the cell, as IPython's "Cell In[3]" does.
 */
export interface Executor extends Omit<TslabExecutor, "execute"> {
  execute(src: string, count?: number): Promise<boolean>;
}

/** tslab's display_data shape (jupyter.d.ts declares it but does not export it). */
export interface DisplayData {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}

/** The parts of tslab's ZmqMessage the server uses (a private class in jupyter.d.ts). */
export interface ZmqMessage {
  header: { msg_type: string; msg_id: string; session: string; username: string; date: string; version: string };
  parent: unknown;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
  createReply(): ZmqMessage;
  signAndSend(key: string, sock: unknown): void;
}

/** tslab's protocol module: the server still subclasses its ZmqServer, and tslab's display API calls lastWriteDisplayData. */
export interface TslabJupyterModule {
  lastWriteDisplayData: ((data: DisplayData, update: boolean) => void) | null;
  ZmqServer: new (handler: unknown, configPath: string) => object;
}

export const converterModule = require("tslab/dist/converter") as typeof ConverterModule;
export const executorModule = require("tslab/dist/executor") as typeof ExecutorModule;
/** How tslab's executor tells a `//%module` or `//%browser` cell from a plain one. */
export const metadataModule = require("tslab/dist/metadata") as typeof MetadataModule;
export const jupyterModule = require("tslab/dist/jupyter") as TslabJupyterModule;
export const tslabVersion = (require("tslab/package.json") as { version: string }).version;

/** A parsed file with the parser's own diagnostics, which TypeScript keeps but does not declare. */
type ParsedFile = TS.SourceFile & { parseDiagnostics?: TS.DiagnosticWithLocation[] };

/** The TypeScript fork tslab compiles with (one instance per process, shared with the converter). */
export const ts = require("@tslab/typescript-for-tslab") as {
  createSourceFile(
    name: string,
    text: string,
    target: TS.ScriptTarget,
    setParents?: boolean,
    kind?: TS.ScriptKind,
  ): ParsedFile;
} & typeof TS;

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
