/**
 * The declarations file parsed once per text, not once per cell.
 *
 * tslab's converter tells its watch program that `__prev__.d.ts` changed before every compile, so every cell's
 * program parses and binds it again (the prelude's imports of ~150 names: 0.6 ms to parse, and its module
 * resolution and binding after; measured in one process with the kernel idle between cells), although for most
 * cells (an expression, a display) the text is what it was. Here a change whose text is the one last parsed is not
 * passed on, and the program keeps the parsed file. Only tslab's remainingDecls changes a parsed file: it trims
 * the statements, import specifiers and variable declarations the cell shadowed, in place. What it replaces is
 * recorded when the file is parsed and put back before the file is used again, so the file is as parsed.
 */
import type * as TS from "@tslab/typescript-for-tslab";

/** The parts of a parsed declarations file that remainingDecls replaces, as the parser made them. */
interface AsParsed {
  statements: TS.NodeArray<TS.Statement>;
  imports: {
    clause: TS.ImportClause;
    name?: TS.Identifier;
    bindings?: TS.NamedImportBindings;
    elements?: TS.NodeArray<TS.ImportSpecifier>;
  }[];
  variables: { list: TS.VariableDeclarationList; declarations: TS.NodeArray<TS.VariableDeclaration> }[];
}

/** How many times a declarations file was parsed (for the tests, which check that a repeat is not). */
let parses = 0;

export function declarationsParsed(): number {
  return parses;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function record(real: typeof TS, sf: TS.SourceFile): AsParsed {
  const asParsed: AsParsed = { statements: sf.statements, imports: [], variables: [] };
  for (const stmt of sf.statements) {
    if (real.isImportDeclaration(stmt) && stmt.importClause) {
      const clause = stmt.importClause;
      const bindings = clause.namedBindings;
      const elements = bindings && real.isNamedImports(bindings) ? bindings.elements : undefined;
      asParsed.imports.push({ clause, name: clause.name, bindings, elements });
    } else if (real.isVariableStatement(stmt)) {
      asParsed.variables.push({ list: stmt.declarationList, declarations: stmt.declarationList.declarations });
    }
  }
  return asParsed;
}

function restore(sf: TS.SourceFile, asParsed: AsParsed): void {
  (sf as Mutable<TS.SourceFile>).statements = asParsed.statements;
  for (const { clause, name, bindings, elements } of asParsed.imports) {
    (clause as Mutable<TS.ImportClause>).name = name;
    (clause as Mutable<TS.ImportClause>).namedBindings = bindings;
    if (bindings && elements) (bindings as Mutable<TS.NamedImports>).elements = elements;
  }
  for (const { list, declarations } of asParsed.variables) {
    (list as Mutable<TS.VariableDeclarationList>).declarations = declarations;
  }
}

/**
 * For one converter: keep(host) on the compiler host of each program it builds notes each new parse of the
 * declarations file (its name ends with `declarationsFile`); filter(watchHost) drops a change of that file whose
 * text is the one last parsed, and puts that parse back as it was.
 */
export function declarationsReuse(
  real: typeof TS,
  declarationsFile: string,
): { keep(host: TS.CompilerHost): void; filter(watchHost: TS.WatchCompilerHost<TS.BuilderProgram>): void } {
  let parsed: { sf: TS.SourceFile; asParsed: AsParsed } | null = null;
  const note = (sf: TS.SourceFile | undefined): TS.SourceFile | undefined => {
    if (sf && sf !== parsed?.sf && sf.fileName.endsWith(declarationsFile)) {
      parsed = { sf, asParsed: record(real, sf) };
      parses++;
    }
    return sf;
  };
  const hosts = new WeakSet<TS.CompilerHost>();
  return {
    keep(host) {
      if (hosts.has(host)) return;
      hosts.add(host);
      const get = host.getSourceFile;
      host.getSourceFile = (...args) => note(get(...args));
      const byPath = host.getSourceFileByPath;
      if (byPath) host.getSourceFileByPath = (...args) => note(byPath(...args));
    },
    filter(watchHost) {
      const watch = watchHost.watchFile;
      watchHost.watchFile = (path, callback, ...rest) =>
        watch(
          path,
          path.endsWith(declarationsFile)
            ? (fileName, kind, ...more) => {
                if (
                  kind === real.FileWatcherEventKind.Changed &&
                  parsed &&
                  watchHost.readFile(fileName) === parsed.sf.text
                ) {
                  restore(parsed.sf, parsed.asParsed);
                  return;
                }
                callback(fileName, kind, ...more);
              }
            : callback,
          ...rest,
        );
    },
  };
}
