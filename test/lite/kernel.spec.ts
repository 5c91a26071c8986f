// The browser kernel's semantics in the built site (no server): state across cells with a const declared
// again, top-level await, display with an id and clearOutput, an error with the user's line, completion of the
// preloaded names and of members, a traced output whose hover shows the linked window, and an interrupt that
// stops `while (true) {}` by restarting the worker, saying so.
import { expect, test, type Page } from "@playwright/test";
import type { Server } from "node:http";
import {
  codeCells,
  command,
  completions,
  kernelStatus,
  newNotebook,
  runAll,
  serveSite,
  setCells,
  textOf,
} from "./site.js";
import { hoverCell } from "../browser/views.js";

let server: Server;
let base = "";
test.beforeAll(async () => {
  ({ server, base } = await serveSite(2));
});
test.afterAll(() => server.close());

const errors: string[] = [];
test.beforeEach(({ page }) => {
  errors.length = 0;
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
});
test.afterEach(() => expect(errors).toEqual([]));

async function texts(page: Page): Promise<string[][]> {
  return (await codeCells(page)).map((c) => c.outputs.map(textOf));
}

test("a const declared again, top-level await, the last value, display by id, clearOutput", async ({ page }) => {
  await newNotebook(page, base);
  await setCells(page, [
    "const a: number = 1;\na",
    "const a = 2;\nconst b = await new Promise<number>((r) => setTimeout(() => r(a * 21), 10));\nb",
    "interface P { x: number }\nconst p: P = { x: a + 1 };\nconsole.log('p is', p);\np.x",
    'display("first", { id: "bar" });\ndisplay("second", { id: "bar" });\nconsole.log("done")',
    'console.log("gone");\nclearOutput();\n"kept"',
  ]);
  await runAll(page);
  expect(await texts(page)).toEqual([["1"], ["42"], ["p is { x: 3 }\n", "3"], ["'second'", "done\n"], ["'kept'"]]);
});

test("an error names the cell and the user's line, with the lines around it", async ({ page }) => {
  await newNotebook(page, base);
  await setCells(page, ["const t = zeros([1, 1, 4, 4]);\nconst y = 1;\nmaxPool2d(t, { kernelSize: 0 });\ny"]);
  await runAll(page);
  const [cell] = await codeCells(page);
  const error = cell.outputs.find((o) => o.output_type === "error");
  expect(error?.ename).toBe("ParameterError");
  const traceback = textOf(error!);
  expect(traceback).toContain("Cell In[1], line 3");
  expect(traceback).toContain("----> 3 maxPool2d(t, { kernelSize: 0 });");
  expect(traceback).toMatch(/frames? inside poolscope/);
});

test("completion of preloaded names and of a value's members", async ({ page }) => {
  await newNotebook(page, base);
  await setCells(page, ["const t = zeros([2, 3]);"]);
  await runAll(page);
  expect(await completions(page, "maxPo")).toEqual(expect.arrayContaining(["maxPool1d", "maxPool2d", "maxPool3d"]));
  expect(await completions(page, "t.res")).toContain("reshape");
  expect(await completions(page, "poolscope.avgP")).toContain("avgPool2d");
});

test("a traced output: hovering an output cell draws its window on the input", async ({ page }) => {
  await newNotebook(page, base);
  await setCells(page, ["maxPool2d(arange(16).reshape([1, 1, 4, 4]), { kernelSize: 2, trace: true })"]);
  await runAll(page);
  const view = page.locator(".jp-PoolscopeTensor").first();
  const input = view.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const output = view.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await hoverCell(output, 1, 1);
  await expect(view.locator(".jp-PoolscopeTensor-readout")).toHaveText("output [0, 0, 1, 1] = 15");
  await expect(input).toHaveAttribute("data-marks", /(^| )window:4( |$)/);
});

test("interrupt stops while (true) {} by restarting the worker, and says that the names are gone", async ({ page }) => {
  await newNotebook(page, base);
  await setCells(page, ["const before = 7;\nbefore", "while (true) {}"]);
  await page.evaluate(() => {
    const app = (window as unknown as { jupyterapp: { commands: { execute(id: string): Promise<unknown> } } })
      .jupyterapp;
    void app.commands.execute("notebook:run-all-cells");
  });
  // the first cell has run and the second is running
  await expect.poll(async () => (await codeCells(page))[0].outputs.map(textOf), { timeout: 60_000 }).toEqual(["7"]);
  await expect.poll(() => kernelStatus(page)).toBe("busy");
  await command(page, "notebook:interrupt-kernel");
  await expect
    .poll(async () => (await codeCells(page))[1].outputs.map(textOf).join("\n"), { timeout: 60_000 })
    .toMatch(/restarting the kernel's worker[\s\S]*Interrupted/);
  await expect.poll(() => kernelStatus(page)).toBe("idle");
  // the new worker runs cells; the earlier cell's names went with the old one
  await setCells(page, ["1 + 1", "typeof before"]);
  await runAll(page);
  expect(await texts(page)).toEqual([["2"], ["'undefined'"]]);
});

test("on a cross-origin isolated page (the headers of site/_headers): the shared-memory wasm and two threads", async ({
  page,
}) => {
  const isolated = await serveSite(3, true);
  try {
    await newNotebook(page, isolated.base);
    await setCells(page, [
      // threads asked for and used in one cell: the calls before the workers have started run on this thread
      "setThreads(2);\nconst x = rand([1, 8, 512, 512], { seed: 1 });\nconst a = maxPool2d(x, { kernelSize: 2 });\n[crossOriginIsolated, (await ready()).shared, getThreads()]",
      "const b = maxPool2d(x, { kernelSize: 2 });\nsetThreads(1);\nallclose(b, maxPool2d(x, { kernelSize: 2 })) && allclose(a, b)",
    ]);
    await runAll(page);
    expect(await texts(page)).toEqual([["[ true, true, 2 ]"], ["true"]]);
  } finally {
    isolated.server.close();
  }
});
