/**
 * For the tests that compare two ways of compiling a cell (commonjs-emit, decl-reuse, program-builder): the
 * tutorials' code cells as a corpus, converters built with a kernel switch set, and the comparison itself.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { loadPrelude } from "../../../kernel/src/prelude.js";
import { converterModule, type Converter, type ConvertResult } from "../../../kernel/src/tslab.js";

export type { Converter };
type Convert = (decls: string, src: string) => ConvertResult;

const display = fileURLToPath(new URL("../../../kernel/dist/display.js", import.meta.url));

/** The code cells of the tutorials, English and Chinese, in notebook order: cells as a learner runs them. */
export function tutorialCells(): string[] {
  const cells: string[] = [];
  for (const lang of ["en", "zh"]) {
    const dir = fileURLToPath(new URL(`../../../notebooks/${lang}/`, import.meta.url));
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith(".ipynb"))
      .sort()) {
      const nb = JSON.parse(readFileSync(`${dir}${name}`, "utf8")) as {
        cells: { cell_type: string; source: string | string[] }[];
      };
      for (const c of nb.cells) if (c.cell_type === "code") cells.push([c.source].flat().join(""));
    }
  }
  return cells;
}

/** Runs `f` with the environment variable `name` set to "1" (when given), as a kernel switch is read. */
export function withSwitch<T>(name: string | null, f: () => T): T {
  if (name) process.env[name] = "1";
  try {
    return f();
  } finally {
    if (name) delete process.env[name];
  }
}

/** A converter built with the switch `name` set (when given): the switches of converter building are read then. */
export function converterWith(name: string | null): Converter {
  return withSwitch(name, () => converterModule.createConverter());
}

/** The prelude's declarations, as the kernel's first cell is checked against them. */
export async function preludeDeclarations(): Promise<string> {
  return `${(await loadPrelude(display)).source}\n`;
}

/**
 * Compiles `cells` in order both ways, each way against the declarations its own previous cells left, and
 * expects the same result for every cell; and that every cell compiled, since the comparison means something
 * only then.
 */
export async function expectSameCompiles(one: Convert, two: Convert, cells: readonly string[]): Promise<void> {
  const prelude = await preludeDeclarations();
  let [d1, d2] = [prelude, prelude];
  let compiled = 0;
  for (const src of cells) {
    const [r1, r2] = [one(d1, src), two(d2, src)];
    expect({ src, ...r1 }).toEqual({ src, ...r2 });
    if (r1.diagnostics.length === 0 && r1.declOutput !== undefined) {
      compiled++;
      [d1, d2] = [r1.declOutput, r2.declOutput!];
    }
  }
  expect(compiled).toBe(cells.length);
}
