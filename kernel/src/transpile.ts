/**
 * The CommonJS step of a cell's compile, cheaper: see transpileUnchecked.
 */
import type * as TS from "@tslab/typescript-for-tslab";

/** An empty file: what the transpiling checker is asked to check in place of the cell (transpileUnchecked). */
let emptyFile: TS.SourceFile | null = null;

/**
 * ts.transpileModule without its type check, for the one call tslab's converter makes per cell (its
 * esModuleToCommonJSModule: the checked program's ES module output to CommonJS). TypeScript 5.0's emit first
 * checks the file it emits (checker.getEmitResolver), and checking a lib-less file is half of transpileModule's
 * time (≈2 of 4 ms a cell, test/bench/RESULTS.md). The input is the checked program's own output, whose unused
 * imports are already elided, so the check decides nothing: the module transform asks the resolver only what it
 * resolves on demand (test/unit/kernel/transpile.test.ts compares outputs). Options as transpileModule sets them;
 * null (the caller then runs transpileModule) for anything but that call's plain shape.
 */
export function transpileUnchecked(
  real: typeof TS,
  input: string,
  opts: TS.TranspileOptions,
): TS.TranspileOutput | null {
  const fileName = opts.fileName;
  if (!fileName || !opts.compilerOptions || opts.transformers || opts.reportDiagnostics || opts.moduleName) return null;
  const options: TS.CompilerOptions = {
    ...real.getDefaultCompilerOptions(),
    ...opts.compilerOptions,
    isolatedModules: true,
    noLib: true,
    noResolve: true,
    noEmit: false,
    noEmitOnError: false,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
    composite: false,
    incremental: false,
    sourceMap: false,
    suppressOutputPathCheck: true,
    allowNonTsExtensions: true,
  };
  const internal = real as unknown as {
    getSetExternalModuleIndicator(o: TS.CompilerOptions): (f: TS.SourceFile) => void;
  };
  const sourceFile = real.createSourceFile(fileName, input, {
    languageVersion: options.target ?? real.ScriptTarget.ES5,
    setExternalModuleIndicator: internal.getSetExternalModuleIndicator(options),
  });
  let outputText: string | undefined;
  const host: TS.CompilerHost = {
    getSourceFile: (f) => (f === fileName ? sourceFile : undefined),
    writeFile: (f, text) => {
      if (f.endsWith(".js")) outputText = text;
    },
    getDefaultLibFileName: () => "lib.d.ts",
    useCaseSensitiveFileNames: () => false,
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => "",
    getNewLine: () => "\n",
    fileExists: (f) => f === fileName,
    readFile: () => "",
    directoryExists: () => true,
    getDirectories: () => [],
  };
  const program = real.createProgram([fileName], options, host);
  const checker = program.getTypeChecker() as TS.TypeChecker & { getEmitResolver(sf?: TS.SourceFile): unknown };
  const resolve = checker.getEmitResolver.bind(checker);
  emptyFile ??= real.createSourceFile("__empty__.js", "", real.ScriptTarget.Latest);
  checker.getEmitResolver = () => resolve(emptyFile!);
  program.emit();
  return outputText === undefined ? null : { outputText, diagnostics: [] };
}
