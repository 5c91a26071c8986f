/**
 * The executor the kernel hands the server: tslab's createExecutor over tslab's converter, with one wrapper in
 * between that owns the declarations carried from cell to cell (tslab's `prevDecl`).
 *
 * tslab compiles each cell into a module that exports every top-level name (`export { small, big }`, emitted as
 * CommonJS: `exports.small = exports.big = void 0;` up front, then `exports.small = small;` after each
 * declaration), and adopts the cell's declarations for later cells only when the cell finishes. A cell that
 * throws therefore keeps the values it assigned but loses their types, and every later cell says "Cannot find
 * name 'small'". Here the up-front assignment stores a marker instead of `undefined`; when a cell throws, the
 * names still holding the marker are the declarations the throw skipped. They are removed (value and type:
 * absent, so a later cell gets "Cannot find name" rather than a typed `undefined`), and the rest of the cell's
 * declarations are adopted as if it had finished.
 *
 * Each cell's code also gets a `//# sourceURL=` of its own, so stack frames name the cell they ran in (also for a
 * function declared in an earlier cell) and errors.ts can map them back to the cell's lines.
 */
import type * as TS from "@tslab/typescript-for-tslab";
import type { Prelude } from "./prelude.js";
import { mapToSource } from "./sourcemap.js";
import { trace } from "./trace.js";
import {
  converterModule,
  executorModule,
  metadataModule,
  ts,
  type Converter,
  type ConvertResult,
  type ExecConsole,
  type Executor,
  lacksNodeTypes,
  namesPartlyDeclaredGlobal,
  snapshotUse,
  useFullNodeTypes,
  usesLiteNodeTypes,
} from "./tslab.js";

/** Holds a not-yet-declared name's place in the exports; unique, so no user value can be mistaken for it. */
const UNSET: unique symbol = Symbol("poolscope: declaration not reached");
const UNSET_KEY = Symbol.for("poolscope.kernel.unset");
(globalThis as Record<symbol, unknown>)[UNSET_KEY] = UNSET;
const UNSET_EXPR = `globalThis[Symbol.for("poolscope.kernel.unset")]`;

const CELL_URL = "poolscope-cell-";
/** What tslab's executor wraps a cell's output in (executor.js); stack columns on line 1 include it. */
const WRAP_SYNC = "(function(exports, require) { ";
const WRAP_ASYNC = "(async function(exports, require) { ";

export interface CellCode {
  /** The cell as the user wrote it. */
  source: string;
  /** The execution count, when the server gave one. */
  count?: number;
  /** The JavaScript that ran, without tslab's wrapper. */
  output: string;
  /** Characters tslab's wrapper adds before the output's first line. */
  wrapLength: number;
  /** Lines of the output. */
  lineCount: number;
}

const cells = new Map<number, CellCode>();
/** Cells kept for mapping frames; older ones are forgotten (their frames then show without source). */
const MAX_CELLS = 2000;

/** Where a frame of a cell's compiled code lies in the cell as written. */
export interface CellPosition {
  cell: CellCode;
  /** 1-based line of the cell; null when the alignment could not place the frame (a very large cell). */
  line: number | null;
}

/**
 * Maps a stack frame's script name, line and column (1-based, as V8 prints them) to its cell's line; null for a
 * script that is no cell, or a cell too old to be kept.
 */
export function locateInCell(script: string, line: number, column: number): CellPosition | "wrapper" | null {
  if (!script.startsWith(CELL_URL)) return null;
  const cell = cells.get(Number(script.slice(CELL_URL.length)));
  if (!cell) return null;
  // the line after the output is tslab's `})(__tslab__.exports, …)`, the call of the cell's wrapper: not user code
  if (line > cell.lineCount) return "wrapper";
  const col = line === 1 ? column - 1 - cell.wrapLength : column - 1;
  const mapped = mapToSource(cell.source, cell.output, line - 1, Math.max(0, col), cell);
  return { cell, line: mapped === null ? null : mapped + 1 };
}

/** Whether a frame's script is one of the cells. */
export function isCellScript(script: string): boolean {
  return script.startsWith(CELL_URL);
}

/** The kernel's executor: tslab's, plus a prelude taken without compiling it. */
export interface CellExecutor extends Executor {
  /**
   * Takes a cell of import declarations as if it had run: its text becomes the declarations later cells are
   * checked against (tslab's declOutput of such a cell is its text), and its bindings are defined on the
   * exports as its CommonJS emit defines them. Nothing is compiled: the first cell compiled after it parses the
   * imported declaration files.
   */
  adopt(prelude: Prelude): void;
  /** The declarations later cells are checked against. */
  readonly declarations: string;
}

export function createCellExecutor(rootDir: string, console: ExecConsole): CellExecutor {
  let decls = "";
  let nextId = 0;
  let current: {
    id: number;
    source: string;
    result: ConvertResult | null;
    count?: number;
    /** The cell compiled ahead of tslab's execute, handed to it by convert (see execute). */
    compiled?: ConvertResult;
  } | null = null;
  /** While a cell is compiled ahead of its run, and whether an interrupt came then: the cell then does not run. */
  let compiling = false;
  let interruptedWhileCompiling = false;

  /** Whether a cell has been compiled (the first one also parses what the prelude imports). */
  let compiledOnce = false;
  const wrap = (create: () => Converter, upgradable: boolean): Converter => {
    let inner = create();
    /** `//%module` cells given so far, for a converter built anew (upgrade). */
    const modules: Parameters<Converter["addModule"]>[] = [];
    /**
     * The subset of @types/node (tslab.ts, LITE_NODE_FILES) until a cell needs more: one that names a global the
     * subset types only in part, or fails to compile for want of a Node global or module. The converter is then
     * built again with all of it, once per kernel; true when it was.
     */
    const upgrade = (needed: boolean): boolean => {
      if (!needed || !upgradable || !usesLiteNodeTypes()) return false;
      useFullNodeTypes();
      trace("all of @types/node from now on (a cell needed more than the subset)");
      inner.close();
      inner = create();
      for (const args of modules) inner.addModule(...args);
      return true;
    };
    const before = (src: string): void => void upgrade(namesPartlyDeclaredGlobal(src));
    return {
      // tslab passes its own prevDecl; the wrapper's is the one that survives a throw
      convert(_prev, src) {
        if (current?.compiled && current.source === src) {
          const ready = current.compiled;
          current.compiled = undefined;
          return ready;
        }
        const expanded = expandShorthands(src, decls);
        before(src);
        let result = inner.convert(decls, expanded);
        if (upgrade(result.diagnostics.some(lacksNodeTypes))) result = inner.convert(decls, expanded);
        if (!compiledOnce) {
          compiledOnce = true;
          const used = snapshotUse();
          trace(`first cell compiled (${used.used} files from the start-up snapshot, ${used.stale} changed)`);
        }
        if (current && result.output !== undefined && result.diagnostics.length === 0) {
          result.output = instrument(result.output, current.id);
          current.result = result;
          remember(current.id, {
            source: src,
            count: current.count,
            output: result.output,
            wrapLength: (result.hasToplevelAwait ? WRAP_ASYNC : WRAP_SYNC).length,
            lineCount: result.output.split("\n").length,
          });
        }
        return result;
      },
      inspect(_prev, src, position) {
        before(src);
        return inner.inspect(decls, src, position);
      },
      complete(_prev, src, position) {
        before(src);
        return inner.complete(decls, src, position);
      },
      addModule(name, content, meta) {
        before(content);
        let diagnostics = inner.addModule(name, content, meta);
        if (upgrade(diagnostics.some(lacksNodeTypes))) diagnostics = inner.addModule(name, content, meta);
        modules.push([name, content, meta]);
        return diagnostics;
      },
      close: () => inner.close(),
    };
  };

  const node = wrap(() => converterModule.createConverter({ isJS: false, isBrowser: false }), true);
  let browser: Converter | null = null;
  const inner = executorModule.createExecutor(
    rootDir,
    {
      node,
      get browser(): Converter {
        browser ??= wrap(() => converterModule.createConverter({ isJS: false, isBrowser: true }), false);
        return browser;
      },
      close(): void {
        node.close();
        browser?.close();
      },
    },
    console,
  );
  const exports = inner.locals as Record<string, unknown>;

  return {
    async execute(src: string, count?: number): Promise<boolean> {
      current = { id: nextId++, source: src, result: null, count };
      const cell = current;
      try {
        // Compile first, then yield once before running. Node runs a SIGINT listener only between tasks, and
        // breakOnSigint covers only the run itself, so an interrupt sent while tslab compiled a cell (seconds for
        // the first one) used to be lost and a `while (true) {}` after it ran for ever. The yield lets that
        // interrupt reach interrupt() below, and the cell is answered as interrupted instead of running.
        interruptedWhileCompiling = false;
        compiling = true;
        try {
          if (plainCell(src)) cell.compiled = node.convert(decls, src);
          await new Promise((resolve) => setImmediate(resolve));
        } finally {
          compiling = false;
        }
        if (interruptedWhileCompiling) {
          interruptedWhileCompiling = false;
          console.error(interruptedError());
          return false;
        }
        const ok = await inner.execute(src);
        const result = cell.result;
        if (result) {
          const skipped = Object.keys(exports).filter((name) => exports[name] === UNSET);
          if (ok) {
            // names the cell declares but never reached without throwing (a `var` in an untaken branch)
            for (const name of skipped) exports[name] = undefined;
            decls = result.declOutput ?? "";
          } else {
            for (const name of skipped) delete exports[name];
            decls = withoutNames(result.declOutput ?? decls, new Set(skipped));
          }
        }
        return ok;
      } finally {
        if (current === cell) current = null;
      }
    },
    inspect: (src, position) => inner.inspect(src, position),
    complete: (src, position) => inner.complete(src, position),
    adopt(prelude: Prelude): void {
      decls = `${prelude.source}\n`;
      for (const [name, binding] of prelude.bindings) Object.defineProperty(exports, name, binding);
    },
    get declarations(): string {
      return decls;
    },
    reset(): void {
      inner.reset();
      decls = "";
    },
    interrupt(): void {
      if (compiling) interruptedWhileCompiling = true;
      inner.interrupt();
    },
    locals: inner.locals,
    close: () => inner.close(),
  };
}

/**
 * `{ kernel, label }` with names from earlier cells, spelled `{ kernel: kernel, label: label }`. tslab rewrites a
 * reference to an earlier cell's name as `exports.name`, but its rewrite asks the checker for the symbol at a
 * shorthand property's name, which is the property, not the variable: the emit kept a bare `kernel` and the cell
 * threw "kernel is not defined". The long form means the same (also as a destructuring target, `{ a = 1 }` →
 * `{ a: a = 1 }`), so it is what the converter is given.
 */
export function expandShorthands(src: string, decls: string): string {
  if (decls === "" || !src.includes("{")) return src;
  const earlier = declaredNames(decls);
  if (earlier.size === 0) return src;
  const sf = ts.createSourceFile("cell.ts", src, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const at: { end: number; name: string }[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isShorthandPropertyAssignment(node) && earlier.has(node.name.text)) {
      at.push({ end: node.name.end, name: node.name.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = src;
  for (const { end, name } of at.reverse()) out = `${out.slice(0, end)}: ${name}${out.slice(end)}`;
  return out;
}

let namesOf: { decls: string; names: Set<string> } = { decls: "", names: new Set() };

/** The value names an earlier cells' declarations text declares (variables, functions, classes, enums). */
function declaredNames(decls: string): Set<string> {
  if (namesOf.decls === decls) return namesOf.names;
  const names = new Set<string>();
  const sf = ts.createSourceFile("__prev__.d.ts", decls, ts.ScriptTarget.Latest, true);
  for (const stmt of sf.statements) {
    if (ts.isVariableStatement(stmt)) {
      for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    } else if (
      (ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isEnumDeclaration(stmt)) &&
      stmt.name
    ) {
      names.add(stmt.name.text);
    }
  }
  namesOf = { decls, names };
  return names;
}

/** A cell tslab's execute compiles with its node converter: not a `//%module` or `//%browser` cell. */
function plainCell(src: string): boolean {
  const meta = metadataModule.getCodeMetadata(src);
  return !meta.module && meta.mode !== "browser";
}

function interruptedError(): Error {
  const e = new Error("Script execution was interrupted (while the cell was being compiled, before it ran)");
  e.name = "Interrupted";
  return e;
}

function remember(id: number, cell: CellCode): void {
  cells.set(id, cell);
  if (cells.size > MAX_CELLS) cells.delete(cells.keys().next().value!);
}

/**
 * The preamble TypeScript's CommonJS emit puts after the __esModule line: `exports.a = exports.b = void 0;`
 * (several such lines for many names). Its `void 0` becomes the marker; the sourceURL names the cell.
 */
function instrument(output: string, id: number): string {
  const lines = output.split("\n");
  let i = lines.findIndex((l) => l.startsWith('Object.defineProperty(exports, "__esModule"'));
  if (i >= 0) {
    for (i++; i < lines.length && /^exports\.[\w$]+( = exports\.[\w$]+)* = void 0;$/.test(lines[i]); i++) {
      lines[i] = `${lines[i].slice(0, -"void 0;".length)}${UNSET_EXPR};`;
    }
  }
  return `${lines.join("\n")}\n//# sourceURL=${CELL_URL}${id}`;
}

/** The declarations text (a .d.ts tslab printed) without the given value names. */
export function withoutNames(decl: string, names: Set<string>): string {
  if (names.size === 0) return decl;
  const sf = ts.createSourceFile("__prev__.d.ts", decl, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const named = (n: { name?: { getText(): string } }): string | undefined => n.name?.getText();
  for (const stmt of sf.statements) {
    if (ts.isVariableStatement(stmt)) {
      const kept = stmt.declarationList.declarations.filter((d) => !names.has(d.name.getText()));
      if (kept.length === stmt.declarationList.declarations.length) out.push(stmt.getText());
      else if (kept.length > 0) {
        // `declare const ` up to the first declarator, kept as printed
        const head = stmt.getText().slice(0, stmt.declarationList.declarations[0].getStart() - stmt.getStart());
        out.push(`${head}${kept.map((d) => d.getText()).join(", ")};`);
      }
    } else if (
      (ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isEnumDeclaration(stmt)) &&
      names.has(named(stmt) ?? "")
    ) {
      continue;
    } else if (ts.isImportDeclaration(stmt) && stmt.importClause) {
      out.push(importWithout(stmt, names) ?? "");
    } else out.push(stmt.getText());
  }
  return out.filter((s) => s !== "").join("\n") + "\n";
}

function importWithout(stmt: TS.ImportDeclaration, names: Set<string>): string | null {
  const clause = stmt.importClause!;
  const from = stmt.moduleSpecifier.getText();
  const parts: string[] = [];
  if (clause.name && !names.has(clause.name.text)) parts.push(clause.name.text);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    if (!names.has(bindings.name.text)) parts.push(`* as ${bindings.name.text}`);
  } else if (bindings) {
    const kept = bindings.elements.filter((e) => !names.has(e.name.text)).map((e) => e.getText());
    if (kept.length > 0) parts.push(`{ ${kept.join(", ")} }`);
  }
  if (parts.length === 0) return null;
  return `import ${clause.isTypeOnly ? "type " : ""}${parts.join(", ")} from ${from};`;
}
