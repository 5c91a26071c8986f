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

/** Whether `sf` itself imports, references or augments nothing (a module, so it adds nothing to the global scope). */
function standsAlone(real: typeof TS, sf: ProgramFile): boolean {
  if (!real.isExternalModule(sf) || sf.imports.length > 0 || sf.referencedFiles.length > 0) return false;
  if (sf.moduleAugmentations.length > 0 || sf.typeReferenceDirectives.length > 0) return false;
  return sf.resolvedTypeReferenceDirectiveNames === undefined;
}

/**
 * Whether an ambient module is declared in several files, one of them not a .d.ts: BuilderState counts each
 * such module's files among every file's references, so a cell would then depend on a .ts file it never names.
 */
function sharedAmbientInSource(program: TS.Program): boolean {
  return program
    .getTypeChecker()
    .getAmbientModules()
    .some(
      (mod) =>
        (mod.declarations?.length ?? 0) > 1 && mod.declarations!.some((d) => !d.getSourceFile().isDeclarationFile),
    );
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
  /** sharedAmbientInSource of the program, once it is asked (the converter asks twice per cell). */
  let sharedAmbient: boolean | undefined;
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
      // what BuilderState finds for a cell that stands alone, after tslab keeps only .ts and .js files
      if (standsAlone(real, sf as ProgramFile) && !(sharedAmbient ??= sharedAmbientInSource(p))) return [sf.fileName];
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
