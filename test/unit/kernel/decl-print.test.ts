import { createRequire } from "node:module";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import type * as TS from "@tslab/typescript-for-tslab";
import { memoizingPrinter } from "../../../kernel/src/decl-print.js";

const require = createRequire(import.meta.url);
// the TypeScript fork tslab's converter runs with, resolved as kernel/src/tslab.ts resolves it
const ts = require(
  require.resolve("@tslab/typescript-for-tslab", { paths: [dirname(require.resolve("tslab/package.json"))] }),
) as typeof TS;

const DECLS = [
  "export {};",
  'import { tensor, maxPool2d, avgPool2d, relu } from "/x/poolscope/dist/index.js";',
  'import * as poolscope from "/x/poolscope/dist/index.js";',
  "/** a documented value */",
  "declare const a: number, b: string;",
  "declare function f(n: number): string;",
  "interface Shape { rows: number }",
].join("\n");

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const mutable = <T>(x: T): Mutable<T> => x as Mutable<T>;

/** The declarations file parsed afresh and trimmed as tslab's remainingDecls trims it. */
function trimmed(drop: { statements?: number[]; specifiers?: string[]; vars?: string[] }): TS.SourceFile {
  const sf = ts.createSourceFile("/nb/__prev__.d.ts", DECLS, ts.ScriptTarget.Latest, true);
  const kept = sf.statements.filter((_, i) => !(drop.statements ?? []).includes(i));
  for (const stmt of kept) {
    if (
      ts.isImportDeclaration(stmt) &&
      stmt.importClause?.namedBindings &&
      ts.isNamedImports(stmt.importClause.namedBindings)
    ) {
      const named = stmt.importClause.namedBindings;
      mutable(named).elements = ts.factory.createNodeArray(
        named.elements.filter((e) => !(drop.specifiers ?? []).includes(e.name.text)),
      );
    }
    if (ts.isVariableStatement(stmt)) {
      const list = stmt.declarationList;
      mutable(list).declarations = ts.factory.createNodeArray(
        list.declarations.filter((d) => !(drop.vars ?? []).includes((d.name as TS.Identifier).text)),
      );
    }
  }
  mutable(sf).statements = ts.factory.createNodeArray(kept);
  return sf;
}

describe("the declarations printed once per shape", () => {
  it("prints what the real printer prints, for every trim, and prints each shape once", () => {
    let printed = 0;
    const counting = {
      ...ts,
      createPrinter: (o?: TS.PrinterOptions, h?: TS.PrintHandlers) => {
        const p = ts.createPrinter(o, h);
        const real = p.printFile.bind(p);
        p.printFile = (sf) => (printed++, real(sf));
        return p;
      },
    } as typeof TS;
    const memo = memoizingPrinter(counting, "/__prev__.d.ts");
    const options = { newLine: ts.NewLineKind.LineFeed };
    const trims = [
      {},
      { specifiers: ["relu"] },
      { statements: [2] },
      { vars: ["b"] },
      { vars: ["a"] },
      { specifiers: ["tensor", "avgPool2d"], statements: [5] },
      {},
      { specifiers: ["relu"] },
      { vars: ["b"] },
    ];
    const outputs = trims.map((drop) => {
      const expected = ts.createPrinter(options).printFile(trimmed(drop));
      expect(memo(options).printFile(trimmed(drop))).toBe(expected);
      return expected;
    });
    // different trims print differently (the key tells them apart), repeats are answered from the memo
    expect(new Set(outputs).size).toBe(6);
    expect(printed).toBe(6);
    // any other file goes to the real printer every time
    const other = ts.createSourceFile("/nb/__tslab__.ts", "const z = 1;", ts.ScriptTarget.Latest, true);
    memo(options).printFile(other);
    memo(options).printFile(other);
    expect(printed).toBe(8);
  });
});
