/**
 * Driving the renderer's planes by the state they publish, never by time: a stage says its own geometry
 * (data-zoom, data-margin-top/left, data-rows/cols), which cell it has drawn as hovered (data-hover) and which
 * marks it has drawn (data-marks). Hovers are re-measured on every try, because a notebook that is still
 * laying out cells above can move a plane under a resting mouse (Chromium then sends a mousemove of its own).
 */
import { expect, type Locator } from "@playwright/test";

/** Cells of a plane, in its own coordinates (negative rows/columns lie in the padding margin). */
export interface Cells {
  i: number;
  j: number;
  h?: number;
  w?: number;
}

/**
 * Moves the mouse to the centre of plane cell (i, j) and waits until the plane has drawn that hover. A wrapped
 * plane (data-wrap cells a row: a long vector) draws cell (i, j) at row i·⌈cols / wrap⌉ + ⌊j / wrap⌋, column
 * j mod wrap; a framed plane (larger than 576 px) is scrolled first to bring the cell into its view.
 */
export async function hoverCell(stage: Locator, i: number, j: number): Promise<void> {
  const page = stage.page();
  await expect(async () => {
    await stage.scrollIntoViewIfNeeded();
    const g = await stage.evaluate((s: HTMLElement) => ({
      zoom: Number(s.dataset.zoom),
      // a widened strip's cells are wider (or taller) than data-zoom
      zx: Number(s.dataset.zoomX || s.dataset.zoom),
      zy: Number(s.dataset.zoomY || s.dataset.zoom),
      top: Number(s.dataset.marginTop),
      left: Number(s.dataset.marginLeft),
      wrap: Number(s.dataset.wrap || 0),
      cols: Number(s.dataset.cols),
    }));
    expect(g.zoom).toBeGreaterThan(0);
    const [r, c] = g.wrap > 0 ? [i * Math.ceil(g.cols / g.wrap) + Math.floor(j / g.wrap), j % g.wrap] : [i, j];
    // a plane larger than its scrolling frame (data-framed): scroll the frame as a reader would, the cell to its
    // middle, so the pointer can reach it
    await stage.evaluate(
      (s: HTMLElement, p) => {
        const frame = s.dataset.framed ? s.closest<HTMLElement>(".jp-PoolscopeTensor-frame") : null;
        if (!frame) return;
        frame.scrollLeft = Math.max(0, (p.c + p.left + 0.5) * p.zx - frame.clientWidth / 2);
        frame.scrollTop = Math.max(0, (p.r + p.top + 0.5) * p.zy - frame.clientHeight / 2);
      },
      { r, c, ...g },
    );
    const b = (await stage.boundingBox())!;
    const x = b.x + (c + g.left + 0.5) * g.zx;
    const y = b.y + (r + g.top + 0.5) * g.zy;
    // a step off and back, so a retry at the same spot is a real move
    await page.mouse.move(x + 1, y + 1);
    await page.mouse.move(x, y);
    await expect(stage).toHaveAttribute("data-hover", `${i},${j}`, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Hovers plane cell (i, j) and runs `check` while that hover is drawn; when the hover is lost meanwhile (the
 * layout moved), hovers again and re-runs the whole check, so every assertion in it sees the same hover.
 */
export async function whileHovering(stage: Locator, i: number, j: number, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await hoverCell(stage, i, j);
    await check();
    await expect(stage).toHaveAttribute("data-hover", `${i},${j}`, { timeout: 100 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Opaque pixels of a stage's marks layer over the given cells (the layer's own geometry: the stage's zoom and
 * margin, the canvas's device-pixel scale). Fails when the layer is missing: "no ink" must not pass because
 * nothing could be drawn.
 */
export async function inkIn(stage: Locator, cells: Cells): Promise<number> {
  return stage.evaluate((s: HTMLElement, c) => {
    const canvas = s.querySelector<HTMLCanvasElement>("canvas.jp-PoolscopeTensor-marks");
    if (!canvas) throw new Error(`no marks layer on this plane (its marks: "${s.dataset.marks}")`);
    const zoom = Number(s.dataset.zoom);
    const scale = canvas.width / parseFloat(canvas.style.width);
    const x = Math.round((c.j + Number(s.dataset.marginLeft)) * zoom * scale);
    const y = Math.round((c.i + Number(s.dataset.marginTop)) * zoom * scale);
    const w = Math.round((c.w ?? 1) * zoom * scale);
    const h = Math.round((c.h ?? 1) * zoom * scale);
    const d = canvas.getContext("2d")!.getImageData(x, y, w, h).data;
    let n = 0;
    for (let k = 3; k < d.length; k += 4) if (d[k] > 0) n++;
    return n;
  }, cells);
}

/**
 * Nothing drawn over the given cells: either the plane has never had a mark (no layer, and it says it has no
 * marks), or its layer is clear there.
 */
export async function expectDark(stage: Locator, cells: Cells): Promise<void> {
  const hasLayer = (await stage.locator("canvas.jp-PoolscopeTensor-marks").count()) > 0;
  if (!hasLayer) await expect(stage).toHaveAttribute("data-marks", "");
  else expect(await inkIn(stage, cells)).toBe(0);
}

/**
 * RGBA of the marks layer at a point given in cell units (cell i spans [i, i + 1)), over a (2r+1)² device-pixel
 * square around it: every pixel's colour, to check a dot drawn there.
 */
export async function marksAround(stage: Locator, i: number, j: number, r: number): Promise<number[][]> {
  return stage.evaluate(
    (s: HTMLElement, p) => {
      const canvas = s.querySelector<HTMLCanvasElement>("canvas.jp-PoolscopeTensor-marks");
      if (!canvas) throw new Error("no marks layer on this plane");
      const zoom = Number(s.dataset.zoom);
      const scale = canvas.width / parseFloat(canvas.style.width);
      const x = Math.round((p.j + Number(s.dataset.marginLeft)) * zoom * scale);
      const y = Math.round((p.i + Number(s.dataset.marginTop)) * zoom * scale);
      const d = canvas.getContext("2d")!.getImageData(x - p.r, y - p.r, 2 * p.r + 1, 2 * p.r + 1).data;
      const out: number[][] = [];
      for (let k = 0; k < d.length; k += 4) out.push([d[k], d[k + 1], d[k + 2], d[k + 3]]);
      return out;
    },
    { i, j, r },
  );
}

/** Sum of the marks layer's RGBA bytes over the given cells: equal sums mean the same was drawn there. */
export async function pixelSum(stage: Locator, cells: Cells): Promise<number> {
  return stage.evaluate((s: HTMLElement, c) => {
    const canvas = s.querySelector<HTMLCanvasElement>("canvas.jp-PoolscopeTensor-marks");
    if (!canvas) throw new Error("no marks layer on this plane");
    const zoom = Number(s.dataset.zoom);
    const scale = canvas.width / parseFloat(canvas.style.width);
    const px = (cellsAcross: number): number => Math.round(cellsAcross * zoom * scale);
    return canvas
      .getContext("2d")!
      .getImageData(
        px(c.j + Number(s.dataset.marginLeft)),
        px(c.i + Number(s.dataset.marginTop)),
        px(c.w ?? 1),
        px(c.h ?? 1),
      )
      .data.reduce((a, b) => a + b, 0);
  }, cells);
}
