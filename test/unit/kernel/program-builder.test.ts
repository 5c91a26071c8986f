import { describe, it } from "vitest";
import { converterWith, expectSameCompiles, tutorialCells } from "./both-ways.js";

const FULL = "POOLSCOPE_KERNEL_FULL_BUILDER";

/**
 * Cells for the dependencies' two ways: most depend on nothing; those with a dynamic import or a type reference
 * are asked of TypeScript's BuilderState. (A cell importing a local .ts module, whose compiled module is a side
 * output, is test/kernel/test_execution.py's, through the kernel; tslab's converter fails a cell that augments a
 * module or the global scope, either way.)
 */
const SHAPES = [
  "const a = 1; let b = 2;",
  "b = a + 3; b",
  "const { zlibSync } = await import('fflate'); typeof zlibSync",
  '/// <reference types="node" />\n3',
  "1 + 1",
];

describe("the thin builder", () => {
  it("compiles every cell as TypeScript's own builder does", async () => {
    const [thin, full] = [converterWith(null), converterWith(FULL)];
    try {
      await expectSameCompiles(
        (d, src) => thin.convert(d, src),
        (d, src) => full.convert(d, src),
        [...tutorialCells(), ...SHAPES],
      );
    } finally {
      thin.close();
      full.close();
    }
  });
});
