import { createRequire } from "node:module";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import type * as TS from "@tslab/typescript-for-tslab";
import { transpileUnchecked } from "../../../kernel/src/transpile.js";

const require = createRequire(import.meta.url);
// the TypeScript fork tslab's converter runs with, resolved as kernel/src/tslab.ts resolves it
const ts = require(
  require.resolve("@tslab/typescript-for-tslab", { paths: [dirname(require.resolve("tslab/package.json"))] }),
) as typeof TS;

/** The options tslab's esModuleToCommonJSModule passes (converter.js), target as on Node ≥ 18. */
const asTslab: TS.TranspileOptions = {
  fileName: "custom.js",
  compilerOptions: {
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    target: ts.ScriptTarget.ES2022,
    newLine: ts.NewLineKind.LineFeed,
    noImplicitUseStrict: true,
  },
};

/** ES module output of the shapes tslab's checked program emits for cells. */
const cells = [
  "export {};\n1 + 1;\n",
  'export {};\nimport { tensor } from "/x/poolscope/dist/index.js";\nconst a = tensor([1, 2, 3, 4], [1, 1, 2, 2]);\nlet b = a.shape.map((x) => x * 2);\nconst fs = await import("fs");\nexport { a, b };\n',
  'export {};\nimport * as ps from "/x/p.js";\nimport d from "dd";\nimport d2, { q } from "ee";\nfunction f() { return ps.x + d() + d2; }\nclass C { m() { return q; } }\nvar z = 1;\nz = 2;\nz++;\nfor (var i = 0; i < 2; i++) { }\nexport { f, C, z, i };\n',
  "export {};\nexports.kernel + 1;\nconst { a, b: [c] } = exports.obj;\nlet x;\nx = 5;\n[x] = [6];\nexport { a, c, x };\n",
  'export {};\nexport default 3;\nexport * from "m";\nexport { y as yy } from "n";\nimport { u } from "o";\nexport { u };\n',
  'export {};\nimport { unused } from "x";\nimport "side";\nimport def, * as ns from "y";\nconsole.log(ns, def);\nexport const k = async () => { for await (const q of []) { } };\n',
];

describe("transpileUnchecked", () => {
  it.each(cells.map((src, i) => [i, src]))("emits what ts.transpileModule emits (cell %i)", (_, src) => {
    const expected = ts.transpileModule(src, asTslab).outputText;
    expect(transpileUnchecked(ts, src, asTslab)).toEqual({ outputText: expected, diagnostics: [] });
  });

  it("declines calls it does not mirror, so the caller runs transpileModule", () => {
    expect(transpileUnchecked(ts, cells[0], { ...asTslab, reportDiagnostics: true })).toBeNull();
    expect(transpileUnchecked(ts, cells[0], { ...asTslab, transformers: {} })).toBeNull();
    expect(transpileUnchecked(ts, cells[0], { compilerOptions: asTslab.compilerOptions })).toBeNull();
  });
});
