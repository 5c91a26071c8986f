/**
 * The renderer's pooling views, from a fixture notebook's saved outputs (no re-run: everything needed travels
 * in the output, and the notebook is untrusted): linked window on hover with padding, argmax and formula, the
 * reverse link, pin and arrow keys, coverage, sweep, SPP bins and vector, strips, glyphs, the size budget, the
 * dark theme and PNG export. Screenshots land in test/artifacts/.
 */
import { readFileSync } from "node:fs";
import { decode } from "fast-png";
import { expect, openNotebook, test } from "./lab.js";
import type { Locator, Page } from "@playwright/test";
import { expectDark, hoverCell, inkIn, marksAround, pixelSum, whileHovering } from "./views.js";
// Expected numbers are literals worked out by hand from each fixture cell's source (PyTorch's semantics), or,
// for the rand() inputs, from the generated values averaged outside the library; never from the build under test.

const FIXTURE = "fixtures/pooling.ipynb";

async function views(page: Page): Promise<Locator> {
  const panel = await openNotebook(page, FIXTURE);
  const v = panel.locator(".jp-PoolscopeTensor");
  await expect(v).toHaveCount(16, { timeout: 60_000 });
  return v;
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
  const readout = v.locator(".jp-PoolscopeTensor-readout");
  const formula = v.locator(".jp-PoolscopeTensor-formula");
  // 4×4 input; k3 s2 p1 windows reach one padding cell above and left of it, none below or right: a 5×5 stage
  await expect(input).toHaveAttribute("data-margin-top", "1");
  await expect(input).toHaveAttribute("data-margin-left", "1");
  const zoom = Number(await input.getAttribute("data-zoom"));
  const box = (await input.boundingBox())!;
  expect(box.width).toBeCloseTo(5 * zoom, 0);
  expect(box.height).toBeCloseTo(5 * zoom, 0);

  // output (0, 0)'s window is rows and columns −1…1: five virtual padding cells, four input cells, the argmax
  const padRow = { i: -1, j: -1, h: 0.9, w: 5 };
  await whileHovering(output, 0, 0, async () => {
    await expect(readout).toHaveText("output [0, 0, 0, 0] = 6");
    await expect(formula).toHaveText("max(−∞, −∞, −∞, −∞, 1, 3, −∞, 5, 6) = 6   argmax at (1, 1)");
    await expect(input).toHaveAttribute("data-marks", "argmax:1 pad:5 window:4");
    // the padding row above the input is drawn (virtual cells) only while the window covers it
    expect(await inkIn(input, padRow)).toBeGreaterThan(50);
  });
  await page.screenshot({ path: "test/artifacts/pooling-window.png", fullPage: true });

  // reverse link: input (1, 1) is read by all four windows, (2, 2) by one
  await whileHovering(input, 1, 1, async () => {
    await expect(readout).toHaveText("input [0, 0, 1, 1] = 6");
    await expect(formula).toHaveText("read by 4 outputs: (0, 0), (0, 1), (1, 0), (1, 1)");
    await expect(output).toHaveAttribute("data-marks", "linked:4");
  });
  await whileHovering(input, 2, 2, async () => {
    await expect(formula).toHaveText("read by 1 output: (1, 1)");
    expect(await inkIn(input, padRow)).toBe(0);
  });

  // click pins an output cell (the mouse then leaves); arrow keys move it
  await expect(async () => {
    await hoverCell(output, 0, 0);
    await page.mouse.down();
    await page.mouse.up();
    await page.mouse.move(0, 0);
    await expect(readout).toHaveText(/^output \[0, 0, 0, 0\] = 6 +\(pinned/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press("ArrowDown");
  await expect(readout).toHaveText(/^output \[0, 0, 1, 0\] = 6 +\(pinned/);
  await page.keyboard.press("ArrowRight");
  await expect(readout).toHaveText(/^output \[0, 0, 1, 1\] = 9 +\(pinned/);
  await expect(formula).toHaveText("max(6, 1, 2, 2, 9, 4, 1, 4, 8) = 9   argmax at (2, 2)");

  // coverage: k=3 > s=2, so windows overlap; every input cell gets its count
  await v.locator(".jp-PoolscopeTensor-coverage").click();
  await expect(v.locator(".jp-PoolscopeTensor-coverageLine")).toHaveText(
    "coverage: every input cell reaches an output; windows overlap: up to 4 read one cell",
  );
  await expect(input).toHaveAttribute("data-marks", /(^| )count:16( |$)/);
  // the sweep steps through output positions in raster order
  await v.locator(".jp-PoolscopeTensor-step").click();
  await expect(readout).toHaveText(/^output \[0, 0, 0, 0\] = 6/);
  await v.locator(".jp-PoolscopeTensor-step").click();
  await expect(readout).toHaveText(/^output \[0, 0, 0, 1\] = 6/);
});

test("average and strip pooling write their formulas with the real numbers", async ({ page }) => {
  const all = await views(page);
  const avg = all.nth(1);
  await whileHovering(avg.locator(".jp-mod-output .jp-PoolscopeTensor-stage"), 0, 0, () =>
    expect(avg.locator(".jp-PoolscopeTensor-formula")).toHaveText("(1 + 3 + 5 + 6) / 4 = 3.75"),
  );
  // horizontal strips: one mean per row, drawn as a 4×1 column; row 2 is 0, 2, 9, 4
  const strip = all.nth(4);
  await whileHovering(strip.locator(".jp-mod-output .jp-PoolscopeTensor-stage"), 2, 0, () =>
    expect(strip.locator(".jp-PoolscopeTensor-formula")).toHaveText("(0 + 2 + 9 + 4) / 4 = 3.75"),
  );
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
  const formula = spp.locator(".jp-PoolscopeTensor-formula");
  const vec = spp.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(vec).toHaveAttribute("data-cols", "42");
  // feature 12 = level 3 (4×4), channel 0, bin (0, 2); adaptive bins of 5×7: rows [0, ⌈5/4⌉), cols [⌊14/4⌋, ⌈21/4⌉)
  await whileHovering(vec, 0, 12, () =>
    expect(formula).toHaveText(
      /^feature 12 = level 3 \(4×4\), channel 0, bin \(0, 2\): 10 \+ 0·16 \+ 0·4 \+ 2; rows 0…1, cols 3…5$/,
    ),
  );
  await spp.locator(".jp-PoolscopeTensor-level").nth(1).click();
  // 5×7 map, level 2×2: rows [0,3) [2,5) overlap on row 2, cols [0,4) [3,7) on col 3
  await whileHovering(spp.locator(".jp-PoolscopeTensor-stage").first(), 2, 3, () =>
    expect(formula).toHaveText("in 4 bins of level 2: features 2, 3, 4, 5"),
  );
  await page.screenshot({ path: "test/artifacts/spp.png", fullPage: true });
});

/** The view's PNG export, decoded, and what the page says it should hold (read in one layout pass). */
async function exportPng(page: Page, view: Locator, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    view.locator(".jp-PoolscopeTensor-save").click(),
  ]);
  expect(download.suggestedFilename()).toBe("poolscope-maxPool2d.png");
  const path = `test/artifacts/export-maxPool2d${name}.png`;
  await download.saveAs(path);
  const png = decode(readFileSync(path));
  const page_ = await view.evaluate((root) => {
    const rgb = (css: string): number[] => {
      const probe = document.createElement("span");
      probe.style.color = css;
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c.match(/\d+/g)!.slice(0, 3).map(Number);
    };
    const rb = root.getBoundingClientRect();
    const base = root.querySelector<HTMLCanvasElement>(".jp-mod-input canvas.jp-PoolscopeTensor-canvas")!;
    const cb = base.getBoundingClientRect();
    const zoom = cb.width / base.width;
    const stats = root.querySelector(".jp-PoolscopeTensor-stats")!.getBoundingClientRect();
    // the picture leaves the toolbar's band out (buttons are no part of a figure): what is below moves up
    const toolbar = root.querySelector(".jp-PoolscopeTensor-toolbar")!;
    const band = toolbar.nextElementSibling!.getBoundingClientRect().top - toolbar.getBoundingClientRect().top;
    return {
      size: [Math.ceil(rb.width), Math.ceil(rb.height - band)],
      background: rgb(getComputedStyle(root).getPropertyValue("--jp-layout-color0").trim()),
      // input cell (1, 1), near its corner (the cell's number is printed in its middle)
      cell: {
        x: Math.floor(cb.left - rb.left + 1.15 * zoom),
        y: Math.floor(cb.top - rb.top - band + 1.15 * zoom),
        rgb: Array.from(base.getContext("2d")!.getImageData(1, 1, 1, 1).data.slice(0, 3)),
      },
      stats: { x: stats.left - rb.left, y: stats.top - rb.top, w: stats.width, h: stats.height },
    };
  });
  const at = (x: number, y: number): number[] => {
    const k = (y * png.width + x) * png.channels;
    return Array.from(png.data.slice(k, k + 3));
  };
  // text painted in the stats line: pixels there that differ clearly from the background
  let inked = 0;
  for (let y = Math.ceil(page_.stats.y); y < page_.stats.y + page_.stats.h; y++)
    for (let x = Math.ceil(page_.stats.x); x < page_.stats.x + Math.min(page_.stats.w, 300); x++)
      if (at(x, y).some((c, k) => Math.abs(c - page_.background[k]) > 80)) inked++;
  return { png, page: page_, at, inked };
}

test("glyphs for NaN and ±Inf, the size budget notice, PNG export, and the dark theme", async ({ page }) => {
  const all = await views(page);
  const nan = all.nth(5);
  await expect(nan.locator(".jp-PoolscopeTensor-stats")).toContainText("NaN=1 +Inf=1 −Inf=1");
  await expect(nan.locator(".jp-PoolscopeTensor-key")).toContainText("× NaN");
  await expect(all.nth(6).locator(".jp-PoolscopeTensor-notice")).toContainText("showing 64 of 100 planes");
  await expect(all.nth(6).locator(".jp-PoolscopeTensor-plane")).toHaveCount(64);

  // PNG export: a real PNG of the whole view, its canvases and text painted where they are on screen
  const view = all.nth(0);
  const light = await exportPng(page, view, "");
  expect([light.png.width, light.png.height]).toEqual(light.page.size);
  expect(light.at(light.page.size[0] - 2, 1)).toEqual(light.page.background);
  expect(light.at(light.page.cell.x, light.page.cell.y)).toEqual(light.page.cell.rgb);
  expect(light.inked).toBeGreaterThan(50);

  // dark theme: the chrome follows it (text colour on screen, the export's background), the data colours do not
  const base = view.locator(".jp-mod-input canvas.jp-PoolscopeTensor-canvas");
  const pixels = () =>
    base.evaluate((c: HTMLCanvasElement) =>
      Array.from(c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data).join(","),
    );
  const before = await pixels();
  await base.evaluate((c) => c.setAttribute("data-test-drawn", "light"));
  await page.evaluate(() => window.jupyterapp.commands.execute("apputils:change-theme", { theme: "JupyterLab Dark" }));
  await expect(page.locator("body")).toHaveAttribute("data-jp-theme-light", "false", { timeout: 30_000 });
  const color = await view.evaluate((n) => getComputedStyle(n).color);
  const [r, g, b] = color.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeGreaterThan(384); // light text on the dark background
  const dark = await exportPng(page, view, "-dark");
  expect(dark.page.background.reduce((a, c) => a + c, 0)).toBeLessThan(384);
  expect(dark.at(dark.page.size[0] - 2, 1)).toEqual(dark.page.background);
  expect(dark.at(dark.page.cell.x, dark.page.cell.y)).toEqual(light.page.cell.rgb);
  expect(dark.inked).toBeGreaterThan(50);
  // drawn again under the dark theme (the scale toggle redraws the view), the data pixels are the same
  await view.locator(".jp-PoolscopeTensor-scale").click();
  await view.locator(".jp-PoolscopeTensor-scale").click();
  await expect(view.locator(".jp-PoolscopeTensor-scale")).toHaveText("scale: shared");
  await expect(base).not.toHaveAttribute("data-test-drawn", "light");
  expect(await pixels()).toBe(before);
  await page.screenshot({ path: "test/artifacts/pooling-dark.png", fullPage: true });
  await page.evaluate(() => window.jupyterapp.commands.execute("apputils:change-theme", { theme: "JupyterLab Light" }));
});

test("strip pooling's fused map is linked to its row and column strips", async ({ page }) => {
  const v = (await views(page)).nth(7);
  await expect(v.locator(".jp-PoolscopeTensor-fusion")).toHaveCount(2);
  const first = v.locator(".jp-PoolscopeTensor-fusion").first();
  const second = v.locator(".jp-PoolscopeTensor-fusion").nth(1);
  const stage = (box: Locator, role: string): Locator => box.locator(`.jp-mod-${role} .jp-PoolscopeTensor-stage`);
  const [fused, rows, cols] = [stage(first, "fused"), stage(first, "rows"), stage(first, "cols")];
  const readout = v.locator(".jp-PoolscopeTensor-readout");
  const formula = v.locator(".jp-PoolscopeTensor-formula");
  await expect(fused).toHaveAttribute("data-rows", "5");
  await expect(fused).toHaveAttribute("data-cols", "6");

  // fused cell (2, 3) of channel 0 (rand seed 4): row 2 of the input averages 0.6321, column 3 0.466
  await whileHovering(fused, 2, 3, async () => {
    await expect(readout).toHaveText(/^fused \[0, 0, 2, 3\] = 0\.\d+$/);
    await expect(formula).toContainText("row mean 2 = 0.6321, column mean 3 = 0.466");
    await expect(formula).toContainText("conv(rows 1…3)[2] + conv(cols 2…4)[3]");
    // the strips light cell 2 of the rows and 3 of the columns (and their convolution neighbours), not the ends
    expect(await inkIn(rows, { i: 2, j: 0 })).toBeGreaterThan(10);
    expect(await inkIn(rows, { i: 0, j: 0 })).toBe(0);
    expect(await inkIn(rows, { i: 4, j: 0 })).toBe(0);
    expect(await inkIn(cols, { i: 0, j: 3 })).toBeGreaterThan(10);
    expect(await inkIn(cols, { i: 0, j: 0 })).toBe(0);
    // and the other plane's strips stay dark
    await expectDark(stage(second, "rows"), { i: 0, j: 0, h: 5 });
  });
  await page.screenshot({ path: "test/artifacts/strip-fusion.png", fullPage: true });

  // a row-strip cell writes its mean with the input's numbers (row 1 of channel 0) and lights the fused row
  await whileHovering(rows, 1, 0, async () => {
    await expect(formula).toHaveText("row 1 = (0.07739 + 0.9739 + 0.622 + 0.6908 + 0.7681 + 0.3691) / 6 = 0.5836");
    expect(await inkIn(fused, { i: 1, j: 0, w: 6 })).toBeGreaterThan(50);
    expect(await inkIn(fused, { i: 3, j: 0, w: 6 })).toBe(0);
  });
});

test("compareSpp: two inputs of different sizes side by side, one vector length, linked feature by feature", async ({
  page,
}) => {
  const v = (await views(page)).nth(8);
  await expect(v.locator(".jp-PoolscopeTensor-compare")).toHaveCount(1);
  const formula = v.locator(".jp-PoolscopeTensor-formula");
  await expect(formula).toContainText("both vectors hold 42 features: 5×7 and 8×6 inputs give the same length");
  const vectors = v.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(vectors).toHaveCount(2);
  for (const k of [0, 1]) await expect(vectors.nth(k)).toHaveAttribute("data-cols", "42");
  const [w1, w2] = [(await vectors.nth(0).boundingBox())!.width, (await vectors.nth(1).boundingBox())!.width];
  expect(w1).toBe(w2); // same length, same zoom
  // level 3's bin (0, 2) by PyTorch's adaptive rule [⌊i·n/4⌋, ⌈(i+1)·n/4⌉): 5×7 → rows 0…1, cols 3…5; 8×6 →
  // rows 0…1, cols 3…4
  await whileHovering(vectors.nth(0), 0, 12, async () => {
    await expect(v.locator(".jp-PoolscopeTensor-readout")).toHaveText(/^output 1 \[0, 12\] = /);
    await expect(formula).toHaveText(
      "feature 12 = level 3 (4×4), channel 0, bin (0, 2) on both sides; 1: rows 0…1, cols 3…5; 2: rows 0…1, cols 3…4",
    );
    // feature 12 lights on the other vector too, and nowhere else on it
    expect(await inkIn(vectors.nth(1), { i: 0, j: 12 })).toBeGreaterThan(5);
    expect(await inkIn(vectors.nth(1), { i: 0, j: 0, w: 11 })).toBe(0);
    expect(await inkIn(vectors.nth(1), { i: 0, j: 14, w: 27 })).toBe(0);
  });
  await page.screenshot({ path: "test/artifacts/spp-compare.png", fullPage: true });

  // a cell of the second map: its bins' features, lit on the first vector too
  await v.locator(".jp-PoolscopeTensor-level").nth(1).click();
  const map2 = v.locator(".jp-mod-input .jp-PoolscopeTensor-stage").nth(2); // side 2, channel 0
  await whileHovering(map2, 0, 0, async () => {
    await expect(formula).toHaveText("in 1 bin of level 2: features 2 (the same features on the other side)");
    expect(await inkIn(vectors.nth(0), { i: 0, j: 2 })).toBeGreaterThan(5);
  });
});

test("1-d and channels-last traces get the linked view too", async ({ page }) => {
  const all = await views(page);
  // 1-d: [1, 5, 2, 8, 3, 0, 4], k3 s2: output 1's window is positions 2…4
  const one = all.nth(9);
  const out1 = one.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(out1).toHaveCount(1);
  await whileHovering(out1, 0, 1, async () => {
    await expect(one.locator(".jp-PoolscopeTensor-formula")).toHaveText("max(2, 8, 3) = 8   argmax at (0, 3)");
    await expect(one.locator(".jp-PoolscopeTensor-readout")).toHaveText("output [0, 0, 1] = 8");
  });

  // NHWC: drawn one plane per channel; channel 1 holds 10, 20, 30, 40; read-outs use the tensor's own (n, h, w, c)
  const last = all.nth(10);
  const outs = last.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(outs).toHaveCount(2);
  await whileHovering(outs.nth(1), 0, 0, async () => {
    await expect(last.locator(".jp-PoolscopeTensor-formula")).toHaveText("max(10, 20, 30, 40) = 40   argmax at (1, 1)");
    await expect(last.locator(".jp-PoolscopeTensor-readout")).toHaveText("output [0, 0, 0, 1] = 40");
  });
  const ins = last.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  await whileHovering(ins.nth(0), 1, 0, () =>
    expect(last.locator(".jp-PoolscopeTensor-readout")).toHaveText("input [0, 1, 0, 0] = 3"),
  );
  await page.screenshot({ path: "test/artifacts/pooling-1d-nhwc.png", fullPage: true });
});

test("RoI: each region's box and bins on the map, an output bin linked to its cells, an input cell to its bins", async ({
  page,
}) => {
  // the fixture's map: cell (c, i, j) holds 100·c + 8·i + j, with 999 at c=1, (4, 4); at spatial scale 1/2 region 0
  // is the whole 6×8 map, region 1 rows 2…5 × cols 4…7 (2×2 bins of 2×2 cells), region 2 lies off the map
  const roi = (await views(page)).nth(11);
  const ins = roi.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const outs = roi.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  const readout = roi.locator(".jp-PoolscopeTensor-readout");
  const formula = roi.locator(".jp-PoolscopeTensor-formula");
  await expect(ins).toHaveCount(2); // (n, c) maps
  await expect(outs).toHaveCount(6); // (region, c) bin grids
  await expect(roi.locator(".jp-mod-output .jp-PoolscopeTensor-caption").nth(3)).toHaveText("region 1 (n=0) c=1");

  // the boxes and bins are drawn before any hover: two boxes (region 2 has none on the map) and 4 + 4 bins;
  // region 1's box edge (rows 2…5 at col 4) has ink on channel 1's map
  await expect(ins.nth(1)).toHaveAttribute("data-marks", "bin:8 region:2");
  expect(await inkIn(ins.nth(1), { i: 2, j: 4, h: 4, w: 0.125 })).toBeGreaterThan(0);
  const bin = { i: 4, j: 4, h: 2, w: 2 };
  const before = await pixelSum(ins.nth(1), bin);

  // region 1, channel 1, bin (1, 0) pooled rows 4…5 × cols 4…5 of channel 1: 999, 137, 144, 145; the spike wins
  await whileHovering(outs.nth(3), 1, 0, async () => {
    await expect(formula).toHaveText(
      "max(999, 137, 144, 145) = 999   argmax at (4, 4)   region 1, bin (1, 0): rows 4…5, cols 4…5",
    );
    await expect(readout).toHaveText("output [1, 1, 1, 0] = 999");
    await expect(ins.nth(1)).toHaveAttribute("data-marks", "argmax:1 bin:8 binActive:1 region:2 window:4");
    // the bin's cells light up on channel 1's map (over the bin shading drawn before), channel 0's map is unchanged
    expect(await pixelSum(ins.nth(1), bin)).not.toBe(before);
    expect(await pixelSum(ins.nth(0), bin)).toBe(before);
  });
  await page.screenshot({ path: "test/artifacts/pooling-roi.png", fullPage: true });

  // region 2 lies off the map: its bins are empty and say so, with the op's 0
  await whileHovering(outs.nth(4), 0, 0, () =>
    expect(formula).toHaveText(
      "empty bin (it lies off the feature map): nothing to pool, output = 0   region 2, bin (0, 0)",
    ),
  );

  // reverse link: map cell (4, 4) of channel 1 is in region 0's bin (1, 1) and region 1's bin (1, 0)
  await whileHovering(ins.nth(1), 4, 4, async () => {
    await expect(readout).toHaveText("input [0, 1, 4, 4] = 999");
    await expect(formula).toHaveText("in 2 bins: region 0 (1, 1), region 1 (1, 0)");
    expect(await inkIn(outs.nth(1), { i: 1, j: 1 })).toBeGreaterThan(0); // region 0, c=1, bin (1, 1)
    expect(await inkIn(outs.nth(3), { i: 1, j: 0 })).toBeGreaterThan(0); // region 1, c=1, bin (1, 0)
    await expectDark(outs.nth(2), { i: 0, j: 0, h: 2, w: 2 }); // region 1, c=0: not lit
  });
});

test("RoIAlign: a bin's sample points drawn as dots on hover, the mean said in words, samples off the map counted", async ({
  page,
}) => {
  // the fixture's map holds 8·i + j at (i, j), so bilinear reads of it are exact
  const view = (await views(page)).nth(14);
  const ins = view.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const outs = view.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  const formula = view.locator(".jp-PoolscopeTensor-formula");
  await expect(ins).toHaveCount(1);
  await expect(outs).toHaveCount(2);
  const map = ins.nth(0);
  // region 0 (x 1…5, y 1…3, 1×2 bins, 2×2 samples each): bin (0, 1) samples y 1.5, 2.5 and x 3.5, 4.5, whose
  // dots sit at cell-unit points (2, 4), (2, 5), (3, 4), (3, 5) (cell i's centre is at i + 0.5)
  const dots = [
    [2, 4],
    [2, 5],
    [3, 4],
    [3, 5],
  ];
  const white = (px: number[][]): boolean => px.every(([r, g, b, a]) => r > 240 && g > 240 && b > 240 && a === 255);
  // nothing is hovered yet: no dots
  await expect(map).not.toHaveAttribute("data-marks", /sample/);
  for (const [i, j] of dots) expect(white(await marksAround(map, i, j, 1))).toBe(false);

  // the mean of the four samples of the linear map is its value at their centre (y 2, x 4): 8·2 + 4 = 20
  await whileHovering(outs.nth(0), 0, 1, async () => {
    await expect(formula).toHaveText(
      "mean of 4 bilinear samples (dots) = 20   region 0, bin (0, 1): rows 1…3, cols 3…5",
    );
    await expect(map).toHaveAttribute("data-marks", /(^| )sample:4( |$)/);
    for (const [i, j] of dots) expect(white(await marksAround(map, i, j, 1))).toBe(true);
  });
  await page.screenshot({ path: "test/artifacts/pooling-roi-align.png", fullPage: true });

  // region 1's bin (0, 1) samples only beyond the map's margin: nothing read (no dots), the output is the op's 0
  await whileHovering(outs.nth(1), 0, 1, async () => {
    await expect(formula).toHaveText(
      "mean of 4 bilinear samples (dots) (4 off the map read 0) = 0   region 1, bin (0, 1)",
    );
    await expect(map).not.toHaveAttribute("data-marks", /sample/);
  });
});

test("max unpooling: a pooled value's window and where it went, a map cell's writer, the flat index re-read in 5×5", async ({
  page,
}) => {
  // pooling 1…16 (4×4) with 2×2 windows records 6, 8, 14, 16 at flat 5, 7, 13, 15; in a 5-wide map flat 13 is
  // (2, 3), outside 14's window (rows 2…3, cols 0…1)
  const view = (await views(page)).nth(15);
  const ins = view.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const outs = view.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  const formula = view.locator(".jp-PoolscopeTensor-formula");
  await expect(ins).toHaveCount(1);
  await expect(outs).toHaveCount(1);
  await expect(outs).toHaveAttribute("data-rows", "5");

  await whileHovering(ins.nth(0), 1, 0, async () => {
    await expect(formula).toHaveText(
      "14 goes to (2, 3): the index its max pooling recorded, re-read in the output's width, lies outside this window",
    );
    await expect(view.locator(".jp-PoolscopeTensor-readout")).toHaveText("input [0, 0, 1, 0] = 14");
    // its window (rows 2…3, cols 0…1) and the target (2, 3) are lit on the map; cell (0, 4) is not
    expect(await inkIn(outs, { i: 2, j: 0, h: 2, w: 2 })).toBeGreaterThan(0);
    expect(await inkIn(outs, { i: 2, j: 3 })).toBeGreaterThan(0);
    expect(await inkIn(outs, { i: 0, j: 4 })).toBe(0);
  });
  await page.screenshot({ path: "test/artifacts/pooling-unpool.png", fullPage: true });

  await whileHovering(outs, 2, 3, () => expect(formula).toHaveText("written by input (1, 0)"));
  await whileHovering(outs, 0, 0, () => expect(formula).toHaveText("no input value was written here: 0"));
});

test("3-d: depth slices in a row, an output's window lit on every slice it spans, an input cell's outputs", async ({
  page,
}) => {
  // the fixture: (1, 2, 3, 4, 4), channel 0's cell (d, i, j) holds 16d + 4i + j with 500 at (1, 1, 2), channel 1
  // the same plus 100; max pooling k2 s2 p1
  const all = await views(page);
  const vol = all.nth(12);
  const ins = vol.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const outs = vol.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  const formula = vol.locator(".jp-PoolscopeTensor-formula");
  const readout = vol.locator(".jp-PoolscopeTensor-readout");
  await expect(ins).toHaveCount(2 * 3); // (n, c) volumes × D input slices
  await expect(outs).toHaveCount(2 * 2); // × oD output slices
  await expect(vol.locator(".jp-mod-input .jp-PoolscopeTensor-caption").nth(2)).toHaveText("input d=2");
  // windows start at −1, 1, 3 (k2 s2 p1 over 4): one padding cell on every side, 6×6 input stages; outputs are
  // 3×3 at the same zoom
  await expect(ins.nth(0)).toHaveAttribute("data-margin-top", "1");
  const zoom = Number(await outs.nth(0).getAttribute("data-zoom"));
  await expect(ins.nth(0)).toHaveAttribute("data-zoom", String(zoom));
  expect((await ins.nth(0).boundingBox())!.width).toBeCloseTo(6 * zoom, 0);

  // channel 0, output slice 1, cell (1, 1): slices 1…2, rows 1…2, cols 1…2; the spike at (1, 1, 2) wins
  await whileHovering(outs.nth(1), 1, 1, async () => {
    await expect(formula).toHaveText("max(21, 500, 25, 26, 37, 38, 41, 42) = 500   argmax at (1, 1, 2)   slices 1…2");
    await expect(readout).toHaveText("output [0, 0, 1, 1, 1] = 500");
    // the window is drawn on slices 1 and 2, not on slice 0
    expect(await inkIn(ins.nth(1), { i: 1, j: 1, h: 2, w: 2 })).toBeGreaterThan(0);
    expect(await inkIn(ins.nth(2), { i: 1, j: 1, h: 2, w: 2 })).toBeGreaterThan(0);
    await expectDark(ins.nth(0), { i: -1, j: -1, h: 6, w: 6 });
  });
  await page.screenshot({ path: "test/artifacts/pooling-3d.png", fullPage: true });

  // the corner output's window starts in the depth padding: its −∞ taps are in the formula
  await whileHovering(outs.nth(0), 0, 0, () =>
    expect(formula).toHaveText(
      "max(−∞, −∞, −∞, −∞, −∞, −∞, −∞, 0) = 0   argmax at (0, 0, 0)   slices 0…0, 1 in the depth padding",
    ),
  );

  // reverse link: channel 1's input (2, 2, 2), 100 + 42, is read by output (1, 1, 1) of channel 1 only
  await whileHovering(ins.nth(5), 2, 2, async () => {
    await expect(readout).toHaveText("input [0, 1, 2, 2, 2] = 142");
    await expect(formula).toHaveText("read by 1 output: (1, 1, 1)");
    expect(await inkIn(outs.nth(3), { i: 1, j: 1 })).toBeGreaterThan(0);
    await expectDark(outs.nth(1), { i: 0, j: 0, h: 3, w: 3 });
  });

  // more depth slices than the budget: a notice, and the formula of an average window with its divisor
  const deep = all.nth(13);
  await expect(deep.locator(".jp-PoolscopeTensor-notice")).toContainText([
    "input: showing depth slices 0…7 of 12 (size budget)",
    "output: showing depth slices 0…7 of 10 (size budget)",
  ]);
  await expect(deep.locator(".jp-mod-input .jp-PoolscopeTensor-stage")).toHaveCount(8);
  // output (0, 0, 0) averages slices 0…2 × rows 0…1 × cols 0…1 of rand seed 5 (12 taps, mean 0.5122)
  await whileHovering(deep.locator(".jp-mod-output .jp-PoolscopeTensor-stage").nth(0), 0, 0, () =>
    expect(deep.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      "(0.6898 + 0.7727 + 0.6232 + 0.08514 + 0.2294 + 0.7799 + 0.6606 + 0.01382 + 0.7553 + 0.7235 + 0.01902 + " +
        "0.7935) / 12 = 0.5122   slices 0…2",
    ),
  );
});
