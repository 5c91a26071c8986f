/**
 * The legibility rules of issue #16, from a fixture notebook's saved outputs: every drawn cell hoverable (measured
 * on screen: a pooled plane, a strip, a wrapped vector), numbers in every cell of a plane or in none (read off
 * the text layer's pixels) with a toggle, the scale chosen from the data and said, the legend showing the range
 * in force, one number format, toggles that publish their state, and a saved PNG without the toolbar band.
 * Everything waits on the state the views publish (data-*, aria-pressed), never on time.
 */
import { readFileSync } from "node:fs";
import { decode } from "fast-png";
import { expect, openNotebook, test } from "./lab.js";
import type { Locator, Page } from "@playwright/test";
import { hoverCell, whileHovering } from "./views.js";

const FIXTURE = "fixtures/legibility.ipynb";

async function views(page: Page): Promise<Locator> {
  const panel = await openNotebook(page, FIXTURE);
  const v = panel.locator(".jp-PoolscopeTensor");
  await expect(v).toHaveCount(5, { timeout: 60_000 });
  return v;
}

/** A plane's drawn cell size in CSS pixels, measured on its heatmap canvas (wrapped planes: data-wrap cells a row). */
async function cellPx(stage: Locator): Promise<{ w: number; h: number }> {
  const canvas = stage.locator("canvas.jp-PoolscopeTensor-canvas");
  const box = (await canvas.boundingBox())!;
  const d = await stage.evaluate((s: HTMLElement) => ({ ...s.dataset }));
  const cols = d.wrap ? Number(d.wrap) : Number(d.cols);
  const rows = d.wrap ? Number(d.rows) * Math.ceil(Number(d.cols) / Number(d.wrap)) : Number(d.rows);
  return { w: box.width / cols, h: box.height / rows };
}

/** How many of a plane's cells have text drawn in them (any opaque pixel of the text layer), and how many cells. */
async function cellsWithText(stage: Locator): Promise<{ inked: number; cells: number }> {
  return stage.evaluate((s: HTMLElement) => {
    const zoom = Number(s.dataset.zoom);
    const rows = Number(s.dataset.rows);
    const cols = Number(s.dataset.cols);
    const layer = s.querySelector<HTMLCanvasElement>("canvas.jp-PoolscopeTensor-layer:not(.jp-PoolscopeTensor-marks)");
    if (!layer) return { inked: 0, cells: rows * cols };
    const k = layer.width / parseFloat(layer.style.width);
    const data = layer.getContext("2d")!.getImageData(0, 0, layer.width, layer.height).data;
    let inked = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        let ink = false;
        for (let y = Math.round(i * zoom * k); y < Math.round((i + 1) * zoom * k) && !ink; y++)
          for (let x = Math.round(j * zoom * k); x < Math.round((j + 1) * zoom * k) && !ink; x++)
            if (data[(y * layer.width + x) * 4 + 3] > 0) ink = true;
        if (ink) inked++;
      }
    }
    return { inked, cells: rows * cols };
  });
}

/**
 * The cells a framed plane says it lit (data-lit "i0,j0,i1,j1") as a screen rectangle, and the part of its
 * scrolling frame the reader sees (its client box: scroll bars excluded), both measured in the page.
 */
async function litAndView(stage: Locator): Promise<{ lit: number[]; view: number[] }> {
  return stage.evaluate((s: HTMLElement) => {
    const [i0, j0, i1, j1] = (s.dataset.lit ?? "").split(",").map(Number);
    const zx = Number(s.dataset.zoomX);
    const zy = Number(s.dataset.zoomY);
    const r = s.getBoundingClientRect();
    const x = r.left + (j0 + Number(s.dataset.marginLeft)) * zx;
    const y = r.top + (i0 + Number(s.dataset.marginTop)) * zy;
    const frame = s.closest<HTMLElement>(".jp-PoolscopeTensor-frame")!;
    const f = frame.getBoundingClientRect();
    const fx = f.left + frame.clientLeft;
    const fy = f.top + frame.clientTop;
    return {
      lit: [x, y, x + (j1 - j0) * zx, y + (i1 - i0) * zy],
      view: [fx, fy, fx + frame.clientWidth, fy + frame.clientHeight],
    };
  });
}

/** The screen y of row i's top edge on a plane (its stage's box and its cell height). */
async function rowTop(stage: Locator, i: number): Promise<number> {
  return (await stage.boundingBox())!.y + i * Number(await stage.getAttribute("data-zoom-y"));
}

test("the 89×89 → 8×8 pooled plane and a 40×1 strip are drawn with hoverable cells", async ({ page }) => {
  const v = await views(page);
  const pooled = v.nth(0);
  const input = pooled.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const output = pooled.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(output).toHaveAttribute("data-rows", "8");
  const inCell = await cellPx(input);
  const outCell = await cellPx(output);
  // the input (89 cells, over the 48 that fit 576 px) keeps 12-px cells (it was 6 px) in a scrolling frame; its
  // pooled plane is not drawn finer than 12 px nor finer than the input (it was 2 px a cell, beside a 178-px input)
  expect(inCell.w).toBe(12);
  expect(inCell.h).toBe(12);
  await expect(input).toHaveAttribute("data-framed", "true");
  expect(outCell.w).toBeGreaterThanOrEqual(12);
  expect(outCell.h).toBeGreaterThanOrEqual(12);
  expect(outCell.w).toBeGreaterThanOrEqual(inCell.w);
  expect(outCell.w).toBe(32);
  // the input's frame and its output stand side by side, the frame no larger than 576 px and its scroll bars
  const frame = pooled.locator(".jp-mod-input .jp-PoolscopeTensor-frame");
  const inBox = (await frame.boundingBox())!;
  const outBox = (await output.boundingBox())!;
  expect(inBox.width).toBeLessThanOrEqual(576 + 17);
  expect(inBox.height).toBeLessThanOrEqual(576 + 17);
  expect(outBox.x).toBeGreaterThan(inBox.x + inBox.width);
  expect(outBox.y).toBeLessThan(inBox.y + inBox.height);
  // hovering an output lights its 11×11 window, and the frame scrolls it into view: the last window (rows and
  // columns 77…87, past the first 48 shown), then the first again, then one in the middle
  for (const [i, j] of [
    [7, 7],
    [0, 0],
    [3, 5],
  ]) {
    await whileHovering(output, i, j, async () => {
      await expect(input).toHaveAttribute("data-marks", "window:121");
      await expect(input).toHaveAttribute("data-lit", `${11 * i},${11 * j},${11 * i + 11},${11 * j + 11}`);
      const { lit, view } = await litAndView(input);
      expect(lit[0]).toBeGreaterThanOrEqual(view[0]);
      expect(lit[1]).toBeGreaterThanOrEqual(view[1]);
      expect(lit[2]).toBeLessThanOrEqual(view[2]);
      expect(lit[3]).toBeLessThanOrEqual(view[3]);
    });
  }
  await page.screenshot({ path: "test/artifacts/legibility-pooled.png" });

  const strip = v.nth(1);
  const map = strip.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const rows = strip.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(rows).toHaveAttribute("data-cols", "1");
  await expect(rows).toHaveAttribute("data-rows", "40");
  const stripCell = await cellPx(rows);
  expect(stripCell.w).toBeGreaterThanOrEqual(12);
  expect(stripCell.w).toBe(24); // widened across: a band, not a line
  expect(stripCell.h).toBeGreaterThanOrEqual(12);
  // its rows line up with the map's rows
  expect(stripCell.h).toBe((await cellPx(map)).h);
  expect(Math.abs((await rowTop(map, 39)) - (await rowTop(rows, 39)))).toBeLessThan(1);
  await whileHovering(rows, 39, 0, async () => {
    await expect(map).toHaveAttribute("data-marks", "window:40");
  });
});

test("arrow keys move a pin across a framed plane and its frame follows, though the pointer rests on it", async ({
  page,
}) => {
  const v = await views(page);
  const input = v.nth(0).locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  // pin the 89×89 input's first cell; the pointer stays on the plane
  await expect(async () => {
    await hoverCell(input, 0, 0);
    await page.mouse.down();
    await page.mouse.up();
    await expect(input).toHaveAttribute("data-lit", "0,0,1,1", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // 60 steps right: column 60 is 720 px in, past the 576-px frame, so the frame must scroll to show it
  for (let k = 0; k < 60; k++) await page.keyboard.press("ArrowRight");
  await expect(input).toHaveAttribute("data-lit", "0,60,1,61");
  const { lit, view } = await litAndView(input);
  expect(lit[0]).toBeGreaterThanOrEqual(view[0]);
  expect(lit[2]).toBeLessThanOrEqual(view[2]);
});

test("a row strip beside a framed 96×96 map scrolls with it, strip row beside map row, the lit row in view", async ({
  page,
}) => {
  // tutorial 05's first result: a 96×96 map (1152 px at 12 px a cell) and its 96×1 row means, both framed
  const panel = await openNotebook(page, "en/05-strip-pooling.ipynb");
  const item = panel.locator(".jp-PoolscopeTensor").first().locator(".jp-PoolscopeTensor-item").first();
  const map = item.locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  const strip = item.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(strip).toHaveAttribute("data-rows", "96");
  await expect(map).toHaveAttribute("data-framed", "true");
  await expect(strip).toHaveAttribute("data-framed", "true");
  const [mapFrame, stripFrame] = [map, strip].map((s) => s.locator("xpath=.."));
  const scrollTop = (f: Locator): Promise<number> => f.evaluate((e) => e.scrollTop);
  // the reader scrolls the strip to its end: the map follows, to the same offset
  await stripFrame.evaluate((e) => e.scrollTo({ top: e.scrollHeight }));
  await expect.poll(() => scrollTop(mapFrame)).toBeGreaterThan(0);
  expect(await scrollTop(mapFrame)).toBe(await scrollTop(stripFrame));
  expect(Math.abs((await rowTop(map, 90)) - (await rowTop(strip, 90)))).toBeLessThan(1);
  // hovering strip row 90 lights map row 90, in view
  await whileHovering(strip, 90, 0, async () => {
    await expect(map).toHaveAttribute("data-lit", "90,0,91,96");
    const { lit, view } = await litAndView(map);
    expect(lit[1]).toBeGreaterThanOrEqual(view[1]);
    expect(lit[3]).toBeLessThanOrEqual(view[3]);
  });
});

test("a 168-feature SPP vector wraps into rows of 32 with readable indices, cells hoverable", async ({ page }) => {
  const v = (await views(page)).nth(4);
  const vector = v.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(vector).toHaveAttribute("data-wrap", "32");
  await expect(vector).toHaveAttribute("data-cols", "168");
  const cell = await cellPx(vector);
  expect(cell.w).toBeGreaterThanOrEqual(12);
  expect(cell.h).toBeGreaterThanOrEqual(12);
  const box = (await vector.locator("canvas.jp-PoolscopeTensor-canvas").boundingBox())!;
  expect(box.height).toBeCloseTo(6 * cell.h, 0); // ⌈168 / 32⌉ rows
  // feature 100 is drawn on row 3, column 4; hovering it names feature 100
  const readout = v.locator(".jp-PoolscopeTensor-readout");
  await whileHovering(vector, 0, 100, async () => {
    await expect(readout).toHaveText(/^output \[0, 100\] = \d\.\d{1,4}$/);
    await expect(v.locator(".jp-PoolscopeTensor-formula")).toContainText("feature 100 = level 3 (4×4)");
  });

  // the level toggles say which level is drawn: the finest by default, the clicked one after a click
  const levels = v.locator(".jp-PoolscopeTensor-level");
  await expect(levels).toHaveCount(3);
  await expect(levels.nth(2)).toHaveAttribute("aria-pressed", "true");
  await expect(levels.nth(0)).toHaveAttribute("aria-pressed", "false");
  await levels.nth(0).click();
  await expect(levels.nth(0)).toHaveAttribute("aria-pressed", "true");
  await expect(levels.nth(2)).toHaveAttribute("aria-pressed", "false");
});

test("a plane prints its numbers in every cell or in none; the numbers toggle makes them fit", async ({ page }) => {
  const v = await views(page);
  // the 8×8 pooled plane: every cell has its number; the 89×89 input none
  const output = v.nth(0).locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await expect(output).toHaveAttribute("data-labels", "all");
  expect(await cellsWithText(output)).toEqual({ inked: 64, cells: 64 });
  const input = v.nth(0).locator(".jp-mod-input .jp-PoolscopeTensor-stage");
  await expect(input).toHaveAttribute("data-labels", "none");
  expect((await cellsWithText(input)).inked).toBe(0);

  // the 20×20 map of quarters at 12 px: "0.25" fits no cell, so none shows (before, the zeros alone did)
  const quarters = v.nth(2);
  const stage = quarters.locator(".jp-PoolscopeTensor-stage");
  await expect(stage).toHaveAttribute("data-labels", "none");
  expect((await cellsWithText(stage)).inked).toBe(0);
  const toggle = quarters.locator(".jp-PoolscopeTensor-numbers");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  const toggled = quarters.locator(".jp-PoolscopeTensor-numbers");
  await expect(toggled).toHaveAttribute("aria-pressed", "true");
  const grown = quarters.locator(".jp-PoolscopeTensor-stage");
  await expect(grown).toHaveAttribute("data-labels", "all");
  expect(Number(await grown.getAttribute("data-zoom"))).toBeGreaterThan(12);
  expect(await cellsWithText(grown)).toEqual({ inked: 400, cells: 400 });
  await quarters.screenshot({ path: "test/artifacts/legibility-numbers.png" });
  await quarters.locator(".jp-PoolscopeTensor-numbers").click();
  await expect(quarters.locator(".jp-PoolscopeTensor-stage")).toHaveAttribute("data-labels", "none");
});

test("channels 50× apart get a scale each, the view says why, the legend shows the hovered channel's range", async ({
  page,
}) => {
  const v = (await views(page)).nth(3);
  const scale = v.locator(".jp-PoolscopeTensor-scale");
  await expect(scale).toHaveText("scale: per channel");
  await expect(scale).toHaveAttribute("aria-pressed", "true");
  await expect(v.locator(".jp-PoolscopeTensor-scaleWhy")).toHaveText(
    /^\(chosen from the data: per channel, as channel 0 spans 1\/\d+ of the shared range\)$/,
  );
  const stages = v.locator(".jp-PoolscopeTensor-stage");
  const legend = v.locator(".jp-PoolscopeTensor-legend");
  const range = async (l: Locator): Promise<[number, number]> => [
    Number(await l.getAttribute("data-lo")),
    Number(await l.getAttribute("data-hi")),
  ];
  const c0 = [
    Number(await stages.nth(0).getAttribute("data-scale-lo")),
    Number(await stages.nth(0).getAttribute("data-scale-hi")),
  ];
  const c1 = [
    Number(await stages.nth(1).getAttribute("data-scale-lo")),
    Number(await stages.nth(1).getAttribute("data-scale-hi")),
  ];
  expect(c1[1]).toBeGreaterThan(10 * c0[1]);
  // before any hover: the first channel's range, saying so; never the global one
  await expect(legend).toHaveAttribute("data-scope", /first plane's range/);
  expect(await range(legend)).toEqual(c0);
  await hoverCell(stages.nth(1), 2, 2);
  await expect(legend).toHaveAttribute("data-scope", /this plane's range \(n=0 c=1\)/);
  expect(await range(legend)).toEqual(c1);
  const ticks = v.locator(".jp-PoolscopeTensor-tick");
  await expect(ticks.last()).not.toHaveText(/^0\.9/);
  await hoverCell(stages.nth(0), 2, 2);
  expect(await range(legend)).toEqual(c0);
  await expect(ticks.last()).toHaveText(/^0\.9/);

  // the reader's choice: shared, said so, the toggle released, the legend on the one range
  await scale.click();
  const shared = v.locator(".jp-PoolscopeTensor-scale");
  await expect(shared).toHaveText("scale: shared");
  await expect(shared).toHaveAttribute("aria-pressed", "false");
  await expect(v.locator(".jp-PoolscopeTensor-scaleWhy")).toHaveText("(your choice)");
  const one = await range(v.locator(".jp-PoolscopeTensor-legend"));
  expect(one[1]).toBe(c1[1]);
});

test("read-outs print the formulas' digits; the saved PNG has no toolbar band", async ({ page }) => {
  const v = (await views(page)).nth(0);
  const output = v.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  const readout = v.locator(".jp-PoolscopeTensor-readout");
  const formula = v.locator(".jp-PoolscopeTensor-formula");
  await whileHovering(output, 0, 0, async () => {
    await expect(readout).toHaveText(/^output \[0, 0, 0, 0\] = \d\.\d{1,4}$/);
    const value = (await readout.textContent())!.split(" = ")[1];
    // the formula ends with the same value in the same format: "(…) / 121 = 0.5022"
    await expect(formula).toHaveText(new RegExp(` = ${value.replace(".", "\\.")}$`));
  });

  const play = v.locator(".jp-PoolscopeTensor-play");
  await expect(play).toHaveAttribute("aria-pressed", "false");
  await expect(v.locator(".jp-PoolscopeTensor-coverage")).toHaveAttribute("aria-pressed", "false");

  await page.mouse.move(0, 0);
  const [download] = await Promise.all([page.waitForEvent("download"), v.locator(".jp-PoolscopeTensor-save").click()]);
  const path = "test/artifacts/legibility-saved.png";
  await download.saveAs(path);
  const png = decode(readFileSync(path));
  const viewBox = (await v.boundingBox())!;
  const band = await v.evaluate((e) => {
    const t = e.querySelector(".jp-PoolscopeTensor-toolbar")!.getBoundingClientRect();
    const next = e.querySelector(".jp-PoolscopeTensor-toolbar")!.nextElementSibling!.getBoundingClientRect();
    return next.top - t.top;
  });
  expect(band).toBeGreaterThan(10);
  expect(png.height).toBe(Math.ceil(viewBox.height - band));
});
