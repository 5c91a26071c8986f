import { describe, expect, it } from "vitest";
import { converterWith, expectSameCompiles, tutorialCells, withSwitch, type Converter } from "./both-ways.js";

const TWO_STEP = "POOLSCOPE_KERNEL_TWO_STEP_COMMONJS";

/** Cells of shapes the tutorials lack: reassigned and destructured exports, classes, await, a dynamic import. */
const SHAPES = [
  "const a = 1; let b = 2;",
  "b = a + 3; b",
  "let z = 1; z++; z += 2; [z] = [5]; z",
  "for (var i = 0; i < 3; i++) {} i",
  "const { x: xx, ...rest } = { x: 1, y: 2 }; rest",
  "function f(x: number) { return x + b } f(2)",
  "class K { v = a; static s = 1 }; new K()",
  "abstract class Q { abstract m(): void }",
  "const s = `a${a}b`; s",
  "await Promise.resolve(1)",
  "const { zlibSync } = await import('fflate'); typeof zlibSync",
  "throw new Error('x')",
];

/**
 * Cells the two ways emit differently, in where an export is assigned (inside an enum's or a namespace's
 * function, after a decorated class's first assignment, against once, after them); what the cell leaves on
 * `exports` is the same.
 */
const PLACED_DIFFERENTLY = [
  "enum E { A, B = 5 } E.B",
  "namespace N { export const v = 1 } N.v",
  "@((c: any) => c) class D {}",
];

/** Compiles `src` with `converter`, the CommonJS step made one way or the other (read at each emit). */
function convert(converter: Converter, decls: string, src: string, twoStep: boolean) {
  return withSwitch(twoStep ? TWO_STEP : null, () => converter.convert(decls, src));
}

/** What running a cell's CommonJS leaves on its exports (values by JSON, classes and functions by name). */
function runExports(js: string): Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  new Function("exports", "require", js)(exports, () => ({}));
  return Object.fromEntries(
    Object.entries(exports).map(([k, v]) => [k, typeof v === "function" ? `function ${v.name}` : JSON.stringify(v)]),
  );
}

describe("a cell's CommonJS made in the checked program's emit", () => {
  it("is what the ES module output transpiled again was, for every tutorial cell and the other shapes", async () => {
    const [one, two] = [converterWith(null), converterWith(null)];
    try {
      await expectSameCompiles(
        (d, src) => convert(one, d, src, false),
        (d, src) => convert(two, d, src, true),
        [...tutorialCells(), ...SHAPES],
      );
    } finally {
      one.close();
      two.close();
    }
  });

  it.each(PLACED_DIFFERENTLY)("leaves the same exports for %s", (src) => {
    const [one, two] = [converterWith(null), converterWith(null)];
    try {
      const [r1, r2] = [convert(one, "", src, false), convert(two, "", src, true)];
      expect(r1.diagnostics).toEqual([]);
      expect(r1.output).not.toBe(r2.output);
      expect(runExports(r1.output!)).toEqual(runExports(r2.output!));
      expect(r1.declOutput).toBe(r2.declOutput);
    } finally {
      one.close();
      two.close();
    }
  });
});
