/**
 * Tensors past the 2^20-value budget, from a fixture the library produced (fixtures/execute.py): the payload
 * is a reduced view, the renderer says so in a visible notice, the stats stay exact over every value, and a
 * hovered cell reads out the block of the real tensor it averages. Screenshot in test/artifacts/. And a tensor
 * within that budget but past the 1 MiB of exact values (display/largeTensor.ts), run in the kernel here: its
 * values come as quantised codes, which the notice and the read-out say.
 */
import { expect, openNotebook, rerunAll, test } from "./lab.js";
import { whileHovering } from "./views.js";

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
  // the colour scale spans the block means drawn, not the tensor's extremes (0…7, which would draw it nearly
  // flat): the fixture's rand(seed 5) tensor averaged in 3×3 blocks (clipped at the edges) independently of the
  // library, in float64 rounded to float32: block means from 0.06531 to 3.662 (the 2-value corner block holding
  // the 7), so the ticks read lo, (lo + hi) / 2, hi
  await expect(big.locator(".jp-PoolscopeTensor-key")).toContainText("sequential scale, over the block means shown");
  await expect(big.locator(".jp-PoolscopeTensor-tick")).toHaveText(["0.06531", "1.864", "3.662"]);
  const canvas = big.locator("canvas.jp-PoolscopeTensor-canvas");
  expect(await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([334, 367]);
  // the corner cell of the reduced view stands for rows 1098…1099 of column 999 (the blocks are clipped)
  await whileHovering(big.locator(".jp-PoolscopeTensor-stage"), 366, 333, () =>
    expect(big.locator(".jp-PoolscopeTensor-readout")).toHaveText(/^\[0, 0, 1098…1099, 999\] block mean = 3\.66/),
  );
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

test("a tensor past 1 MiB of values is embedded quantised, and the notice and read-out say so", async ({
  page,
  request,
}) => {
  // 2^20 values: drawn whole (no reduced view), but 4 MiB as float32, so the bundle carries 8-bit codes
  const cell = (source: string, k: number) => ({
    cell_type: "code",
    id: `q${k}`,
    execution_count: null,
    metadata: {},
    source,
    outputs: [],
  });
  const content = {
    cells: [cell("const q = randn([1, 64, 128, 128], { seed: 3 });\nq", 0)],
    metadata: { kernelspec: { name: "poolscope", display_name: "TypeScript (poolscope)", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  expect((await request.put("/api/contents/quantised.ipynb", { data: { type: "notebook", content } })).ok()).toBe(true);
  const panel = await openNotebook(page, "quantised.ipynb");
  await rerunAll(page, panel);
  const view = panel.locator(".jp-PoolscopeTensor");
  await expect(view).toHaveCount(1, { timeout: 60_000 });
  await expect(view.locator(".jp-PoolscopeTensor-stats")).toHaveText(/^Tensor shape=\[1, 64, 128, 128\] /);
  // the stage publishes its geometry once drawn: the whole tensor (its first plane), not a reduced view
  const stage = view.locator(".jp-PoolscopeTensor-stage").first();
  await expect(stage).toHaveAttribute("data-rows", "128");
  await expect(stage).toHaveAttribute("data-cols", "128");
  await expect(view.locator(".jp-PoolscopeTensor-notice")).toHaveText(
    /^quantised view: to keep the notebook small, this tensor's values to 8 bits \(\d+ levels, step [\d.e+-]+\) are embedded in fewer bits than float32 \(exact values are embedded when a result's values fit 1 MiB\)\./,
  );
  await expect(view.locator(".jp-PoolscopeTensor-notice")).not.toContainText("reduced view");
  // data-hover says the view has drawn the hovered cell; the read-out of a code is approximate: "≈ v (±…)"
  await whileHovering(stage, 5, 7, () =>
    expect(view.locator(".jp-PoolscopeTensor-readout")).toHaveText(
      /^\[0, 0, 5, 7\] ≈ [−-]?[\d.e+-]+ \(±[\d.e+-]+: 8-bit view\)$/,
    ),
  );
});
