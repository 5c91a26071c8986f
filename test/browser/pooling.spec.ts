/**
 * The renderer's pooling views, from a fixture notebook's saved outputs (no re-run: everything needed travels
 * in the output, and the notebook is untrusted): linked window on hover with padding, argmax and formula, the
 * reverse link, pin and arrow keys, coverage, sweep, SPP bins and vector, strips, glyphs, the size budget, the
 * dark theme and PNG export. Screenshots land in test/artifacts/.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { openNotebook } from "./lab.js";
// the expected numbers come from the built library, not from the saved output under test
import {
  arange,
  avgPool3d,
  maxPool2d,
  maxPool3d,
  maxUnpool2d,
  rand,
  reshape,
  roiAlign,
  roiPool,
  spatialPyramidPool,
  stripPool,
  tensor,
} from "../../dist/index.js";
import { formatNumber } from "../../dist/wire/index.js";

const FIXTURE = "fixtures/pooling.ipynb";

async function views(page: Page): Promise<Locator> {
  const panel = await openNotebook(page, FIXTURE);
  const v = panel.locator(".jp-PoolscopeTensor");
  await expect(v).toHaveCount(16, { timeout: 60_000 });
  return v;
}

/** Hovers cell (i, j) of a plane's stage, given the stage's cell size and margin in cells. */
async function hoverCell(stage: Locator, i: number, j: number, cell: number, margin = 0): Promise<void> {
  await stage.scrollIntoViewIfNeeded();
  const b = (await stage.boundingBox())!;
  await stage.page().mouse.move(b.x + (j + margin + 0.5) * cell, b.y + (i + margin + 0.5) * cell);
}

/**
 * Opaque pixels of a canvas inside a rectangle (device pixels). A plane's marks layer is created with its first
 * mark, so a missing layer has no ink.
 */
async function inkIn(canvas: Locator, x: number, y: number, w: number, h: number): Promise<number> {
  if ((await canvas.count()) === 0) return 0;
  return canvas.evaluate(
    (c: HTMLCanvasElement, r) => {
      const d = c.getContext("2d")!.getImageData(r.x, r.y, r.w, r.h).data;
      let n = 0;
      for (let k = 3; k < d.length; k += 4) if (d[k] > 0) n++;
      return n;
    },
    { x, y, w, h },
  );
}

/** Sum of a canvas's RGBA bytes inside a rectangle (device pixels): equal sums mean nothing was drawn there. */
async function pixelSum(canvas: Locator, x: number, y: number, w: number, h: number): Promise<number> {
  return canvas.evaluate(
    (c: HTMLCanvasElement, r) =>
      c
        .getContext("2d")!
        .getImageData(r.x, r.y, r.w, r.h)
        .data.reduce((a, b) => a + b, 0),
    { x, y, w, h },
  );
}

test("saved max-pool output links each output cell to its window, padding, argmax and formula", async ({ page }) => {
  const v = (await views(page)).nth(0);
  const trusted = await page.evaluate(() => {
    type Shell = { currentWidget: { context: { model: { cells: { get(i: number): { trusted: boolean } } } } } };
    return (window.jupyterapp as unknown as { shell: Shell }).shell.currentWidget.context.model.cells.get(1).trusted;
  });
  expect(trusted).toBe(false);

  await expect(v.locator(".jp-PoolscopeTensor-stats")).toContainText("input  shape=[1, 1, 4, 4]");
  const input = v.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const output = v.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  // 4×4 input; windows reach one padding cell above and left of it, none below or right: a 5×5 stage
  const box = (await input.boundingBox())!;
  const cell = box.width / 5;
  expect(Math.abs(box.height - box.width)).toBeLessThan(1);

  await hoverCell(output, 0, 0, cell);
  await expect(v.locator(".jp-PoolscopeTensor-readout")).toHaveText("output [0, 0, 0, 0] = 6");
  await expect(v.locator(".jp-PoolscopeTensor-formula")).toHaveText(
    "max(−∞, −∞, −∞, −∞, 1, 3, −∞, 5, 6) = 6   argmax at (1, 1)",
  );
  // the padding row above the input is drawn (virtual cells) only while the window covers it
  const marks = v.locator(".jp-mod-input canvas.jp-PoolscopeTensor-marks");
  const dpr = await page.evaluate(() => Math.min(2, window.devicePixelRatio || 1));
  const padRow = () => inkIn(marks, 0, 0, Math.round(box.width * dpr), Math.round(cell * dpr * 0.9));
  expect(await padRow()).toBeGreaterThan(50);
  await page.screenshot({ path: "test/artifacts/pooling-window.png", fullPage: true });

  // reverse link: input (1, 1) is read by all four windows, (2, 2) by one
  await hoverCell(input, 1, 1, cell, 1);
  await expect(v.locator(".jp-PoolscopeTensor-readout")).toHaveText("input [0, 0, 1, 1] = 6");
  await expect(v.locator(".jp-PoolscopeTensor-formula")).toHaveText(
    "read by 4 outputs: (0, 0), (0, 1), (1, 0), (1, 1)",
  );
  await hoverCell(input, 2, 2, cell, 1);
  await expect(v.locator(".jp-PoolscopeTensor-formula")).toHaveText("read by 1 output: (1, 1)");
  expect(await padRow()).toBe(0);

  // click pins an output cell; arrow keys move it
  await output.click({ position: { x: cell * 0.5, y: cell * 0.5 } });
  await page.mouse.move(0, 0);
  await page.keyboard.press("ArrowDown");
  await expect(v.locator(".jp-PoolscopeTensor-readout")).toHaveText(/^output \[0, 0, 1, 0\] = 6 +\(pinned/);
  await page.keyboard.press("ArrowRight");
  await expect(v.locator(".jp-PoolscopeTensor-readout")).toHaveText(/^output \[0, 0, 1, 1\] = 9 +\(pinned/);
  await expect(v.locator(".jp-PoolscopeTensor-formula")).toHaveText(
    "max(6, 1, 2, 2, 9, 4, 1, 4, 8) = 9   argmax at (2, 2)",
  );

  // coverage: k=3 > s=2, so windows overlap
  await v.locator(".jp-PoolscopeTensor-coverage").click();
  await expect(v.locator(".jp-PoolscopeTensor-coverageLine")).toHaveText(
    "coverage: every input cell reaches an output; windows overlap: up to 4 read one cell",
  );
  // the sweep steps through output positions in raster order
  await v.locator(".jp-PoolscopeTensor-step").click();
  await expect(v.locator(".jp-PoolscopeTensor-readout")).toHaveText(/^output \[0, 0, 0, 0\] = 6/);
  await v.locator(".jp-PoolscopeTensor-step").click();
  await expect(v.locator(".jp-PoolscopeTensor-readout")).toHaveText(/^output \[0, 0, 0, 1\] = 6/);
});

test("average and strip pooling write their formulas with the real numbers", async ({ page }) => {
  const all = await views(page);
  const avg = all.nth(1);
  const out = avg.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  const cell = (await out.boundingBox())!.width / 2;
  await hoverCell(out, 0, 0, cell);
  await expect(avg.locator(".jp-PoolscopeTensor-formula")).toHaveText("(1 + 3 + 5 + 6) / 4 = 3.75");

  const strip = all.nth(4);
  const s = strip.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  const sb = (await s.boundingBox())!;
  await s.hover({ position: { x: sb.width / 2, y: (sb.height / 4) * 2.5 } });
  await expect(strip.locator(".jp-PoolscopeTensor-formula")).toHaveText("(0 + 2 + 9 + 4) / 4 = 3.75");
});

test("SPP draws each level's bins and maps features to bins; two sizes give one length", async ({ page }) => {
  const all = await views(page);
  for (const k of [2, 3]) {
    await expect(all.nth(k).locator(".jp-PoolscopeTensor-stats")).toContainText("output shape=[1, 42]");
    await expect(all.nth(k).locator(".jp-PoolscopeTensor-formula")).toHaveText(
      "C·Σn² = 2·(1 + 4 + 16) = 42 features per sample, whatever H×W",
    );
  }
  const spp = all.nth(2);
  const vec = spp.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  const vb = (await vec.boundingBox())!;
  const cell = vb.width / 42;
  // feature 12 = level 3 (4×4), channel 0, bin (0, 2)
  await vec.hover({ position: { x: cell * 12.5, y: vb.height / 2 } });
  await expect(spp.locator(".jp-PoolscopeTensor-formula")).toHaveText(
    /^feature 12 = level 3 \(4×4\), channel 0, bin \(0, 2\): 10 \+ 0·16 \+ 0·4 \+ 2; rows 0…1, cols 3…5$/,
  );
  await spp.locator(".jp-PoolscopeTensor-level").nth(1).click();
  const map = spp.locator(".jp-PoolscopeTensor-stage").first();
  const mb = (await map.boundingBox())!;
  // 5×7 map, level 2×2: rows [0,3) [2,5) overlap on row 2, cols [0,4) [3,7) on col 3
  await map.hover({ position: { x: (mb.width / 7) * 3.5, y: (mb.height / 5) * 2.5 } });
  await expect(spp.locator(".jp-PoolscopeTensor-formula")).toHaveText("in 4 bins of level 2: features 2, 3, 4, 5");
  await page.screenshot({ path: "test/artifacts/spp.png", fullPage: true });
});

test("glyphs for NaN and ±Inf, the size budget notice, dark theme and PNG export", async ({ page }) => {
  const all = await views(page);
  const nan = all.nth(5);
  await expect(nan.locator(".jp-PoolscopeTensor-stats")).toContainText("NaN=1 +Inf=1 −Inf=1");
  await expect(nan.locator(".jp-PoolscopeTensor-key")).toContainText("× NaN");
  await expect(all.nth(6).locator(".jp-PoolscopeTensor-notice")).toContainText("showing 64 of 100 planes");
  await expect(all.nth(6).locator(".jp-PoolscopeTensor-plane")).toHaveCount(64);

  // PNG export downloads a real PNG
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    all.nth(0).locator(".jp-PoolscopeTensor-save").click(),
  ]);
  expect(download.suggestedFilename()).toBe("poolscope-maxPool2d.png");
  await download.saveAs("test/artifacts/export-maxPool2d.png");
  const png = readFileSync("test/artifacts/export-maxPool2d.png");
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect(png.length).toBeGreaterThan(1000);

  // dark theme: the chrome follows it, the data colours do not
  const canvas = all.nth(0).locator("canvas.jp-PoolscopeTensor-canvas").first();
  const pixels = () =>
    canvas.evaluate((c: HTMLCanvasElement) =>
      Array.from(c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data).join(","),
    );
  const before = await pixels();
  await page.evaluate(() => window.jupyterapp.commands.execute("apputils:change-theme", { theme: "JupyterLab Dark" }));
  await expect(page.locator("body")).toHaveAttribute("data-jp-theme-light", "false", { timeout: 30_000 });
  const color = await all.nth(0).evaluate((n) => getComputedStyle(n).color);
  const [r, g, b] = color.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeGreaterThan(384); // light text on the dark background
  expect(await pixels()).toBe(before);
  await page.screenshot({ path: "test/artifacts/pooling-dark.png", fullPage: true });
  await page.evaluate(() => window.jupyterapp.commands.execute("apputils:change-theme", { theme: "JupyterLab Light" }));
});

test("strip pooling's fused map is linked to its row and column strips", async ({ page }) => {
  const v = (await views(page)).nth(7);
  await expect(v.locator(".jp-PoolscopeTensor-fusion")).toHaveCount(2);
  const first = v.locator(".jp-PoolscopeTensor-fusion").first();
  const fused = first.locator(".jp-mod-fused .jp-PoolscopeTensor-stage");
  const fb = (await fused.boundingBox())!;
  const cell = fb.width / 6; // 5×6 planes
  expect(Math.abs(fb.height - 5 * cell)).toBeLessThan(1);
  // the last output of a windowed notebook can still move while cells above it render: hover until it holds
  await expect(async () => {
    await hoverCell(fused, 2, 3, cell);
    await expect(v.locator(".jp-PoolscopeTensor-readout")).toHaveText(/^fused \[0, 0, 2, 3\] = 0\.\d+$/, {
      timeout: 500,
    });
  }).toPass({ timeout: 15_000 });
  const x = rand([1, 2, 5, 6], { seed: 4 });
  const rowMean = stripPool(x, "horizontal").data[2];
  const colMean = stripPool(x, "vertical").data[3];
  await expect(v.locator(".jp-PoolscopeTensor-formula")).toContainText(
    `row mean 2 = ${formatNumber(rowMean)}, column mean 3 = ${formatNumber(colMean)}`,
  );
  await expect(v.locator(".jp-PoolscopeTensor-formula")).toContainText("conv(rows 1…3)[2] + conv(cols 2…4)[3]");

  // the strips light cell 2 of the rows and 3 of the columns (and their convolution neighbours), not the ends
  const dpr = await page.evaluate(() => Math.min(2, window.devicePixelRatio || 1));
  const c = Math.round(cell * dpr);
  const rows = first.locator(".jp-mod-rows canvas.jp-PoolscopeTensor-marks");
  const cols = first.locator(".jp-mod-cols canvas.jp-PoolscopeTensor-marks");
  expect(await inkIn(rows, 0, 2 * c, c, c)).toBeGreaterThan(10);
  expect(await inkIn(rows, 0, 0, c, c)).toBe(0);
  expect(await inkIn(rows, 0, 4 * c, c, c)).toBe(0);
  expect(await inkIn(cols, 3 * c, 0, c, c)).toBeGreaterThan(10);
  expect(await inkIn(cols, 0, 0, c, c)).toBe(0);
  // and the other plane's strips stay dark
  const second = v.locator(".jp-PoolscopeTensor-fusion").nth(1);
  expect(await inkIn(second.locator(".jp-mod-rows canvas.jp-PoolscopeTensor-marks"), 0, 0, c, 5 * c)).toBe(0);
  await page.screenshot({ path: "test/artifacts/strip-fusion.png", fullPage: true });

  // a row-strip cell writes its mean with the input's numbers and lights the fused row
  const rowStage = first.locator(".jp-mod-rows .jp-PoolscopeTensor-stage");
  const row1 = Array.from(x.data.subarray(6, 12), (t) => formatNumber(t)).join(" + ");
  await expect(async () => {
    await hoverCell(rowStage, 1, 0, cell);
    await expect(v.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      `row 1 = (${row1}) / 6 = ${formatNumber(stripPool(x, "horizontal").data[1])}`,
      { timeout: 500 },
    );
  }).toPass({ timeout: 15_000 });
  const fusedMarks = first.locator(".jp-mod-fused canvas.jp-PoolscopeTensor-marks");
  expect(await inkIn(fusedMarks, 0, c, 6 * c, c)).toBeGreaterThan(50);
  expect(await inkIn(fusedMarks, 0, 3 * c, 6 * c, c)).toBe(0);
});

test("compareSpp: two inputs of different sizes side by side, one vector length, linked feature by feature", async ({
  page,
}) => {
  const v = (await views(page)).nth(8);
  await expect(v.locator(".jp-PoolscopeTensor-compare")).toHaveCount(1);
  await expect(v.locator(".jp-PoolscopeTensor-formula")).toContainText(
    "both vectors hold 42 features: 5×7 and 8×6 inputs give the same length",
  );
  const vectors = v.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(vectors).toHaveCount(2);
  const [w1, w2] = [(await vectors.nth(0).boundingBox())!.width, (await vectors.nth(1).boundingBox())!.width];
  expect(w1).toBe(w2); // same length, same zoom
  const cell = w1 / 42;
  // the expected bins come from the library's own traces
  const level3 = (h: number, w: number, seed: number) => {
    const [rows, cols] = spatialPyramidPool(rand([1, 2, h, w], { seed }), { levels: [1, 2, 4], trace: true }).trace
      .levels[2].axes;
    if (rows.kind !== "bins" || cols.kind !== "bins") throw new Error("adaptive SPP has bins axes");
    return `rows ${rows.bins[0][0]}…${rows.bins[0][1] - 1}, cols ${cols.bins[2][0]}…${cols.bins[2][1] - 1}`;
  };
  await expect(async () => {
    await hoverCell(vectors.nth(0), 0, 12, cell);
    await expect(v.locator(".jp-PoolscopeTensor-readout")).toHaveText(/^output 1 \[0, 12\] = /, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(v.locator(".jp-PoolscopeTensor-formula")).toHaveText(
    `feature 12 = level 3 (4×4), channel 0, bin (0, 2) on both sides; 1: ${level3(5, 7, 1)}; 2: ${level3(8, 6, 2)}`,
  );
  // feature 12 lights on the other vector too, and nowhere else on it
  const dpr = await page.evaluate(() => Math.min(2, window.devicePixelRatio || 1));
  const marks2 = v.locator(".jp-mod-output canvas.jp-PoolscopeTensor-marks").nth(1);
  const c = cell * dpr;
  const vh = Math.round((await vectors.nth(1).boundingBox())!.height * dpr);
  expect(await inkIn(marks2, Math.round(12 * c), 0, Math.round(c), vh)).toBeGreaterThan(5);
  expect(await inkIn(marks2, 0, 0, Math.round(11 * c), vh)).toBe(0);
  expect(await inkIn(marks2, Math.round(14 * c), 0, Math.round(27 * c), vh)).toBe(0);
  await page.screenshot({ path: "test/artifacts/spp-compare.png", fullPage: true });

  // a cell of the second map: its bins' features, lit on the first vector too
  await v.locator(".jp-PoolscopeTensor-level").nth(1).click();
  const map2 = v.locator(".jp-mod-input .jp-PoolscopeTensor-stage").nth(2); // side 2, channel 0
  const mb = (await map2.boundingBox())!;
  await expect(async () => {
    await hoverCell(map2, 0, 0, mb.width / 6);
    await expect(v.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      "in 1 bin of level 2: features 2 (the same features on the other side)",
      { timeout: 500 },
    );
  }).toPass({ timeout: 15_000 });
  const marks1 = v.locator(".jp-mod-output canvas.jp-PoolscopeTensor-marks").nth(0);
  expect(await inkIn(marks1, Math.round(2 * c), 0, Math.round(c), vh)).toBeGreaterThan(5);
});

test("1-d and channels-last traces get the linked view too", async ({ page }) => {
  const all = await views(page);
  // 1-d: [1, 5, 2, 8, 3, 0, 4], k3 s2: output 1's window is positions 2…4
  const one = all.nth(9);
  const out1 = one.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(out1).toHaveCount(1);
  const cell1 = (await out1.boundingBox())!.width / 3;
  await expect(async () => {
    await hoverCell(out1, 0, 1, cell1);
    await expect(one.locator(".jp-PoolscopeTensor-formula")).toHaveText("max(2, 8, 3) = 8   argmax at (0, 3)", {
      timeout: 500,
    });
  }).toPass({ timeout: 15_000 });
  await expect(one.locator(".jp-PoolscopeTensor-readout")).toHaveText("output [0, 0, 1] = 8");

  // NHWC: drawn one plane per channel; channel 1 holds 10, 20, 30, 40; read-outs use the tensor's own (n, h, w, c)
  const last = all.nth(10);
  const outs = last.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(outs).toHaveCount(2);
  const cell2 = (await outs.nth(1).boundingBox())!.width;
  await expect(async () => {
    await hoverCell(outs.nth(1), 0, 0, cell2);
    await expect(last.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      "max(10, 20, 30, 40) = 40   argmax at (1, 1)",
      {
        timeout: 500,
      },
    );
  }).toPass({ timeout: 15_000 });
  await expect(last.locator(".jp-PoolscopeTensor-readout")).toHaveText("output [0, 0, 0, 1] = 40");
  const ins = last.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const cellIn = (await ins.nth(0).boundingBox())!.width / 2;
  await expect(async () => {
    await hoverCell(ins.nth(0), 1, 0, cellIn);
    await expect(last.locator(".jp-PoolscopeTensor-readout")).toHaveText("input [0, 1, 0, 0] = 3", { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await page.screenshot({ path: "test/artifacts/pooling-1d-nhwc.png", fullPage: true });
});

test("RoI: each region's box and bins on the map, an output bin linked to its cells, an input cell to its bins", async ({
  page,
}) => {
  const roi = (await views(page)).nth(11);
  // the fixture's cell, recomputed by the built library: the expected numbers are not read from the saved output
  const map = Array.from({ length: 96 }, (_, k) => (k === 48 + 36 ? 999 : 100 * Math.floor(k / 48) + (k % 48)));
  const r = roiPool(
    tensor(map, [1, 2, 6, 8]),
    tensor([
      [0, 0, 0, 14, 10],
      [0, 8, 4, 14, 10],
      [0, 40, 40, 60, 60],
    ]),
    { outputSize: 2, spatialScale: 0.5, trace: true },
  );
  const ins = roi.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const outs = roi.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(ins).toHaveCount(2); // (n, c) maps
  await expect(outs).toHaveCount(6); // (region, c) bin grids
  await expect(roi.locator(".jp-mod-output .jp-PoolscopeTensor-caption").nth(3)).toHaveText("region 1 (n=0) c=1");
  const inCell = (await ins.nth(1).boundingBox())!.width / 8;
  const outCell = (await outs.nth(3).boundingBox())!.width / 2;

  // the boxes and bins are drawn before any hover: region 1's box edge (row 2, col 4) has ink on channel 1's map
  const marks = roi.locator(".jp-mod-input").nth(1).locator("canvas.jp-PoolscopeTensor-marks");
  const dpr = await page.evaluate(() => Math.min(2, window.devicePixelRatio || 1));
  const px = (cells: number): number => Math.round(cells * inCell * dpr);
  expect(await inkIn(marks, px(4), px(2), 4, px(4))).toBeGreaterThan(0);

  const before = await pixelSum(marks, px(4), px(4), px(2), px(2));
  // region 1, channel 1, bin (1, 0) pooled rows 4…5 × cols 4…5 of channel 1: the spike wins
  const v = r.output.data[(3 * 2 + 1) * 2 + 0];
  const cells = [
    [4, 4],
    [4, 5],
    [5, 4],
    [5, 5],
  ].map(([i, j]) => formatNumber(map[48 + i * 8 + j]));
  await expect(async () => {
    await hoverCell(outs.nth(3), 1, 0, outCell);
    await expect(roi.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      `max(${cells.join(", ")}) = ${formatNumber(v)}   argmax at (4, 4)   region 1, bin (1, 0): rows 4…5, cols 4…5`,
      { timeout: 500 },
    );
  }).toPass({ timeout: 15_000 });
  await expect(roi.locator(".jp-PoolscopeTensor-readout")).toHaveText(`output [1, 1, 1, 0] = ${v}`);
  // the bin's cells light up on channel 1's map (over the bin shading drawn before), channel 0's map is unchanged
  expect(await pixelSum(marks, px(4), px(4), px(2), px(2))).not.toBe(before);
  const other = roi.locator(".jp-mod-input").nth(0).locator("canvas.jp-PoolscopeTensor-marks");
  expect(await pixelSum(other, px(4), px(4), px(2), px(2))).toBe(before);
  await page.screenshot({ path: "test/artifacts/pooling-roi.png", fullPage: true });

  // region 2 lies off the map: its bins are empty and say so, with the op's 0
  await hoverCell(outs.nth(4), 0, 0, outCell);
  await expect(roi.locator(".jp-PoolscopeTensor-formula")).toHaveText(
    `empty bin (it lies off the feature map): nothing to pool, output = ${formatNumber(r.output.data[16])}   region 2, bin (0, 0)`,
  );

  // reverse link: map cell (4, 4) of channel 1 is in region 0's bin (1, 1) and region 1's bin (1, 0)
  await hoverCell(ins.nth(1), 4, 4, inCell);
  await expect(roi.locator(".jp-PoolscopeTensor-readout")).toHaveText("input [0, 1, 4, 4] = 999");
  await expect(roi.locator(".jp-PoolscopeTensor-formula")).toHaveText("in 2 bins: region 0 (1, 1), region 1 (1, 0)");
  const outMarks = (k: number): Locator =>
    roi.locator(".jp-mod-output").nth(k).locator("canvas.jp-PoolscopeTensor-marks");
  const oc = Math.round(outCell * dpr);
  expect(await inkIn(outMarks(1), oc, oc, oc, oc)).toBeGreaterThan(0); // region 0, c=1, bin (1, 1)
  expect(await inkIn(outMarks(3), 0, oc, oc, oc)).toBeGreaterThan(0); // region 1, c=1, bin (1, 0)
  expect(await inkIn(outMarks(2), 0, 0, 2 * oc, 2 * oc)).toBe(0); // region 1, c=0: not lit
});

test("RoIAlign: a bin's sample points drawn as dots on hover, the mean said in words, samples off the map counted", async ({
  page,
}) => {
  const view = (await views(page)).nth(14);
  // the fixture's cell, recomputed by the built library
  const r = roiAlign(
    tensor(
      Array.from({ length: 48 }, (_, k) => k),
      [1, 1, 6, 8],
    ),
    tensor([
      [0, 1, 1, 5, 3],
      [0, 6, 4, 10, 8],
    ]),
    { outputSize: [1, 2], samplingRatio: 2, trace: true },
  );
  const ins = view.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const outs = view.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(ins).toHaveCount(1);
  await expect(outs).toHaveCount(2);
  const inCell = (await ins.nth(0).boundingBox())!.width / 8;
  const outCell = (await outs.nth(0).boundingBox())!.width / 2;
  const marks = view.locator(".jp-mod-input").nth(0).locator("canvas.jp-PoolscopeTensor-marks");
  const dpr = await page.evaluate(() => Math.min(2, window.devicePixelRatio || 1));
  const px = (cells: number): number => Math.round(cells * inCell * dpr);
  // the sample at (y 1.5, x 3.5) has its dot at cell-unit point (2, 4): a small square around it
  const dot = () => pixelSum(marks, px(4) - 2, px(2) - 2, 4, 4);
  const before = await dot();

  // region 0's bin (0, 1): rows sample at 1.5, 2.5 and columns at 3.5, 4.5, so its mean on this linear map is 20
  expect(r.output.data[1]).toBe(20);
  await expect(async () => {
    await hoverCell(outs.nth(0), 0, 1, outCell);
    await expect(view.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      "mean of 4 bilinear samples (dots) = 20   region 0, bin (0, 1): rows 1…3, cols 3…5",
      { timeout: 500 },
    );
  }).toPass({ timeout: 15_000 });
  expect(await dot()).not.toBe(before);
  await page.screenshot({ path: "test/artifacts/pooling-roi-align.png", fullPage: true });

  // region 1's bin (0, 1) samples only beyond the map's margin: nothing read, the output is the op's 0
  await hoverCell(outs.nth(1), 0, 1, outCell);
  await expect(view.locator(".jp-PoolscopeTensor-formula")).toHaveText(
    `mean of 4 bilinear samples (dots) (4 off the map read 0) = ${formatNumber(r.output.data[3])}   region 1, bin (0, 1)`,
  );
});

test("max unpooling: a pooled value's window and where it went, a map cell's writer, the flat index re-read in 5×5", async ({
  page,
}) => {
  const view = (await views(page)).nth(15);
  // the fixture's cell, recomputed by the built library
  const p = maxPool2d(reshape(arange(1, 17), [1, 1, 4, 4]), { kernelSize: 2, returnIndices: true });
  const r = maxUnpool2d(p.output, p.indices, { kernelSize: 2, outputSize: [5, 5] });
  expect(r.data[13]).toBe(14); // flat 13 in a 5-wide map: (2, 3)
  const ins = view.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const outs = view.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(ins).toHaveCount(1);
  await expect(outs).toHaveCount(1);
  const inCell = (await ins.nth(0).boundingBox())!.width / 2;
  const outCell = (await outs.nth(0).boundingBox())!.width / 5;
  const marks = view.locator(".jp-mod-output canvas.jp-PoolscopeTensor-marks");
  const dpr = await page.evaluate(() => Math.min(2, window.devicePixelRatio || 1));
  const px = (cells: number): number => Math.round(cells * outCell * dpr);

  await expect(async () => {
    await hoverCell(ins.nth(0), 1, 0, inCell);
    await expect(view.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      "14 goes to (2, 3): the index its max pooling recorded, re-read in the output's width, lies outside this window",
      { timeout: 500 },
    );
  }).toPass({ timeout: 15_000 });
  await expect(view.locator(".jp-PoolscopeTensor-readout")).toHaveText("input [0, 0, 1, 0] = 14");
  // its window (rows 2…3, cols 0…1) and the target (2, 3) are lit on the map; cell (0, 4) is not
  expect(await inkIn(marks, px(0), px(2), px(2), px(2))).toBeGreaterThan(0);
  expect(await inkIn(marks, px(3), px(2), px(1), px(1))).toBeGreaterThan(0);
  expect(await inkIn(marks, px(4), px(0), px(1), px(1))).toBe(0);
  await page.screenshot({ path: "test/artifacts/pooling-unpool.png", fullPage: true });

  await hoverCell(outs.nth(0), 2, 3, outCell);
  await expect(view.locator(".jp-PoolscopeTensor-formula")).toHaveText("written by input (1, 0)");
  await hoverCell(outs.nth(0), 0, 0, outCell);
  await expect(view.locator(".jp-PoolscopeTensor-formula")).toHaveText("no input value was written here: 0");
});

test("3-d: depth slices in a row, an output's window lit on every slice it spans, an input cell's outputs", async ({
  page,
}) => {
  const all = await views(page);
  const vol = all.nth(12);
  // the fixture's cell, recomputed by the built library
  const data = Array.from({ length: 96 }, (_, k) => (k === 22 ? 500 : 100 * Math.floor(k / 48) + (k % 48)));
  const r = maxPool3d(tensor(data, [1, 2, 3, 4, 4]), { kernelSize: 2, stride: 2, padding: 1, trace: true });
  const ins = vol.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const outs = vol.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(ins).toHaveCount(2 * 3); // (n, c) volumes × D input slices
  await expect(outs).toHaveCount(2 * 2); // × oD output slices
  await expect(vol.locator(".jp-mod-input .jp-PoolscopeTensor-caption").nth(2)).toHaveText("input d=2");
  // windows start at −1, 1, 3 (k2 s2 p1 over 4): one padding cell on every side, 6×6 input stages; outputs are
  // 3×3 at the same zoom
  const cell = (await outs.nth(0).boundingBox())!.width / 3;
  expect(Math.abs((await ins.nth(0).boundingBox())!.width - 6 * cell)).toBeLessThan(1);

  // channel 0, output slice 1, cell (1, 1): slices 1…2, rows 1…2, cols 1…2; the spike at (1, 1, 2) wins
  const window = [1, 2].flatMap((d) =>
    [1, 2].flatMap((i) => [1, 2].map((j) => formatNumber(data[(d * 4 + i) * 4 + j]))),
  );
  const marksOf = (k: number): Locator =>
    vol.locator(".jp-mod-input").nth(k).locator("canvas.jp-PoolscopeTensor-marks");
  await expect(async () => {
    await hoverCell(outs.nth(1), 1, 1, cell);
    await expect(vol.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      `max(${window.join(", ")}) = ${formatNumber(r.output.data[13])}   argmax at (1, 1, 2)   slices 1…2`,
      { timeout: 500 },
    );
  }).toPass({ timeout: 15_000 });
  await expect(vol.locator(".jp-PoolscopeTensor-readout")).toHaveText("output [0, 0, 1, 1, 1] = 500");
  // the window is drawn on slices 1 and 2 (cells 1…2, after the one-cell margin), not on slice 0
  const dpr = await page.evaluate(() => Math.min(2, window.devicePixelRatio || 1));
  const px = (cells: number): number => Math.round(cells * cell * dpr);
  expect(await inkIn(marksOf(1), px(2), px(2), px(2), px(2))).toBeGreaterThan(0);
  expect(await inkIn(marksOf(2), px(2), px(2), px(2), px(2))).toBeGreaterThan(0);
  expect(await inkIn(marksOf(0), 0, 0, px(6), px(6))).toBe(0);
  await page.screenshot({ path: "test/artifacts/pooling-3d.png", fullPage: true });

  // the corner output's window starts in the depth padding: its −∞ taps are in the formula
  await hoverCell(outs.nth(0), 0, 0, cell);
  await expect(vol.locator(".jp-PoolscopeTensor-formula")).toHaveText(
    `max(${Array(7).fill("−∞").join(", ")}, ${formatNumber(data[0])}) = ${formatNumber(r.output.data[0])}   argmax at (0, 0, 0)   slices 0…0, 1 in the depth padding`,
  );

  // reverse link: channel 1's input (2, 2, 2) is read by output (1, 1, 1) of channel 1 only
  await hoverCell(ins.nth(5), 2, 2, cell, 1);
  await expect(vol.locator(".jp-PoolscopeTensor-readout")).toHaveText(`input [0, 1, 2, 2, 2] = ${data[48 + 42]}`);
  await expect(vol.locator(".jp-PoolscopeTensor-formula")).toHaveText("read by 1 output: (1, 1, 1)");
  const outMarks = (k: number): Locator =>
    vol.locator(".jp-mod-output").nth(k).locator("canvas.jp-PoolscopeTensor-marks");
  expect(await inkIn(outMarks(3), px(1), px(1), px(1), px(1))).toBeGreaterThan(0);
  expect(await inkIn(outMarks(1), 0, 0, px(3), px(3))).toBe(0);

  // more depth slices than the budget: a notice, and the formula of an average window with its divisor
  const deep = all.nth(13);
  await expect(deep.locator(".jp-PoolscopeTensor-notice")).toContainText([
    "input: showing depth slices 0…7 of 12 (size budget)",
    "output: showing depth slices 0…7 of 10 (size budget)",
  ]);
  await expect(deep.locator(".jp-mod-input .jp-PoolscopeTensor-stage")).toHaveCount(8);
  const a = avgPool3d(rand([1, 1, 12, 3, 3], { seed: 5 }), { kernelSize: [3, 2, 2], stride: 1, trace: true });
  const x = a.input.data;
  const taps = [0, 1, 2].flatMap((d) => [0, 1].flatMap((i) => [0, 1].map((j) => formatNumber(x[(d * 3 + i) * 3 + j]))));
  const dOuts = deep.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  const dCell = (await dOuts.nth(0).boundingBox())!.width / 2;
  await expect(async () => {
    await hoverCell(dOuts.nth(0), 0, 0, dCell);
    await expect(deep.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      `(${taps.join(" + ")}) / 12 = ${formatNumber(a.output.data[0])}   slices 0…2`,
      { timeout: 500 },
    );
  }).toPass({ timeout: 15_000 });
});
