// The cell compiler keeps a cell's names for later cells (a const may be declared again), allows top-level
// await, returns the last expression, keeps the cell's lines, and refuses what a static site cannot do.
import { describe, expect, it } from "vitest";
import { CellSyntaxError, compileCell, LIBRARY_KEY } from "../../../../kernel/lite/src/compile.js";

const globalEval = eval;
let n = 0;
/** Runs a cell as the worker does: the prologue, then the body, by global eval. */
async function run(source: string): Promise<unknown> {
  const cell = compileCell(source, `test-cell-${n++}`);
  if (cell.prologue) globalEval(cell.prologue);
  return globalEval(cell.body) as Promise<unknown>;
}
const g = globalThis as Record<string, unknown>;

describe("compileCell", () => {
  it("keeps top-level names across cells, and a const may be declared again", async () => {
    expect(await run("const lc1: number = 1;\nlc1")).toBe(1);
    expect(await run("const lc1 = 2;\nlc1 * 10")).toBe(20);
    expect(await run("let { lcA, lcB: [lcC] } = { lcA: 3, lcB: [4] };\nvar lcV = 5;\nlcA + lcC + lcV")).toBe(12);
    expect(g.lc1).toBe(2);
    expect(g.lcC).toBe(4);
  });

  it("runs top-level await and returns the last expression; a declaration last returns nothing", async () => {
    expect(await run("const la = await Promise.resolve(41);\nla + 1")).toBe(42);
    expect(await run("const lnone = 1;")).toBeUndefined();
  });

  it("functions are hoisted within the cell and global after it; classes are global", async () => {
    expect(await run("const lf1 = lfun(2);\nfunction lfun(x: number): number { return x * 3 }\nlf1")).toBe(6);
    expect(await run("class LK { v = 9 }\nnew LK().v")).toBe(9);
    expect(await run("lfun(1) + new LK().v")).toBe(12);
  });

  it("strips types (interfaces, annotations, as, generics) and keeps every line where it was", () => {
    const source =
      "interface Q { a: number }\nconst q: Q = { a: 1 } as Q;\nfunction id<T>(x: T): T { return x }\nid(q)";
    const cell = compileCell(source, "lines");
    expect(cell.body).not.toMatch(/interface|: Q|as Q|<T>/);
    // the wrapper adds one line at the end, and the sourceURL after it
    expect(cell.body.split("\n").length).toBe(source.split("\n").length + 2);
    expect(cell.body.split("\n")[3]).toContain("return (id(q));");
  });

  it("a trailing line comment does not swallow the wrapper's end", async () => {
    expect(await run("1 + 1 // two")).toBe(2);
  });

  it('imports of "poolscope" take the preloaded module; others are refused with their line', async () => {
    (globalThis as Record<symbol, unknown>)[Symbol.for(LIBRARY_KEY)] = { maxPool2d: "m", zeros: "z" };
    expect(
      await run(
        'import { maxPool2d as mp, zeros } from "poolscope";\nimport * as psl from "poolscope";\n[mp, zeros, psl.zeros]',
      ),
    ).toEqual(["m", "z", "z"]);
    expect(() => compileCell('const x = 1;\nimport fs from "node:fs";', "imp")).toThrow(CellSyntaxError);
    try {
      compileCell('const x = 1;\nimport fs from "node:fs";', "imp");
    } catch (e) {
      expect((e as CellSyntaxError).line).toBe(2);
      expect((e as Error).message).toMatch(/only "poolscope"/);
    }
  });

  it("a syntax error gives its line and column in the cell", () => {
    try {
      compileCell("const ok = 1;\nconst = 2;", "bad");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CellSyntaxError);
      expect((e as CellSyntaxError).line).toBe(2);
    }
  });
});
