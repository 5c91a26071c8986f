/**
 * Tensors past the 2^20-value budget, from a fixture the library produced (fixtures/execute.py): the payload
 * is a reduced view, the renderer says so in a visible notice, the stats stay exact over every value, and a
 * hovered cell reads out the block of the real tensor it averages. Screenshot in test/artifacts/.
 */
import { expect, test } from "@playwright/test";
import { openNotebook } from "./lab.js";
import { rand } from "../../dist/index.js";
import { colourRange, computeStats, formatNumber, reduceView, scaleFor } from "../../dist/wire/index.js";

test("a tensor over the budget is drawn reduced, with a visible notice and exact stats", async ({ page }) => {
  const panel = await openNotebook(page, "fixtures/large.ipynb");
  const views = panel.locator(".jp-PoolscopeTensor");
  await expect(views).toHaveCount(2, { timeout: 60_000 });
  const big = views.nth(0);
  // the real shape, and max=7: the single value the fixture set, which any 3×3 block mean would dilute
  await expect(big.locator(".jp-PoolscopeTensor-stats")).toHaveText(/^Tensor shape=\[1, 1, 1100, 1000\] .*max=7 /);
  await expect(big.locator(".jp-PoolscopeTensor-notice")).toHaveText(
    "reduced view: this tensor has shape [1, 1, 1100, 1000], too large to embed whole; shown as [1, 1, 367, 334], " +
      "each cell the mean of a 3×3 block. Colours span the block means shown; the stats cover every value.",
  );
  // the colour scale spans the block means drawn, not the tensor's extremes (which would draw it nearly flat):
  // the fixture's tensor, rebuilt and reduced by the built library
  const data = rand([1, 1, 1100, 1000], { seed: 5 }).data;
  data[data.length - 1] = 7;
  const view = reduceView([1, 1, 1100, 1000], data);
  const scale = scaleFor(colourRange(view.data, computeStats(data), view.info));
  expect(scale.hi).toBeLessThan(7);
  await expect(big.locator(".jp-PoolscopeTensor-key")).toContainText("sequential scale, over the block means shown");
  await expect(big.locator(".jp-PoolscopeTensor-tick")).toHaveText(
    [0, 0.5, 1].map((t) => formatNumber(scale.lo + (scale.hi - scale.lo) * t)),
  );
  const canvas = big.locator("canvas.jp-PoolscopeTensor-canvas");
  expect(await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([334, 367]);
  const box = (await canvas.boundingBox())!;
  const cell = box.width / 334;
  await expect(async () => {
    await canvas.scrollIntoViewIfNeeded();
    const b = (await canvas.boundingBox())!;
    await page.mouse.move(b.x + cell * 333.5, b.y + cell * 366.5);
    await expect(big.locator(".jp-PoolscopeTensor-readout")).toHaveText(/^\[0, 0, 1098…1099, 999\] block mean = \d/, {
      timeout: 500,
    });
  }).toPass({ timeout: 15_000 });
  await page.screenshot({ path: "test/artifacts/large-tensor.png", fullPage: true });

  // a traced result whose input is over the budget: the input is reduced, the linked view says why it is off
  const traced = views.nth(1);
  await expect(traced.locator(".jp-PoolscopeTensor-stats")).toContainText("input  shape=[1, 1, 1100, 1000]");
  await expect(traced.locator(".jp-PoolscopeTensor-stats")).toContainText("output shape=[1, 1, 275, 250]");
  const notices = traced.locator(".jp-PoolscopeTensor-notice");
  await expect(notices.nth(0)).toContainText("reduced view: the input has shape [1, 1, 1100, 1000]");
  await expect(notices.nth(1)).toHaveText(
    "the linked view needs every cell of the input and output; showing the output",
  );
});
