/**
 * The prelude: one import cell run before the kernel serves, so every export of poolscope (and `display`) is in
 * scope from the first cell, with its types, completion and documentation, as if the user had imported it.
 * tslab keeps values and declarations across cells, so names imported here behave like cell-0 imports.
 */
import { createRequire } from "node:module";
import { realpathSync } from "node:fs";
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

export async function preludeSource(): Promise<string> {
  const lib = libraryEntry();
  const names = Object.keys((await import(lib)) as object).filter((n) => IDENTIFIER.test(n) && n !== "default");
  const js = (p: string): string => JSON.stringify(p.replace(/\\/g, "/"));
  return [
    `import { ${names.join(", ")} } from ${js(lib)};`,
    // types (e.g. poolscope.MaxPoolOptions) through the namespace
    `import * as poolscope from ${js(lib)};`,
    `import { display, clearOutput } from ${js(displayEntry())};`,
  ].join("\n");
}
