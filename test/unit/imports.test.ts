// The tree's import rules, read from the source with TypeScript's own parser (no build needed):
// 1. no import cycle inside src/, kernel/src, kernel/lite/src or extension/src (type-only imports count too: a cycle through
//    `import type` is still two modules that cannot be read one without the other);
// 2. the wire contract (src/wire/, what the browser renderer imports) reaches no Node module and no core/
//    value beyond the two leaves geometry validates with (errors.ts, shape.ts): never Tensor or a backend.
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

interface Edge {
  /** The specifier as written. */
  spec: string;
  /** The repository-relative file it resolves to, or null for a package or builtin. */
  target: string | null;
  /** True when the import is erased at compile time (`import type`, `export type`). */
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) {
      // AssemblyScript, compiled by asc into a .wasm file; nothing TypeScript imports it
      if (name !== "assembly") out.push(...sourceFiles(path));
    } else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = join(dirname(from), spec);
  const stem = base.replace(/\.js$/, "");
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, join(base, "index.ts")]) {
    if (existsSync(join(root, candidate))) return candidate;
  }
  // an asset, a build output or a generated module (kernel/lite: its logo, kernel/dist, the worker's text): no
  // source file of the part, so no edge of its graph
  if (base.split(/[\\/]/).includes("dist") || existsSync(join(root, base)) || existsSync(join(root, `${stem}.d.ts`)))
    return null;
  throw new Error(`${from}: cannot resolve "${spec}"`);
}

/** Every import, re-export, dynamic import() and require() of a file. */
function importsOf(file: string, text = readFileSync(join(root, file), "utf8")): Edge[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const add = (spec: string, typeOnly: boolean): void => {
    edges.push({ spec, target: resolveSpec(file, spec), typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, allTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const allTypes =
        node.isTypeOnly ||
        (clause !== undefined &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier.text, allTypes);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require")) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) add(arg.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edges;
}

/** The cycles of a graph, one per strongly connected component of more than one file (or a self-import). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const strong = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) strong(v);
  return found;
}

function graphOf(files: string[], valueOnly = false): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const edges = importsOf(f).filter((e) => e.target !== null && !(valueOnly && e.typeOnly));
    graph.set(
      f,
      edges.map((e) => e.target!),
    );
  }
  return graph;
}

describe("import graph", () => {
  it("finds a cycle when there is one (the checker itself)", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
      ["e", ["e"]],
    ]);
    expect(cycles(g)).toEqual([["a", "b", "c"], ["e"]]);
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads type-only imports, re-exports, dynamic imports and require() as edges", () => {
    const edges = importsOf(
      "src/index.ts",
      [
        `import type { A } from "./core/tensor.js";`,
        `import { type B, C } from "./core/errors.js";`,
        `export { D } from "./core/shape.js";`,
        `export type { E } from "./wire/traceTypes.js";`,
        `const m = await import("./wire/stats.js");`,
        `const n = require("node:fs");`,
      ].join("\n"),
    );
    expect(edges.map((e) => [e.target ?? e.spec, e.typeOnly])).toEqual([
      ["src/core/tensor.ts", true],
      ["src/core/errors.ts", false],
      ["src/core/shape.ts", false],
      ["src/wire/traceTypes.ts", true],
      ["src/wire/stats.ts", false],
      ["node:fs", false],
    ]);
  });

  for (const part of ["src", "kernel/src", "kernel/lite/src", "extension/src"]) {
    it(`${part} has no import cycle`, () => {
      const files = sourceFiles(part);
      expect(files.length).toBeGreaterThan(5);
      expect(cycles(graphOf(files))).toEqual([]);
    });
  }
});

describe("the wire contract (src/wire/)", () => {
  // every file a browser bundle of poolscope/wire loads: the value imports reachable from src/wire/
  const reached = (): Map<string, Edge[]> => {
    const seen = new Map<string, Edge[]>();
    const todo = sourceFiles("src/wire");
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      const edges = importsOf(f).filter((e) => !e.typeOnly);
      seen.set(f, edges);
      for (const e of edges) if (e.target) todo.push(e.target);
    }
    return seen;
  };
  const nodeBuiltins = new Set(builtinModules);

  it("reaches no Node module", () => {
    const bad = [...reached()].flatMap(([f, edges]) =>
      edges
        .filter((e) => e.spec.startsWith("node:") || nodeBuiltins.has(e.spec.split("/")[0]))
        .map((e) => `${f} imports ${e.spec}`),
    );
    expect(bad).toEqual([]);
  });

  it("reaches no core/ value but the error class and shape sizes (no Tensor, no backend)", () => {
    const allowed = new Set(["src/core/errors.ts", "src/core/shape.ts"]);
    const core = [...reached().keys()].filter((f) => f.startsWith("src/core/") && !allowed.has(f));
    expect(core).toEqual([]);
    // and reaches the wire's own files plus geometry: the walk itself is not empty
    expect([...reached().keys()].some((f) => f.startsWith("src/geometry/"))).toBe(true);
  });

  it("imports no package (the renderer bundles exactly this code)", () => {
    const bad = [...reached()].flatMap(([f, edges]) =>
      edges.filter((e) => e.target === null).map((e) => `${f} imports ${e.spec}`),
    );
    expect(bad).toEqual([]);
  });

  it("is what the poolscope/wire export points at (the renderer's only entry into the library)", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      exports: Record<string, { default: string }>;
    };
    expect(pkg.exports["./wire"].default).toBe("./dist/wire/index.js");
    expect(pkg.exports["./display"]).toBeUndefined();
  });
});

describe("the server kernel's files the browser kernel loads (kernel/lite imports them from kernel/dist)", () => {
  it("reach no Node module but node:util (build-worker.mjs aliases it to node-inspect-extracted)", () => {
    const seen = new Set<string>();
    const todo = sourceFiles("kernel/lite/src").flatMap((f) =>
      importsOf(f)
        .filter((e) => !e.typeOnly && /^(\.\.\/)+dist\//.test(e.spec))
        .map((e) => join("kernel/src", e.spec.replace(/^(\.\.\/)+dist\//, "").replace(/\.js$/, ".ts"))),
    );
    // the walk is not empty: display, bundle, output and traceback today
    expect(todo.length).toBeGreaterThan(3);
    const bad: string[] = [];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      for (const e of importsOf(f).filter((e) => !e.typeOnly)) {
        const node = e.spec.startsWith("node:") || builtinModules.includes(e.spec.split("/")[0]);
        if (node && e.spec !== "node:util") bad.push(`${f} imports ${e.spec}`);
        if (e.target) todo.push(e.target);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("core/tensor.ts", () => {
  it("imports nothing of display, even by type", () => {
    const edges = importsOf("src/core/tensor.ts");
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.filter((e) => e.target?.startsWith("src/display/"))).toEqual([]);
  });
});

describe("test/unit mirrors src/", () => {
  // tests of the whole library rather than of one file or folder, and of test/unit/helpers.ts itself
  const crossCutting = new Set(["errors", "imports", "properties", "helpers"]);

  it("every test file is named after a source file or folder (test/unit/kernel/ after kernel/src/)", () => {
    const tests = sourceFiles("test/unit")
      .filter(
        (f) =>
          f.endsWith(".test.ts") && !f.startsWith("test/unit/extension/") && !f.startsWith("test/unit/kernel/lite/"),
      )
      .map((f) => f.slice("test/unit/".length, -".test.ts".length));
    expect(tests.length).toBeGreaterThan(20);
    const sourceOf = (p: string): string =>
      p.startsWith("kernel/") ? join("kernel", "src", p.slice(7)) : join("src", p);
    const orphans = tests.filter(
      (p) =>
        !crossCutting.has(p) &&
        !existsSync(join(root, `${sourceOf(p)}.ts`)) &&
        !(existsSync(join(root, sourceOf(p))) && statSync(join(root, sourceOf(p))).isDirectory()),
    );
    expect(orphans).toEqual([]);
  });

  it("test/unit/kernel/lite/ mirrors kernel/lite/src/, the browser kernel", () => {
    const orphans = sourceFiles("test/unit/kernel/lite")
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => f.slice("test/unit/kernel/lite/".length, -".test.ts".length))
      .filter((p) => !existsSync(join(root, "kernel", "lite", "src", `${p}.ts`)));
    expect(orphans).toEqual([]);
  });
});

describe("ops reach kernels only through backend/index.ts", () => {
  it("no op reads the backend choice or calls a backend's kernel table directly", () => {
    const direct = new Set([
      "src/core/backend.ts",
      "src/backend/js/kernels.ts",
      "src/backend/wasm/index.ts",
      "src/backend/wasm/kernels.ts",
      "src/backend/wasm/depthMax.ts",
    ]);
    const bad = sourceFiles("src/ops").flatMap((f) =>
      importsOf(f)
        .filter((e) => e.target !== null && !e.typeOnly && direct.has(e.target))
        .map((e) => `${f} imports ${e.spec}`),
    );
    expect(bad).toEqual([]);
    expect(sourceFiles("src/ops").some((f) => importsOf(f).some((e) => e.target === "src/backend/index.ts"))).toBe(
      true,
    );
  });
});
