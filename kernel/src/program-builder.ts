/**
 * The watch program's builder, thinned to what tslab's converter asks of it.
 *
 * A watch program wraps each program it builds in a builder (by default an EmitAndSemanticDiagnosticsBuilderProgram),
 * which keeps the state for rebuilding only what a change affects: for every file of the program, on every
 * cell, the files it references, found by resolving each of its imports with the checker (0.7 of ~7 ms a cell,
 * measured in one process with the kernel idle between cells). The converter uses none of that: it checks and
 * emits the one cell file itself, and asks the builder only for the program, its files, an emit, and the files a
 * cell depends on (getAllDependencies, for a cell importing a local .ts module). This builder hands every call
 * to the program; the dependencies of a cell that imports or references nothing, and augments no module nor the
 * global scope, are the cell alone (what BuilderState finds for it, after tslab keeps only .ts and .js files:
 * the one other way in, an ambient module declared in several files, is checked); any other cell's come from a
 * BuilderState made for it.
 */
import type * as TS from "@tslab/typescript-for-tslab";

/** TypeScript's BuilderState, exported by the compiler but not declared. */
interface BuilderStateModule {
  create(program: TS.Program, oldState: undefined, disableUseFileVersionAsSignature: boolean): object;
  getAllDependencies(state: object, program: TS.Program, sourceFile: TS.SourceFile): readonly string[];
}

/** The parts of a source file the program fills in and BuilderState reads, which TypeScript does not declare. */
type ProgramFile = TS.SourceFile & {
  imports: readonly TS.StringLiteralLike[];
  moduleAugmentations: readonly (TS.StringLiteral | TS.Identifier)[];
  resolvedTypeReferenceDirectiveNames?: unknown;
};

/** Whether BuilderState would find no file beyond `sf` itself that tslab's converter keeps (.ts and .js, not .d.ts). */
function dependsOnNothing(real: typeof TS, program: TS.Program, sf: ProgramFile): boolean {
  if (!real.isExternalModule(sf) || sf.imports.length > 0 || sf.referencedFiles.length > 0) return false;
  if (sf.moduleAugmentations.length > 0 || sf.typeReferenceDirectives.length > 0) return false;
  if (sf.resolvedTypeReferenceDirectiveNames !== undefined) return false;
  // every file's references include each ambient module declared in more than one file
  for (const mod of program.getTypeChecker().getAmbientModules()) {
    const decls = mod.declarations ?? [];
    if (decls.length > 1 && decls.some((d) => !d.getSourceFile().isDeclarationFile)) return false;
  }
  return true;
}

/** A builder's internal accessor, which the watch program calls (and TypeScript does not declare). */
interface Internal {
  getProgramOrUndefined(): TS.Program | undefined;
}

/** A builder over `program` that hands every call to it (see the file's comment). */
function thinBuilder(
  real: typeof TS,
  program: TS.Program,
  configFileParsingDiagnostics: readonly TS.Diagnostic[],
): TS.EmitAndSemanticDiagnosticsBuilderProgram {
  let current: TS.Program | undefined = program;
  const get = (): TS.Program => {
    if (!current) throw new Error("the builder's program was released");
    return current;
  };
  const builderState = (real as unknown as { BuilderState: BuilderStateModule }).BuilderState;
  let state: object | undefined;
  // as the default builder does: the checker binds the files, and the converter reads the cell's locals at once
  program.getTypeChecker();
  return {
    getProgram: get,
    getProgramOrUndefined: () => current,
    releaseProgram: () => {
      current = undefined;
      state = undefined;
    },
    getCompilerOptions: () => get().getCompilerOptions(),
    getSourceFile: (fileName) => get().getSourceFile(fileName),
    getSourceFiles: () => get().getSourceFiles(),
    getOptionsDiagnostics: (token) => get().getOptionsDiagnostics(token),
    getGlobalDiagnostics: (token) => get().getGlobalDiagnostics(token),
    getConfigFileParsingDiagnostics: () => configFileParsingDiagnostics,
    getSyntacticDiagnostics: (sf, token) => get().getSyntacticDiagnostics(sf, token),
    getDeclarationDiagnostics: (sf, token) => get().getDeclarationDiagnostics(sf, token),
    getSemanticDiagnostics: (sf, token) => get().getSemanticDiagnostics(sf, token),
    emit: (sf, writeFile, token, dtsOnly, transformers) => get().emit(sf, writeFile, token, dtsOnly, transformers),
    getAllDependencies: (sf) => {
      const p = get();
      if (dependsOnNothing(real, p, sf as ProgramFile)) return [sf.fileName];
      state ??= builderState.create(p, undefined, false);
      return builderState.getAllDependencies(state, p, sf);
    },
    getCurrentDirectory: () => get().getCurrentDirectory(),
    // the rest of the interface: this builder has no affected-files state, so there is never a next one
    getSemanticDiagnosticsOfNextAffectedFile: () => undefined,
    emitNextAffectedFile: () => undefined,
  } as TS.EmitAndSemanticDiagnosticsBuilderProgram;
}

/** A watch program's createProgram that builds the program as the default builder does and wraps it thinly. */
export function createThinBuilderProgram(
  real: typeof TS,
): TS.CreateProgram<TS.EmitAndSemanticDiagnosticsBuilderProgram> {
  return (rootNames, options, host, old, configFileParsingDiagnostics, projectReferences) =>
    thinBuilder(
      real,
      real.createProgram({
        rootNames: rootNames ?? [],
        options: options ?? {},
        host,
        // what the default builder passes: the old builder's program (getProgram would throw once released)
        oldProgram: (old as Partial<Internal> | undefined)?.getProgramOrUndefined?.(),
        configFileParsingDiagnostics,
        projectReferences,
      }),
      configFileParsingDiagnostics ?? [],
    );
}
