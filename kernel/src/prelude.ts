/**
 * The prelude: one import cell taken before the kernel serves, so every export of poolscope (and `display`) is in
 * scope from the first cell, with its types, completion and documentation, as if the user had imported it.
 * tslab keeps values and declarations across cells, so names imported here behave like cell-0 imports.
 *
 * It is not compiled (cells.ts, adopt): tslab's compile of it (two programs and checkers, its emit and its
 * CommonJS transpile, all cold code) was ~0.25 s of a first cell's wait, and its outcome is known beforehand:
 * the declarations later cells see are its own text, and the values are the modules' exports. A compiled cell
 * of the same text gives the same (test/unit/kernel/cells.test.ts).
 */
import { createRequire } from "node:module";
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** Absolute path of the library entry, resolved through the kernel's dependency on it. */
export function libraryEntry(): string {
  return realpathSync(require.resolve("poolscope"));
}

/** Absolute path of the notebook-facing display helpers. */
export function displayEntry(): string {
  return fileURLToPath(new URL("./display.js", import.meta.url));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** What the prelude imports from the kernel's display helpers. */
const DISPLAY_NAMES = ["display", "clearOutput"];

/**
 * The type-only names a declaration file exports (`export type { A }`, `export { b, type C }`), so a cell can
 * write `const o: MaxPoolOptions = …` as after `import type { MaxPoolOptions } from "poolscope"`. Values (Tensor,
 * ParameterError) bring their types with them; what is neither is left to the `poolscope.` namespace.
 */
export function typeOnlyExports(dts: string): string[] {
  const names = new Set<string>();
  for (const m of dts.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    for (const part of m[2].split(",")) {
      const spec = part.trim();
      if (!spec || !(m[1] || spec.startsWith("type "))) continue;
      const name = spec
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (IDENTIFIER.test(name)) names.add(name);
    }
  }
  return [...names];
}

/** The prelude's text, and what running it as a cell binds, by name. */
export interface Prelude {
  source: string;
  /**
   * What running it as a cell defines on the executor's exports, as its CommonJS emit does: a getter per named
   * import (`Object.defineProperty(exports, "tensor", { enumerable: true, get })`), a value for the namespace.
   */
  bindings: Map<string, PropertyDescriptor>;
}

type Namespace = Record<string, unknown>;

/** What `import * as m` gives a CommonJS emit with esModuleInterop (TypeScript's __importStar of an ES module). */
function importStar(mod: Namespace): Namespace {
  const result: Namespace = {};
  for (const k of Object.keys(mod)) {
    if (k !== "default") Object.defineProperty(result, k, { enumerable: true, get: () => mod[k] });
  }
  Object.defineProperty(result, "default", { enumerable: true, value: mod });
  return result;
}

/** The prelude, with display helpers from `display` (the kernel's display.js unless a test gives another). */
export async function loadPrelude(display: string = displayEntry()): Promise<Prelude> {
  const lib = libraryEntry();
  // import() first: the module loader reads poolscope's files without blocking the kernel, which meanwhile waits
  // for a quiet moment to build its compiler (kernel.ts). Then require, as the compiled cell's CommonJS does
  // (Node ≥ 20.19 requires ES modules): in the kernel the instances import() loaded; in vitest, whose import() is
  // its own, the ones a compiled cell gets
  await Promise.all([import(lib), import(display)]);
  const [libModule, displayModule] = [require(lib) as Namespace, require(display) as Namespace];
  const names = Object.keys(libModule).filter((n) => IDENTIFIER.test(n) && n !== "default");
  const bindings = new Map<string, PropertyDescriptor>();
  const getter = (mod: Namespace, name: string): PropertyDescriptor => ({
    enumerable: true,
    configurable: true,
    get: () => mod[name],
  });
  for (const name of names) bindings.set(name, getter(libModule, name));
  bindings.set("poolscope", { value: importStar(libModule), writable: true, enumerable: true, configurable: true });
  for (const name of DISPLAY_NAMES) bindings.set(name, getter(displayModule, name));
  return { source: preludeSource(lib, names, display), bindings };
}

/** The prelude's import declarations: `names` are the library's values; its type-only exports come from its .d.ts. */
function preludeSource(lib: string, names: string[], display: string): string {
  const values = new Set(names);
  const types = typeOnlyExports(readFileSync(lib.replace(/\.js$/, ".d.ts"), "utf8")).filter((n) => !values.has(n));
  const js = (p: string): string => JSON.stringify(p.replace(/\\/g, "/"));
  return [
    `import { ${names.join(", ")} } from ${js(lib)};`,
    ...(types.length > 0 ? [`import type { ${types.join(", ")} } from ${js(lib)};`] : []),
    // every type also through the namespace (poolscope.MaxPoolOptions), as before
    `import * as poolscope from ${js(lib)};`,
    `import { ${DISPLAY_NAMES.join(", ")} } from ${js(display)};`,
  ].join("\n");
}
