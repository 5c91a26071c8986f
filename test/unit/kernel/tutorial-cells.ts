/**
 * The code cells of the tutorials, English and Chinese, in notebook order: a corpus of cells as a learner runs
 * them, for the tests that compare two ways of compiling (commonjs-emit, decl-reuse).
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

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
