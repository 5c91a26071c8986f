import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createCellExecutor } from "../../../kernel/src/cells.js";
import { loadPrelude, type Prelude } from "../../../kernel/src/prelude.js";

// the built display helpers: the prelude's text imports them by path, and a compiled cell needs their .d.ts
const display = fileURLToPath(new URL("../../../kernel/dist/display.js", import.meta.url));
const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Each own property's name and shape (value or getter, flags), in name order. */
function shapes(o: object): [string, object][] {
  return Object.entries(Object.getOwnPropertyDescriptors(o))
    .map(([k, d]): [string, object] => [
      k,
      { enumerable: d.enumerable, configurable: d.configurable, writable: d.writable, getter: d.get !== undefined },
    ])
    .sort(([a], [b]) => a.localeCompare(b));
}

const LATER_CELL = [
  "const t = tensor([[[[1, 2], [3, 4]]]]);",
  "const o: poolscope.MaxPoolOptions = { kernelSize: 2 };",
  "[maxPool2d(t, o).data[0], typeof display, poolscope.tensor === tensor, (poolscope as any).default.tensor === tensor]",
].join("\n");
const WRONG_CELL = "const s: string = maxPool2d;";
// a prelude name declared again by a cell, then used by the next one
const REDECLARED = ["const relu = 3;\nrelu + 1", "relu * 2"];

/**
 * A kernel's executor after the prelude, compiled as a cell or adopted, and what it then leaves and does. One at a
 * time: tslab's executors share process-wide state (a second one created takes the first one's cell results).
 */
async function session(prelude: Prelude, how: "compiled" | "adopted") {
  const values: unknown[] = [];
  const errors: unknown[][] = [];
  const console = { log: (v: unknown) => void values.push(v), error: (...a: unknown[]) => void errors.push(a) };
  const executor = createCellExecutor(root, console);
  if (how === "compiled") expect(await executor.execute(prelude.source), String(errors.flat())).toBe(true);
  else executor.adopt(prelude);
  const locals = { ...Object.getOwnPropertyDescriptors(executor.locals) };
  const exports = executor.locals as Record<string, unknown>;
  const namespace = exports.poolscope as Record<string, unknown>;
  const left = {
    declarations: executor.declarations,
    shapes: shapes(executor.locals),
    values: Object.fromEntries(Object.keys(locals).map((k) => [k, exports[k]])),
    namespaceShapes: shapes(namespace),
    namespaceValues: Object.fromEntries(Object.keys(namespace).map((k) => [k, namespace[k]])),
  };
  const ran: boolean[] = [];
  for (const cell of [LATER_CELL, WRONG_CELL, ...REDECLARED]) ran.push(await executor.execute(cell));
  return { left, ran, values, errors: String(errors.flat()) };
}

describe("the prelude taken without compiling it", () => {
  it("leaves the declarations and exports a compiled cell of its text leaves, and later cells run the same", async () => {
    const prelude = await loadPrelude(display);
    const compiled = await session(prelude, "compiled");
    const adopted = await session(prelude, "adopted");

    expect(Object.keys(compiled.left.values)).toContain("maxPool2d");
    expect(adopted.left.declarations).toBe(compiled.left.declarations);
    expect(adopted.left.shapes).toEqual(compiled.left.shapes);
    for (const [name, value] of Object.entries(compiled.left.values)) {
      if (name !== "poolscope") expect(adopted.left.values[name], name).toBe(value);
    }
    expect(adopted.left.namespaceShapes).toEqual(compiled.left.namespaceShapes);
    for (const [name, value] of Object.entries(compiled.left.namespaceValues)) {
      expect(adopted.left.namespaceValues[name], `poolscope.${name}`).toBe(value);
    }

    expect(compiled.ran).toEqual([true, false, true, true]);
    expect(adopted.ran).toEqual(compiled.ran);
    expect(compiled.values).toEqual([[4, "function", true, true], 4, 6]);
    expect(adopted.values).toEqual(compiled.values);
    expect(compiled.errors).toContain("is not assignable to type 'string'");
    expect(adopted.errors).toBe(compiled.errors);
  });
});
