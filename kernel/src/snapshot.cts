/**
 * The entry of the kernel's start-up snapshot, run by `node --snapshot-blob FILE --build-snapshot snapshot.cjs`
 * (startup-snapshot.ts starts it in the background). Most of a first cell's wait was TypeScript building its first
 * program: parsing and binding lib.es2022 and @types/node (2.6 MB of declarations) and poolscope's .d.ts files.
 * A snapshot holds V8's heap as it is at the end of this script: the TypeScript compiler already evaluated, and
 * those files parsed and bound, with the compiler options the kernel's converter uses. A kernel started from it
 * (`node --snapshot-blob FILE cli.js kernel …`) gets them back in a fraction of the time; its converter takes a
 * file from here when the file on disk still has the same text (tslab.ts), and parses it otherwise.
 *
 * Node 20 lets a snapshot hold only one script and built-in modules, hence a CommonJS file that reads the
 * TypeScript file and evaluates it itself, and a main function that loads the kernel (ES modules) afterwards.
 * POOLSCOPE_SNAPSHOT_SPEC names the TypeScript file, the compiler options and the files to hold (JSON).
 */
// Node's require, not imports: a snapshot's script gets only that (and builtins from it). It gets no `exports`
// either, which tsc's CommonJS emit sets a flag on: startup-snapshot.ts builds from a copy that declares one.
/* eslint-disable @typescript-eslint/no-require-imports -- a snapshot script has require, not ES imports */
type TS = typeof import("@tslab/typescript-for-tslab");
const { readFileSync } = require("node:fs") as typeof import("node:fs");
const { dirname } = require("node:path") as typeof import("node:path");
const { pathToFileURL } = require("node:url") as typeof import("node:url");
const v8 = require("node:v8") as typeof import("node:v8");

/** What the kernel asks the snapshot to hold (startup-snapshot.ts writes it). */
interface SnapshotSpec {
  typescript: string;
  options: import("@tslab/typescript-for-tslab").CompilerOptions;
  files: string[];
}

/** What a kernel started from the snapshot finds on globalThis under SNAPSHOT_KEY. */
interface SnapshotContents {
  files: Map<string, import("@tslab/typescript-for-tslab").SourceFile>;
  spec: SnapshotSpec;
}

const SNAPSHOT_KEY = Symbol.for("poolscope.kernel.snapshot");

const spec = JSON.parse(process.env.POOLSCOPE_SNAPSHOT_SPEC ?? "null") as SnapshotSpec | null;
if (!spec) throw new Error("POOLSCOPE_SNAPSHOT_SPEC is not set");

// CommonJS's wrapper, by hand: the snapshot's require serves built-in modules only, which is all TypeScript needs
const tsModule = { exports: {} as TS };
const evaluate = new Function(
  "exports",
  "require",
  "module",
  "__filename",
  "__dirname",
  readFileSync(spec.typescript, "utf8"),
);
evaluate.call(tsModule.exports, tsModule.exports, require, tsModule, spec.typescript, dirname(spec.typescript));
const ts = tsModule.exports;

// every file as a root, so the program holds exactly these, parsed and bound as the kernel's own program would
const program = ts.createProgram(spec.files, spec.options);
program.getTypeChecker();
const files = new Map<string, import("@tslab/typescript-for-tslab").SourceFile>();
const host = ts.createCompilerHost(spec.options);
for (const sf of program.getSourceFiles()) {
  // what a watch program sets on each file it reads (tslab's converter is one): its builder compares versions
  (sf as typeof sf & { version?: string }).version = host.createHash?.(sf.text) ?? sf.text;
  files.set(sf.fileName, sf);
}
(globalThis as Record<symbol, SnapshotContents>)[SNAPSHOT_KEY] = { files, spec };
// Functions compiled here keep their bytecode in the snapshot: run once what every cell runs after its check,
// tslab's CommonJS transpile of the cell's output (a program of its own, 80 ms the first time).
ts.transpileModule('import { a } from "a";\nexport const b = a + 1;\n', {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: spec.options.target, esModuleInterop: true },
});

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // Node takes Error.stackTraceLimit out of a snapshot it builds and does not put it back for a main function of
  // ours: without it every error's stack is its message alone, and a cell's traceback has no frames to map
  if (Error.stackTraceLimit === undefined) Error.stackTraceLimit = 10;
  // TypeScript's ts.sys keeps the first process.cwd() it was asked for, which was the build's: the kernel's
  // folder is this process's (tslab resolves a cell's relative imports against it)
  let cwd: string | undefined;
  ts.sys.getCurrentDirectory = () => (cwd ??= process.cwd());
  // required here, at run time: Node does not vouch for their state when they are in a snapshot
  const vm = require("node:vm") as typeof import("node:vm");
  const Module = require("node:module") as typeof import("node:module");
  // the kernel's modules (and tslab's) get this TypeScript instance from the module cache, not a second copy
  const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
  const m = new Module(spec.typescript);
  m.filename = spec.typescript;
  m.exports = ts;
  m.loaded = true;
  cache[spec.typescript] = m;
  // argv[1] is the script named after the snapshot's flag: the kernel's cli.js, an ES module; in a snapshot only
  // vm.Script with the main context's loader can import() one (an experimental API whose warning is not for the
  // learner's log)
  const emitWarning = process.emitWarning;
  process.emitWarning = (() => undefined) as typeof process.emitWarning;
  try {
    const script = new vm.Script(`import(${JSON.stringify(pathToFileURL(process.argv[1]).href)})`, {
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    (script.runInThisContext() as Promise<unknown>).catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  } finally {
    process.emitWarning = emitWarning;
  }
});
