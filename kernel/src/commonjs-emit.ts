/**
 * A cell's CommonJS, made in the checked program's own emit rather than by a second compile of its output.
 *
 * tslab's converter emits a cell as an ES module, then turns that text into CommonJS with ts.transpileModule
 * (esModuleToCommonJSModule): a second parse, program, checker and emit, a fifth of every cell's compile (2.1 of
 * 10 ms, measured in one process with the kernel idle between cells). Here the first emit ends with TypeScript's
 * own CommonJS transform (ts.transformModule, the one transpileModule runs), given the checked program's emit
 * resolver, and what it writes is passed through when the converter asks for it to be transpiled.
 * test/unit/kernel/commonjs-emit.test.ts compares both ways over the tutorials' cells.
 */
import type * as TS from "@tslab/typescript-for-tslab";

/**
 * What the wrapped emits wrote as .js, by how many times, until the converter asks for its CommonJS
 * (takeCommonJs, right after the emit). Bounded: an entry the converter never asked for (it threw between) is
 * dropped with the rest once there are more than a few.
 */
const emitted = new Map<string, number>();
const MAX_WAITING = 32;

/** Whether cells are emitted the old way, as an ES module transpiled again (for comparison and as an escape hatch). */
const twoStep = (): boolean => process.env.POOLSCOPE_KERNEL_TWO_STEP_COMMONJS !== undefined;

/** Makes `builder`'s emit write CommonJS: TypeScript's module transform after every other one. */
export function emitCommonJs<B extends TS.BuilderProgram>(real: typeof TS, builder: B): B {
  const emit = builder.emit.bind(builder);
  const transformModule = (real as unknown as { transformModule: TS.TransformerFactory<TS.SourceFile> })
    .transformModule;
  builder.emit = (target, writeFile, cancel, dtsOnly, transformers) => {
    if (twoStep()) return emit(target, writeFile, cancel, dtsOnly, transformers);
    const write: TS.WriteFileCallback | undefined =
      writeFile &&
      ((name, text, ...rest) => {
        if (name.endsWith(".js")) {
          if (emitted.size >= MAX_WAITING) emitted.clear();
          emitted.set(text, (emitted.get(text) ?? 0) + 1);
        }
        writeFile(name, text, ...rest);
      });
    return emit(target, write, cancel, dtsOnly, {
      ...transformers,
      after: [...(transformers?.after ?? []), transformModule],
    });
  };
  return builder;
}

/** Whether `js` is what an emitCommonJs emit wrote (and is therefore CommonJS already); forgets it. */
export function takeCommonJs(js: string): boolean {
  const n = emitted.get(js);
  if (n === undefined) return false;
  if (n > 1) emitted.set(js, n - 1);
  else emitted.delete(js);
  return true;
}
