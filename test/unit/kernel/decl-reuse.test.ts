import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { declarationsParsed } from "../../../kernel/src/decl-reuse.js";
import { loadPrelude } from "../../../kernel/src/prelude.js";
import { converterModule } from "../../../kernel/src/tslab.js";
import { tutorialCells } from "./tutorial-cells.js";

const display = fileURLToPath(new URL("../../../kernel/dist/display.js", import.meta.url));
const lib = fileURLToPath(new URL("../../../dist/index.js", import.meta.url));
const NO_REUSE = "POOLSCOPE_KERNEL_NO_DECL_REUSE";

/**
 * Cells that leave the declarations as they were, among them cells that shadow an earlier name with the same text
 * (tslab then trims the parsed file in place, and a kept file that was not put back loses the name for the next
 * cell), and cells that change them.
 */
const REPEATS = [
  "const r = 5; r",
  "const r = 5; r",
  "1 + 1",
  "r",
  `import { tensor as tt } from ${JSON.stringify(lib)}`,
  `import { tensor as tt } from ${JSON.stringify(lib)}`,
  "1 + 1",
  "tt([1, 2]).shape",
  "type T = number; const t: T = 1",
  "type T = number; const t: T = 1",
  "t",
  "interface I { x: number }",
  "interface I { x: number }",
  "const i: I = { x: 1 }; i",
  "function f() { return 1 }",
  "function f() { return 1 }",
  "f() + r",
];

type Converter = ReturnType<typeof converterModule.createConverter>;

function converter(reuse: boolean): Converter {
  if (!reuse) process.env[NO_REUSE] = "1";
  try {
    return converterModule.createConverter();
  } finally {
    delete process.env[NO_REUSE];
  }
}

describe("the declarations file kept while its text is unchanged", () => {
  it("compiles every cell as a file parsed afresh does", async () => {
    const prelude = `${(await loadPrelude(display)).source}\n`;
    const [kept, fresh] = [converter(true), converter(false)];
    const cells = [...tutorialCells(), ...REPEATS, ...tutorialCells().slice(0, 10), ...REPEATS];
    let [d1, d2] = [prelude, prelude];
    let compiled = 0;
    try {
      for (const src of cells) {
        const [r1, r2] = [kept.convert(d1, src), fresh.convert(d2, src)];
        expect({ src, ...r1 }).toEqual({ src, ...r2 });
        if (r1.diagnostics.length === 0 && r1.declOutput !== undefined) {
          compiled++;
          [d1, d2] = [r1.declOutput, r2.declOutput!];
        }
      }
    } finally {
      kept.close();
      fresh.close();
    }
    expect(compiled).toBe(cells.length);
  });

  it("parses the file only when its text changes", async () => {
    const prelude = `${(await loadPrelude(display)).source}\n`;
    const c = converter(true);
    try {
      let decls = c.convert(prelude, "const k = 1").declOutput!;
      const before = declarationsParsed();
      for (let i = 0; i < 3; i++) expect(c.convert(decls, "1 + 1").diagnostics).toEqual([]);
      expect(declarationsParsed() - before).toBe(1); // the first `1 + 1` sees the text `const k` left
      // compiled against the same text (nothing parsed), it leaves a new one, parsed for the next cell
      decls = c.convert(decls, "const k2 = 2").declOutput!;
      expect(declarationsParsed() - before).toBe(1);
      expect(c.convert(decls, "k + k2").diagnostics).toEqual([]);
      expect(declarationsParsed() - before).toBe(2);
    } finally {
      c.close();
    }
  });
});
