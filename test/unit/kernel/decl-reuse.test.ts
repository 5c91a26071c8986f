import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { declarationsParsed } from "../../../kernel/src/decl-reuse.js";
import { converterWith, expectSameCompiles, preludeDeclarations, tutorialCells } from "./both-ways.js";

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

describe("the declarations file kept while its text is unchanged", () => {
  it("compiles every cell as a file parsed afresh does", async () => {
    const [kept, fresh] = [converterWith(null), converterWith(NO_REUSE)];
    try {
      await expectSameCompiles(
        (d, src) => kept.convert(d, src),
        (d, src) => fresh.convert(d, src),
        [...tutorialCells(), ...REPEATS, ...tutorialCells().slice(0, 10), ...REPEATS],
      );
    } finally {
      kept.close();
      fresh.close();
    }
  });

  it("parses the file only when its text changes", async () => {
    const prelude = await preludeDeclarations();
    const c = converterWith(null);
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
