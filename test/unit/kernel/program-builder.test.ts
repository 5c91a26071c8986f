import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPrelude } from "../../../kernel/src/prelude.js";
import { converterModule } from "../../../kernel/src/tslab.js";
import { tutorialCells } from "./tutorial-cells.js";

const display = fileURLToPath(new URL("../../../kernel/dist/display.js", import.meta.url));
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

type Converter = ReturnType<typeof converterModule.createConverter>;

function converter(full: boolean): Converter {
  if (full) process.env[FULL] = "1";
  try {
    return converterModule.createConverter();
  } finally {
    delete process.env[FULL];
  }
}

describe("the thin builder", () => {
  it("compiles every cell as TypeScript's own builder does", async () => {
    const prelude = `${(await loadPrelude(display)).source}\n`;
    const [thin, full] = [converter(false), converter(true)];
    const cells = [...tutorialCells(), ...SHAPES];
    let [d1, d2] = [prelude, prelude];
    let compiled = 0;
    try {
      for (const src of cells) {
        const [r1, r2] = [thin.convert(d1, src), full.convert(d2, src)];
        expect({ src, ...r1 }).toEqual({ src, ...r2 });
        if (r1.diagnostics.length === 0 && r1.declOutput !== undefined) {
          compiled++;
          [d1, d2] = [r1.declOutput, r2.declOutput!];
        }
      }
    } finally {
      thin.close();
      full.close();
    }
    expect(compiled).toBe(cells.length);
  });
});
