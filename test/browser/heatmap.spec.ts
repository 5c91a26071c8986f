/**
 * The walking skeleton end to end: the tutorial notebook runs on the poolscope kernel inside JupyterLab, the
 * renderer draws each tensor as a heatmap on a canvas, and hovering a cell reads out its index and value.
 */
import { expect, test } from "@playwright/test";
import { openNotebook, rerunAll } from "./lab.js";

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
  const cell = (await canvas.boundingBox())!.width / 4;
  await canvas.hover({ position: { x: cell * 2.5, y: cell * 2.5 } });
  await expect(views.nth(0).locator(".jp-PoolscopeTensor-readout")).toHaveText("[0, 0, 2, 2] = 9");
  await canvas.hover({ position: { x: cell * 0.5, y: cell * 3.5 } });
  await expect(views.nth(0).locator(".jp-PoolscopeTensor-readout")).toHaveText("[0, 0, 3, 0] = 3");

  // the mean-pooled map's first cell is (1+3+5+6)/4
  await views
    .nth(2)
    .locator("canvas.jp-PoolscopeTensor-canvas")
    .hover({ position: { x: 2, y: 2 } });
  await expect(views.nth(2).locator(".jp-PoolscopeTensor-readout")).toHaveText("[0, 0, 0, 0] = 3.75");

  await page.screenshot({ path: "test/artifacts/basics-notebook.png", fullPage: true });
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
