/**
 * Captions, rows and colour pictures, from a fixture notebook's saved outputs (fixtures/compose.ipynb, made by
 * execute.py): `display(x, { title })` shows its caption, `show([a, b], { titles })` draws both results in one
 * row under their titles with one shared legend (two with scale "each") and each item hovers as a single output
 * does, a (3, H, W) tensor in [0, 1] is painted in colour, with a toggle to its channels, and the RoI view labels
 * its boxes, keeps the map a hovered bin lights beside it, and draws RoIAlign's samples as orange-ringed dots.
 */
import { readFileSync } from "node:fs";
import { decode } from "fast-png";
import { expect, openNotebook, test } from "./lab.js";
import type { Locator, Page } from "@playwright/test";
import { hoverCell, marksAround, whileHovering } from "./views.js";

const FIXTURE = "fixtures/compose.ipynb";

async function outputs(page: Page): Promise<Locator> {
  const panel = await openNotebook(page, FIXTURE);
  const v = panel.locator(".jp-PoolscopeTensor");
  await expect(v).toHaveCount(6, { timeout: 60_000 });
  return v;
}

test("display's title is the output's caption", async ({ page }) => {
  const v = (await outputs(page)).nth(0);
  await expect(v.locator(".jp-PoolscopeTensor-title")).toHaveText("max pooling 2×2");
  // the caption is said once: the stats line below it starts with the input's summary
  await expect(v.locator(".jp-PoolscopeTensor-stats")).toHaveText(/^\s*input {2}shape=\[1, 1, 4, 4\]/);

  // the saved PNG carries the caption: ink where the title is on the page
  const [download] = await Promise.all([page.waitForEvent("download"), v.locator(".jp-PoolscopeTensor-save").click()]);
  expect(download.suggestedFilename()).toBe("poolscope-max-pooling-2-2.png");
  const path = "test/artifacts/compose-caption.png";
  await download.saveAs(path);
  const png = decode(readFileSync(path));
  const title = await v.evaluate((root) => {
    const rb = root.getBoundingClientRect();
    const t = root.querySelector(".jp-PoolscopeTensor-title")!.getBoundingClientRect();
    return { x: t.left - rb.left, y: t.top - rb.top, w: t.width, h: t.height };
  });
  let inked = 0;
  for (let y = Math.ceil(title.y); y < title.y + title.h; y++)
    for (let x = Math.ceil(title.x); x < title.x + Math.min(title.w, 200); x++) {
      const k = (y * png.width + x) * png.channels;
      // the title's ink is far from the white (or dark theme) background in at least one channel
      if (Math.max(...Array.from(png.data.slice(k, k + 3))) < 128) inked++;
    }
  expect(inked).toBeGreaterThan(50);
});

test("show draws a row of two traced results under their titles, one legend, each item hovered alone", async ({
  page,
}) => {
  const v = (await outputs(page)).nth(1);
  const row = v.locator(".jp-PoolscopeTensor-row");
  await expect(row).toHaveAttribute("data-items", "2");
  await expect(row).toHaveAttribute("data-scale", "shared");
  const items = row.locator(".jp-PoolscopeTensor-item");
  await expect(items).toHaveCount(2);
  await expect(items.locator(".jp-PoolscopeTensor-title")).toHaveText(["max 2×2", "mean 2×2"]);
  // one legend for the row, over the range of all four tensors (0…9), and it says it is shared
  const legends = v.locator(".jp-PoolscopeTensor-legend");
  await expect(legends).toHaveCount(1);
  await expect(legends.locator(".jp-PoolscopeTensor-tick")).toHaveText(["0", "4.5", "9"]);
  await expect(legends).toContainText("shared by the row's 2 results");
  // the two items side by side: the second starts right of the first, at the same height
  const [a, b] = [(await items.nth(0).boundingBox())!, (await items.nth(1).boundingBox())!];
  expect(b.x).toBeGreaterThanOrEqual(a.x + a.width - 1);
  expect(Math.abs(b.y - a.y)).toBeLessThan(2);

  // hovering the mean's output (0, 0) lights its window and writes its read-out, in that item only
  const mean = items.nth(1);
  await whileHovering(mean.locator(".jp-mod-output .jp-PoolscopeTensor-stage"), 0, 0, async () => {
    await expect(mean.locator(".jp-PoolscopeTensor-readout")).toHaveText("output [0, 0, 0, 0] = 3.75");
    await expect(mean.locator(".jp-mod-input .jp-PoolscopeTensor-stage")).toHaveAttribute("data-marks", /window:4/);
    await expect(items.nth(0).locator(".jp-PoolscopeTensor-readout")).not.toContainText("3.75");
  });
  await page.screenshot({ path: "test/artifacts/compose-row.png", fullPage: true });
});

test('show with scale "each" gives every item its own legend', async ({ page }) => {
  const v = (await outputs(page)).nth(3);
  await expect(v.locator(".jp-PoolscopeTensor-row")).toHaveAttribute("data-scale", "each");
  const legends = v.locator(".jp-PoolscopeTensor-legend");
  await expect(legends).toHaveCount(2);
  await expect(legends.nth(0).locator(".jp-PoolscopeTensor-tick").last()).toHaveText("9");
  await expect(legends.nth(1).locator(".jp-PoolscopeTensor-tick").last()).toHaveText("6.25");
});

/** A legend's range in force (data-lo, data-hi) and whose it says it is. */
async function legendState(l: Locator): Promise<{ lo: number; hi: number; mode: string; scope: string }> {
  return l.evaluate((e: HTMLElement) => ({
    lo: Number(e.dataset.lo),
    hi: Number(e.dataset.hi),
    mode: e.dataset.mode ?? "",
    scope: e.dataset.scope ?? "",
  }));
}

/** The scale a stage was drawn on. */
async function stageRange(stage: Locator): Promise<[number, number]> {
  const d = await stage.evaluate((s: HTMLElement) => [Number(s.dataset.scaleLo), Number(s.dataset.scaleHi)]);
  return [d[0], d[1]];
}

test("a row's legends follow its scales: one for a shared row, one per item per channel, each its own range", async ({
  page,
}) => {
  const all = await outputs(page);
  // the shared row: one legend under the row, on the row's range, which every plane of both items is drawn on
  const shared = all.nth(1);
  const legends = shared.locator(".jp-PoolscopeTensor-legend");
  await expect(legends).toHaveCount(1);
  const row = await legendState(legends);
  expect([row.lo, row.hi, row.mode]).toEqual([0, 9, "shared"]);
  for (const stage of await shared.locator(".jp-PoolscopeTensor-stage").all())
    expect(await stageRange(stage)).toEqual([row.lo, row.hi]);

  // switched to per channel: no row legend; each item its own, on its first plane's range, in the item's box
  await shared.locator(".jp-PoolscopeTensor-scale").click();
  const items = shared.locator(".jp-PoolscopeTensor-item");
  await expect(shared.locator(".jp-PoolscopeTensor-scale")).toHaveAttribute("aria-pressed", "true");
  await expect(shared.locator(".jp-PoolscopeTensor-legend")).toHaveCount(2);
  for (let k = 0; k < 2; k++) {
    const item = items.nth(k);
    const own = await legendState(item.locator(".jp-PoolscopeTensor-legend"));
    expect(own.mode).toBe("channel");
    expect(own.scope).toMatch(/first plane's range \(input n=0 c=0\)/);
    expect([own.lo, own.hi]).toEqual(await stageRange(item.locator(".jp-PoolscopeTensor-stage").first()));
  }
  // hovering the mean's output sets the mean's legend to that plane's range, and leaves the max's alone
  const before = await legendState(items.nth(0).locator(".jp-PoolscopeTensor-legend"));
  const meanOut = items.nth(1).locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await hoverCell(meanOut, 0, 0);
  const meanLegend = items.nth(1).locator(".jp-PoolscopeTensor-legend");
  await expect(meanLegend).toHaveAttribute("data-scope", /this plane's range \(output n=0 c=0\)/);
  const hovered = await legendState(meanLegend);
  expect([hovered.lo, hovered.hi]).toEqual(await stageRange(meanOut));
  expect(await legendState(items.nth(0).locator(".jp-PoolscopeTensor-legend"))).toEqual(before);

  // the row on scale "each": a legend per item on that item's own range, whichever mode
  const each = all.nth(3);
  for (const pressed of ["false", "true"]) {
    await expect(each.locator(".jp-PoolscopeTensor-scale")).toHaveAttribute("aria-pressed", pressed);
    const boxes = each.locator(".jp-PoolscopeTensor-item");
    await expect(each.locator(".jp-PoolscopeTensor-legend")).toHaveCount(2);
    for (let k = 0; k < 2; k++) {
      const own = await legendState(boxes.nth(k).locator(".jp-PoolscopeTensor-legend"));
      expect([own.lo, own.hi]).toEqual(await stageRange(boxes.nth(k).locator(".jp-PoolscopeTensor-stage").first()));
    }
    expect((await legendState(boxes.nth(1).locator(".jp-PoolscopeTensor-legend"))).hi).toBe(6.25);
    if (pressed === "false") await each.locator(".jp-PoolscopeTensor-scale").click();
  }
});

test("a (3, H, W) tensor in [0, 1] is drawn in colour, and as its channels on request", async ({ page }) => {
  const v = (await outputs(page)).nth(2);
  const stage = v.locator('.jp-PoolscopeTensor-stage[data-picture="rgb"]');
  await expect(stage).toHaveCount(1);
  // pixel (7, 0): red 1, green 0, blue 0.5
  const rgbAt = (i: number, j: number) =>
    stage.evaluate(
      (s: HTMLElement, at) => {
        const c = s.querySelector<HTMLCanvasElement>("canvas.jp-PoolscopeTensor-canvas")!;
        return Array.from(c.getContext("2d")!.getImageData(at.j, at.i, 1, 1).data.slice(0, 3));
      },
      { i, j },
    );
  expect(await rgbAt(7, 0)).toEqual([255, 0, 128]);
  expect(await rgbAt(0, 7)).toEqual([0, 255, 128]);
  await whileHovering(stage, 7, 0, () =>
    expect(v.locator(".jp-PoolscopeTensor-readout")).toHaveText("[:, 7, 0] = (R 1, G 0, B 0.5)"),
  );
  await page.screenshot({ path: "test/artifacts/compose-rgb.png", fullPage: true });
  // the toggle draws the three channels as heatmap planes instead
  await v.locator(".jp-PoolscopeTensor-colour").click();
  await expect(v.locator('.jp-PoolscopeTensor-stage[data-picture="rgb"]')).toHaveCount(0);
  await expect(v.locator(".jp-PoolscopeTensor-stage")).toHaveCount(3);
  await expect(v.locator(".jp-PoolscopeTensor-colour")).toHaveAttribute("aria-pressed", "false");
});

test("RoI: boxes labelled with their names, the map a hovered bin lights kept in view beside it", async ({ page }) => {
  // 8 channels of an 8×8 map (cell (c, i, j) holds c + 8·i + j), regions "whole", "top left", "bottom right"
  const v = (await outputs(page)).nth(4);
  const maps = v.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const bins = v.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(maps).toHaveCount(8);
  await expect(bins).toHaveCount(24);
  const labels = maps.nth(0).locator(".jp-PoolscopeTensor-roiLabel");
  await expect(labels).toHaveText(["whole", "top left", "bottom right"]);
  // "bottom right" sits at its box's top-left cell, (4, 4)
  const zoom = Number(await maps.nth(0).getAttribute("data-zoom"));
  const [stage, tag] = [(await maps.nth(0).boundingBox())!, (await labels.nth(2).boundingBox())!];
  expect(tag.x - stage.x).toBeCloseTo(4 * zoom, 0);
  expect(tag.y - stage.y).toBeCloseTo(4 * zoom, 0);
  // region 2 on channel 0 is output plane 2·8 + 0
  const bin = bins.nth(16);
  await expect(v.locator(".jp-mod-output .jp-PoolscopeTensor-caption").nth(16)).toHaveText(
    'region 2 "bottom right" (n=0) c=0',
  );
  const viewport = page.viewportSize()!;
  await whileHovering(bin, 0, 0, async () => {
    await expect(v.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      'max(36, 37, 44, 45) = 45   argmax at (5, 5)   region 2 "bottom right", bin (0, 0): rows 4…5, cols 4…5',
    );
    await expect(maps.nth(0)).toHaveAttribute("data-marks", /binActive:1/);
    // the lit map is on screen, whole, while its bin is hovered: no scrolling to see what the bin pooled
    const lit = (await maps.nth(0).boundingBox())!;
    expect(lit.y).toBeGreaterThanOrEqual(0);
    expect(lit.y + lit.height).toBeLessThanOrEqual(viewport.height);
    expect(lit.x + lit.width).toBeLessThanOrEqual(viewport.width);
  });
  await page.screenshot({ path: "test/artifacts/compose-roi.png", fullPage: false });
});

test("RoIAlign: sample points are orange-ringed dots, unlike the argmax's white dot", async ({ page }) => {
  const v = (await outputs(page)).nth(5);
  const map = v.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const bin = v.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(map.locator(".jp-PoolscopeTensor-roiLabel")).toHaveText(["0"]);
  // bin (0, 1) samples y 1.5, 2.5 and x 3.5, 4.5: dots at cell-unit points (2, 4), (2, 5), (3, 4), (3, 5)
  await whileHovering(bin, 0, 1, async () => {
    await expect(map).toHaveAttribute("data-marks", /(^| )sample:4( |$)/);
    for (const [i, j] of [
      [2, 4],
      [3, 5],
    ]) {
      const px = await marksAround(map, i, j, 5);
      const orange = px.filter(([r, g, b, a]) => a === 255 && r > 230 && g > 110 && g < 170 && b < 40);
      const white = px.filter(([r, g, b, a]) => a === 255 && r > 240 && g > 240 && b > 240);
      expect(orange.length).toBeGreaterThan(20);
      expect(white.length).toBeGreaterThan(4);
    }
  });
});
