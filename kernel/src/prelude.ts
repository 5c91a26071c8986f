/**
 * The prelude: one import cell run before the kernel serves, so every export of poolscope (and `display`) is in
 * scope from the first cell, with its types, completion and documentation, as if the user had imported it.
 * tslab keeps values and declarations across cells, so names imported here behave like cell-0 imports.
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

export async function preludeSource(): Promise<string> {
  const lib = libraryEntry();
  const names = Object.keys((await import(lib)) as object).filter((n) => IDENTIFIER.test(n) && n !== "default");
  const values = new Set(names);
  const types = typeOnlyExports(readFileSync(lib.replace(/\.js$/, ".d.ts"), "utf8")).filter((n) => !values.has(n));
  const js = (p: string): string => JSON.stringify(p.replace(/\\/g, "/"));
  return [
    `import { ${names.join(", ")} } from ${js(lib)};`,
    ...(types.length > 0 ? [`import type { ${types.join(", ")} } from ${js(lib)};`] : []),
    // every type also through the namespace (poolscope.MaxPoolOptions), as before
    `import * as poolscope from ${js(lib)};`,
    `import { display, clearOutput } from ${js(displayEntry())};`,
  ].join("\n");
}
