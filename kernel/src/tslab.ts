/**
 * The kernel's one seam to tslab: its converter (TypeScript to the JavaScript a cell runs as) and its executor
 * (runs that JavaScript, keeping values and declarations across cells), typed by tslab's own shipped .d.ts.
 * tslab (pinned to exactly 1.0.22) has no exports map, so `tslab/dist/*` can be required; these modules are not a
 * documented API, hence the exact pin and the protocol tests that guard every upgrade.
 */
import { existsSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { dirname, join, resolve } from "node:path";
import { snapshotContents } from "./startup-snapshot.js";
import { emitCommonJs, takeCommonJs } from "./commonjs-emit.js";
import { memoizingPrinter } from "./decl-print.js";
import { declarationsReuse } from "./decl-reuse.js";
import { createThinBuilderProgram } from "./program-builder.js";
import { transpileUnchecked } from "./transpile.js";
import type * as TS from "@tslab/typescript-for-tslab";
import type { Diagnostic } from "tslab/dist/converter.js";
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

/** tslab's directory; its TypeScript fork is resolved from there, as tslab itself resolves it. */
const tslabDir = dirname(require.resolve("tslab/package.json"));
const typescriptPath = require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] });

/**
 * Compiler options the kernel adds to the ones tslab's converter builds its program with. `types: ["node"]`: with
 * no `types`, TypeScript puts every package under each node_modules/@types up from the notebook's folder into
 * the program, and a notebook inside a project gets all of the project's (here d3, react with csstype, chai, …:
 * 2.1 MB of declarations beside @types/node's 2.2 MB, parsed and bound before the first cell, then merged into
 * the globals of every cell's checker). Only Node's are needed for a cell's globals; an imported package still
 * finds its own @types by module resolution.
 */
export const KERNEL_COMPILER_OPTIONS: Readonly<TS.CompilerOptions> = { types: ["node"] };

/**
 * The files of @types/node the node converter starts with (paths inside the package, the ts5.6/ copies alike):
 * those that declare the globals of a tutorial's cells (console, setTimeout and the other timers, require,
 * AbortController, DOMException, EventTarget), 0.1 MB of @types/node's 2.2 MB. Parsing and binding all of it
 * (and resolving the hundred Node modules process.d.ts names) was most of a first cell's wait
 * (test/bench/RESULTS.md). A cell that fails to compile for a Node global or module the subset lacks (`process`,
 * `Buffer`, `fetch`, `import … from "fs"`: lacksNodeTypes) makes the kernel switch for good to all of @types/node
 * and compile the cell again (cells.ts), so no cell fails for the subset: the first such cell waits ~0.5 s.
 * What a file of the subset imports from a file outside it is `any` until then (skipLibCheck hides the error).
 */
const LITE_NODE_FILES = new Set([
  "compatibility/index.d.ts",
  "globals.typedarray.d.ts",
  "buffer.buffer.d.ts",
  "globals.d.ts",
  "web-globals/abortcontroller.d.ts",
  "web-globals/domexception.d.ts",
  "web-globals/events.d.ts",
  "console.d.ts",
  "module.d.ts",
  "timers.d.ts",
]);

/** Whether the next node converter gets the subset of @types/node (LITE_NODE_FILES) or all of it. */
let liteNodeTypes = !process.env.POOLSCOPE_KERNEL_FULL_NODE_TYPES;

/** Whether node converters are built with the subset of @types/node (see LITE_NODE_FILES). */
export function usesLiteNodeTypes(): boolean {
  return liteNodeTypes;
}

/** From now on node converters get all of @types/node (the caller builds a new one). */
export function useFullNodeTypes(): void {
  liteNodeTypes = false;
}

/**
 * "Cannot find name 'fetch'", "… Do you need to install type definitions for node?", "Did you mean …?", and
 * "'Buffer' only refers to a type, but is being used as a value here" (the subset has Buffer's interface only).
 */
const NAME_NOT_FOUND = new Set([2304, 2552, 2580, 2582, 2583, 2584, 2591, 2592, 2585, 2693]);

/**
 * Globals the subset declares without their types (globals.d.ts says `var process: NodeJS.Process`, and Process
 * is process.d.ts's): a cell that names one gets all of @types/node first, so that it is checked and completed
 * as before rather than typed `any`.
 */
const PARTLY_DECLARED = /\b(process|Buffer)\b/;

/** Whether a cell's source names a global the subset declares only in part (PARTLY_DECLARED). */
export function namesPartlyDeclaredGlobal(src: string): boolean {
  return PARTLY_DECLARED.test(src);
}
/** "Cannot find module 'fs' or its corresponding type declarations", and the same with a hint on resolution. */
const MODULE_NOT_FOUND = new Set([2307, 2792]);

/**
 * Whether a cell's diagnostic may come from the subset of @types/node: a name it cannot find that is a global of
 * this Node (`fetch`, `crypto`, `structuredClone`), a Node module it cannot find (`fs`, `node:path`), or a member
 * of the NodeJS namespace. A name that is nobody's (a typo, an undeclared variable) is not.
 */
export function lacksNodeTypes(d: Diagnostic): boolean {
  const quoted = /'([^']+)'/.exec(d.messageText)?.[1];
  if (quoted === undefined) return false;
  if (NAME_NOT_FOUND.has(d.code)) return quoted in globalThis;
  if (MODULE_NOT_FOUND.has(d.code)) return isBuiltin(quoted);
  return d.code === 2694 && quoted === "NodeJS"; // "Namespace 'NodeJS' has no exported member 'X'"
}

/**
 * The subset's absolute paths: @types/node as the program's options resolve it, its index's references kept where
 * LITE_NODE_FILES names them. Null when @types/node is not found (the program then says so as it always did).
 */
function liteNodeRoots(real: typeof TS, options: TS.CompilerOptions): string[] | null {
  const containing = join(real.sys.getCurrentDirectory(), "__tslab__.ts");
  const resolved = real.resolveTypeReferenceDirective("node", containing, options, real.sys)
    .resolvedTypeReferenceDirective?.resolvedFileName;
  const index = resolved && real.sys.readFile(resolved);
  if (!resolved || !index) return null;
  const pkg = resolved.replace(/\\/g, "/").replace(/\/(ts[\d.]+\/)?index\.d\.ts$/, "");
  const roots: string[] = [];
  for (const m of index.matchAll(/^\/\/\/\s*<reference\s+path="([^"]+)"/gm)) {
    const file = resolve(dirname(resolved), m[1]).replace(/\\/g, "/");
    const inside = file.startsWith(`${pkg}/`) ? file.slice(pkg.length + 1).replace(/^ts[\d.]+\//, "") : "";
    if (LITE_NODE_FILES.has(inside)) roots.push(file);
  }
  return roots.length > 0 ? roots : null;
}

/** The node converter's program as last built, and the options it was built with (for the start-up snapshot). */
let nodeProgram: TS.Program | null = null;
let nodeOptions: TS.CompilerOptions | null = null;
/** Files taken from the start-up snapshot, and those it held whose text had changed on disk since. */
const fromSnapshotCount = { used: 0, stale: 0 };

/** The end of the path of tslab's declarations file (converter.js: `__prev__.d.ts` in the notebook's folder). */
const DECLARATIONS_FILE = "/__prev__.d.ts";

/**
 * tslab's converter module, loaded with a TypeScript whose createWatchCompilerHost adds KERNEL_COMPILER_OPTIONS
 * (createConverter has no parameter for compiler options), whose programs take their declaration files from the
 * start-up snapshot when the kernel was started from one (startup-snapshot.ts), parse the declarations file once
 * per text (decl-reuse.ts) and emit CommonJS at once (commonjs-emit.ts), whose transpileModule (the converter's
 * ES module to CommonJS step) passes that through and otherwise skips a type check that decides nothing
 * (transpile.ts), and whose printer prints the declarations a cell leaves once per shape (decl-print.ts). While
 * converter.js loads, the module cache entry of the TypeScript file answers with that facade; every other module,
 * and the converter's ts.sys, get the one real instance.
 */
function loadConverter(): typeof ConverterModule {
  const real = require(typescriptPath) as typeof TS;
  const facade: Record<string, unknown> = {};
  for (const key of Object.keys(real)) {
    Object.defineProperty(facade, key, {
      enumerable: true,
      configurable: true,
      get: () => (real as Record<string, unknown>)[key],
    });
  }
  type CreateProgram = TS.CreateProgram<TS.EmitAndSemanticDiagnosticsBuilderProgram>;
  const createHost = real.createWatchCompilerHost as (...args: unknown[]) => unknown;
  Object.defineProperty(facade, "createWatchCompilerHost", {
    enumerable: true,
    value: (
      roots: unknown,
      options: TS.CompilerOptions,
      system: unknown,
      create: CreateProgram | null,
      ...rest: unknown[]
    ) => {
      let merged = { ...options, ...KERNEL_COMPILER_OPTIONS };
      // the browser converter (`//%browser` cells) adds the DOM's libraries; the snapshot is the node one's
      const node = !merged.lib?.some((lib) => lib.includes("dom"));
      // the subset of @types/node, as root files in place of the types entry that would pull in all of it
      const lite = node && liteNodeTypes ? liteNodeRoots(real, merged) : null;
      if (lite) merged = { ...merged, types: [] };
      if (node) nodeOptions = merged;
      // POOLSCOPE_KERNEL_NO_DECL_REUSE=1: the declarations file parsed again for every cell, as tslab does
      const reuse =
        process.env.POOLSCOPE_KERNEL_NO_DECL_REUSE === undefined ? declarationsReuse(real, DECLARATIONS_FILE) : null;
      // POOLSCOPE_KERNEL_FULL_BUILDER=1: TypeScript's own builder, as tslab has it (program-builder.ts)
      const defaultBuilder =
        process.env.POOLSCOPE_KERNEL_FULL_BUILDER === undefined
          ? createThinBuilderProgram(real)
          : real.createEmitAndSemanticDiagnosticsBuilderProgram;
      const createProgram: CreateProgram = (rootNames, opts, host, ...more) => {
        if (host) takeFromSnapshot(real, host);
        if (host) reuse?.keep(host);
        const roots = lite && rootNames ? [...lite, ...rootNames] : rootNames;
        const builder = emitCommonJs(real, (create ?? defaultBuilder)(roots, opts, host, ...more));
        if (node) nodeProgram = builder.getProgram();
        return builder;
      };
      const watchHost = createHost(
        roots,
        merged,
        system,
        createProgram,
        ...rest,
      ) as TS.WatchCompilerHost<TS.BuilderProgram>;
      reuse?.filter(watchHost);
      return watchHost;
    },
  });
  Object.defineProperty(facade, "transpileModule", {
    enumerable: true,
    value: (input: string, options: TS.TranspileOptions): TS.TranspileOutput =>
      takeCommonJs(input)
        ? { outputText: input, diagnostics: [] }
        : (transpileUnchecked(real, input, options) ?? real.transpileModule(input, options)),
  });
  Object.defineProperty(facade, "createPrinter", {
    enumerable: true,
    value: process.env.POOLSCOPE_KERNEL_NO_DECL_MEMO ? real.createPrinter : memoizingPrinter(real, DECLARATIONS_FILE),
  });
  const entry = require.cache[typescriptPath]!;
  entry.exports = facade;
  try {
    return require("tslab/dist/converter") as typeof ConverterModule;
  } finally {
    entry.exports = real;
  }
}

const hostsTaking = new WeakSet<TS.CompilerHost>();

/**
 * Makes a watch program's compiler host answer with the snapshot's parsed and bound file where it has one whose
 * text is still the file's on disk (checked once per file), so the program parses only what the snapshot lacks.
 */
function takeFromSnapshot(real: typeof TS, host: TS.CompilerHost): void {
  const contents = snapshotContents();
  if (!contents || hostsTaking.has(host)) return;
  hostsTaking.add(host);
  const files = contents.files;
  const checked = new Set<string>();
  const take = (fileName: string, as: TS.ScriptTarget | TS.CreateSourceFileOptions, fresh?: boolean) => {
    const sf = fresh ? undefined : files.get(fileName);
    if (!sf || checked.has(fileName)) return sf;
    const version = typeof as === "object" ? as.languageVersion : as;
    const format = typeof as === "object" ? as.impliedNodeFormat : undefined;
    if (sf.languageVersion !== version || sf.impliedNodeFormat !== format || real.sys.readFile(fileName) !== sf.text) {
      files.delete(fileName);
      fromSnapshotCount.stale++;
      return undefined;
    }
    checked.add(fileName);
    fromSnapshotCount.used++;
    return sf;
  };
  const get = host.getSourceFile;
  host.getSourceFile = (fileName, as, onError, fresh) => take(fileName, as, fresh) ?? get(fileName, as, onError, fresh);
  const byPath = host.getSourceFileByPath;
  if (byPath) {
    host.getSourceFileByPath = (fileName, path, as, onError, fresh) =>
      take(fileName, as, fresh) ?? byPath(fileName, path, as, onError, fresh);
  }
}

/**
 * What a start-up snapshot for this kernel should hold: the compiler options of its (node) program and the
 * declaration files in it (lib, @types/node, poolscope's), and whether the snapshot it started from, if any, held
 * files that had changed since. Null before the first program is built.
 */
export function snapshotRequest(): { options: TS.CompilerOptions; files: string[]; stale: boolean } | null {
  if (!nodeProgram || !nodeOptions) return null;
  const files = nodeProgram
    .getSourceFiles()
    .map((sf) => sf.fileName)
    .filter((f) => f.endsWith(".d.ts") && !f.endsWith(DECLARATIONS_FILE));
  return { options: nodeOptions, files, stale: fromSnapshotCount.stale > 0 };
}

/** How many files this kernel's programs took from its start-up snapshot, and how many it had to parse again. */
export function snapshotUse(): Readonly<{ used: number; stale: number }> {
  return fromSnapshotCount;
}

export const converterModule = loadConverter();
export const executorModule = require("tslab/dist/executor") as typeof ExecutorModule;
/** How tslab's executor tells a `//%module` or `//%browser` cell from a plain one. */
export const metadataModule = require("tslab/dist/metadata") as typeof MetadataModule;
export const jupyterModule = require("tslab/dist/jupyter") as TslabJupyterModule;
export const tslabVersion = (require("tslab/package.json") as { version: string }).version;

/** A parsed file with the parser's own diagnostics, which TypeScript keeps but does not declare. */
type ParsedFile = TS.SourceFile & { parseDiagnostics?: TS.DiagnosticWithLocation[] };

/** The TypeScript fork tslab compiles with (one instance per process, shared with the converter). */
export const ts = require(typescriptPath) as {
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
  const nested = join(tslabDir, "node_modules", "@types", "node", "package.json");
  return existsSync(nested)
    ? null
    : `poolscope kernel: ${nested} is missing; notebooks outside the project will lack Node's types`;
}
