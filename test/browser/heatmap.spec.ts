/**
 * The walking skeleton end to end: the tutorial notebook runs on the poolscope kernel inside JupyterLab, the
 * renderer draws each tensor as a heatmap on a canvas, and hovering a cell reads out its index and value.
 */
import { expect, openNotebook, rerunAll, test } from "./lab.js";
import { whileHovering } from "./views.js";

test("the poolscope kernel is listed", async ({ request }) => {
  const specs = await (await request.get("/api/kernelspecs")).json();
  expect(specs.kernelspecs.poolscope.spec.display_name).toBe("TypeScript (poolscope)");
});

test("running the basics notebook draws heatmaps with a hover read-out", async ({ page }) => {
  const panel = await openNotebook(page, "en/01-pooling-basics.ipynb");
  await rerunAll(page, panel);

  const views = panel.locator(".jp-PoolscopeTensor");
  // the tutorial has more outputs further down; the first three are the map, its max and its mean
  await expect(views.nth(2)).toBeAttached({ timeout: 60_000 });
  await expect(views.nth(0).locator(".jp-PoolscopeTensor-stats")).toHaveText(/shape=\[1, 1, 4, 4\] min=0 max=9/);
  await expect(views.nth(1).locator(".jp-PoolscopeTensor-stats")).toHaveText(/shape=\[1, 1, 2, 2\] min=2 max=9/);

  // the canvas holds real pixels: opaque, and more than one colour
  const canvas = views.nth(0).locator("canvas.jp-PoolscopeTensor-canvas");
  const pixels = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<string>();
    let opaque = 0;
    for (let k = 0; k < data.length; k += 4) {
      if (data[k + 3] > 0) opaque++;
      colours.add(`${data[k]},${data[k + 1]},${data[k + 2]}`);
    }
    return { opaque, colours: colours.size, cells: c.width * c.height };
  });
  expect(pixels.cells).toBe(16);
  expect(pixels.opaque).toBe(16);
  expect(pixels.colours).toBeGreaterThan(5);

  // hover row 2, column 2 of the 4×4 input (value 9): the read-out shows the full index and the value
  const stage = views.nth(0).locator(".jp-PoolscopeTensor-stage");
  const readout = views.nth(0).locator(".jp-PoolscopeTensor-readout");
  await whileHovering(stage, 2, 2, () => expect(readout).toHaveText("[0, 0, 2, 2] = 9"));
  await whileHovering(stage, 3, 0, () => expect(readout).toHaveText("[0, 0, 3, 0] = 3"));

  // the mean-pooled map's first cell is (1+3+5+6)/4
  await whileHovering(views.nth(2).locator(".jp-PoolscopeTensor-stage"), 0, 0, () =>
    expect(views.nth(2).locator(".jp-PoolscopeTensor-readout")).toHaveText("[0, 0, 0, 0] = 3.75"),
  );

  await page.screenshot({ path: "test/artifacts/basics-notebook.png", fullPage: true });
});

test("running cells logs no page error or console error", async ({ page, pageErrors }) => {
  // JupyterLab's debugger asks for kernel sources after every execute_reply; without the extension's guard
  // (extension/src/plugin.ts) each cell of our debugger-less kernel leaves "No active debugger session" here.
  const panel = await openNotebook(page, "en/01-pooling-basics.ipynb");
  await rerunAll(page, panel);
  // every cell has run: none waits ("[*]") or is unrun ("[ ]"), and the kernel is idle again
  const prompts = panel.locator(".jp-CodeCell .jp-InputPrompt");
  await expect(prompts.first()).toHaveText(/\[\d+\]/, { timeout: 60_000 });
  await expect(prompts.filter({ hasText: /\[[ *]?\]/ })).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator(".jp-StatusBar-Widget").filter({ hasText: "TypeScript (poolscope)" })).toHaveText(/Idle/);
  expect(pageErrors).toEqual([]);
});

test("a malformed payload shows a readable message, not a blank output", async ({ page }) => {
  const panel = await openNotebook(page, "fixtures/malformed.ipynb");
  const errors = panel.locator(".jp-PoolscopeTensor-error");
  await expect(errors).toHaveCount(3, { timeout: 30_000 });
  await expect(errors.nth(0)).toContainText("unsupported payload version 99");
  await expect(errors.nth(1)).toContainText("has 1000000000 elements");
  await expect(errors.nth(2)).toContainText("needs 4");
  // text from the payload is shown as text, never parsed as HTML
  await expect(panel.locator(".jp-PoolscopeTensor b")).toHaveCount(0);
});
