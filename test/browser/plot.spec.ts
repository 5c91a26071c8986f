/**
 * plot(...) in JupyterLab: drawn by JupyterLab's own Vega-Lite renderer (vega-embed; the spec asks it for SVG),
 * never by the kernel's SVG fallback nor by poolscope's renderer; from the fixture's saved outputs (the notebook
 * is untrusted: the Vega renderer is a safe one) and again after the cells re-run in this kernel.
 */
import { command, expect, openNotebook, test } from "./lab.js";
import type { Locator, Page } from "@playwright/test";

const FIXTURE = "fixtures/plot.ipynb";

async function cellTrusted(page: Page, index: number): Promise<boolean> {
  return page.evaluate((i) => {
    type Shell = { currentWidget: { context: { model: { cells: { get(i: number): { trusted: boolean } } } } } };
    return (window.jupyterapp as unknown as { shell: Shell }).shell.currentWidget.context.model.cells.get(i).trusted;
  }, index);
}

/** The two Vega-Lite plots of the fixture, as vega drew them in the page. */
async function checkPlots(panel: Locator): Promise<void> {
  const plots = panel.locator(".jp-RenderedVegaLite");
  await expect(plots).toHaveCount(2, { timeout: 60_000 });
  // the line plot: two series, a point at each of their ten values, the titles as text, a log y axis
  const line = plots.nth(0).locator("svg.marks");
  await expect(line.locator('[aria-roledescription="line mark container"]')).toHaveCount(2, { timeout: 30_000 });
  await expect(line.locator('path[aria-roledescription="point"]')).toHaveCount(10);
  await expect(line.locator('path[aria-label="pool size: 3; error: 0.3; series: avg"]')).toHaveCount(1);
  await expect(line.locator(".role-title-text text")).toHaveText("Translation invariance");
  await expect(line.locator(".role-axis-title text")).toHaveText(["pool size", "error"]);
  await expect(line.locator(".role-legend-label text")).toHaveText(["max", "avg"]);
  await expect(line.locator('[aria-roledescription="axis"]').nth(1)).toHaveAttribute("aria-label", /for a log scale/);
  // the bar plot (from display() mid-cell): one bar per category, in the order given
  const bars = plots.nth(1).locator("svg.marks");
  await expect(bars.locator('path[aria-roledescription="bar"]')).toHaveCount(4);
  await expect(bars.locator(".role-axis-label").first().locator("text")).toHaveText(["conv1", "pool1", "conv2", "fc"]);
  // JupyterLab chose the Vega-Lite type of these outputs, not the kernel's SVG fallback beside it
  const outputs = panel.locator(".jp-OutputArea-output");
  for (const k of [0, 1]) {
    await expect(outputs.nth(k)).toHaveClass(/\bjp-RenderedVegaLite\b/);
    await expect(outputs.nth(k)).not.toHaveClass(/\bjp-RenderedSVG\b/);
  }
}

test("saved plots render through JupyterLab's Vega-Lite renderer in an untrusted notebook", async ({ page }) => {
  const panel = await openNotebook(page, FIXTURE);
  await checkPlots(panel);
  expect(await cellTrusted(page, 1)).toBe(false);
  // an output with only the SVG and the text (a front end without Vega): untrusted, JupyterLab will not show
  // SVG (its SVG renderer is unsafe) and shows the text line instead
  const svgOnly = panel.locator(".jp-OutputArea-output").nth(2);
  await expect(svgOnly).toHaveAttribute("data-mime-type", "text/plain");
  await expect(svgOnly).toHaveText('plot(scatter) "SVG only": 3 points; x [0, 2], y [1, 3]');
  await page.screenshot({ path: "test/artifacts/plot-untrusted.png", fullPage: true });
});

test("plots a cell makes now render through the same renderer; a trusted SVG fallback shows too", async ({
  page,
  request,
}) => {
  // a copy, saved at the end, so the fixture itself stays untrusted for the test above
  const copy = await (await request.post("/api/contents/fixtures", { data: { copy_from: FIXTURE } })).json();
  const panel = await openNotebook(page, copy.path);
  await expect(panel.locator(".jp-RenderedVegaLite")).toHaveCount(2, { timeout: 60_000 });
  await command(page, "notebook:clear-all-cell-outputs");
  await expect(panel.locator(".jp-RenderedVegaLite")).toHaveCount(0);
  await command(page, "notebook:run-all-cells");
  await checkPlots(panel);
  expect(await cellTrusted(page, 1)).toBe(true);
  // trusted now, the SVG-only output is drawn as the image it is
  const svgOnly = panel.locator(".jp-OutputArea-output").nth(2);
  await expect(svgOnly).toHaveAttribute("data-mime-type", "image/svg+xml", { timeout: 30_000 });
  const image = svgOnly.locator("img");
  await expect(image).toHaveJSProperty("complete", true);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await page.screenshot({ path: "test/artifacts/plot-rerun.png", fullPage: true });

  // saved, each plot keeps the kernel's three types, and JupyterLab's Vega renderer has added its own PNG
  await command(page, "docmanager:save");
  await expect(async () => {
    const saved = await (await request.get(`/api/contents/${copy.path}?content=1`)).json();
    type Cell = { outputs?: { data?: Record<string, unknown> }[] };
    const kinds = (saved.content.cells as Cell[])
      .filter((c) => c.outputs !== undefined)
      .map((c) => Object.keys(c.outputs![0].data ?? {}).sort());
    expect(kinds).toEqual([
      ["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/plain"],
      ["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/plain"],
      ["image/svg+xml", "text/plain"],
    ]);
  }).toPass({ timeout: 30_000 });
});
