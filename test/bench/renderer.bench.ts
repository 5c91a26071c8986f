/**
 * Measures the renderer in Chromium and prints the numbers; it asserts nothing (timings depend on the machine).
 * Targets from issue 4: a 1024×1024 heatmap drawn in ≤ 30 ms, a 64×112×112 channel grid in ≤ 200 ms, the hover
 * read-out within one frame. A notebook with saved outputs is uploaded through the contents API; a view's
 * synchronous redraw (decode, colour, canvases, DOM) is timed via its scale toggle, then to the end of the next
 * frame's rendering work (rAF, then a posted message), with vsync off (renderer.config.ts).
 */
import { test, type Page } from "@playwright/test";
import { encodeTensorPayload, TENSOR_MIME } from "../../dist/wire/payload.js";
import { openNotebook } from "../browser/lab.js";

function output(shape: number[], seed: number): object {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(n);
  let s = seed;
  for (let k = 0; k < n; k++) {
    s = (s * 1103515245 + 12345) >>> 0;
    values[k] = (s / 2 ** 32) * 2 - 1;
  }
  return {
    output_type: "display_data",
    metadata: {},
    data: { [TENSOR_MIME]: encodeTensorPayload(shape, values, `bench ${shape.join("×")}`), "text/plain": "bench" },
  };
}

const CASES: [string, number[]][] = [
  ["1024×1024 heatmap", [1, 1, 1024, 1024]],
  ["64×112×112 channel grid", [1, 64, 112, 112]],
];

async function timeRedraw(page: Page, k: number): Promise<{ sync: number; frame: number }> {
  return page.evaluate(async (k) => {
    const view = document.querySelectorAll<HTMLElement>(".jp-NotebookPanel .jp-PoolscopeTensor")[k];
    const runs: { sync: number; frame: number }[] = [];
    for (let r = 0; r < 6; r++) {
      const t0 = performance.now();
      view.querySelector<HTMLButtonElement>(".jp-PoolscopeTensor-scale")!.click(); // per channel, then shared
      const t1 = performance.now();
      // the next frame's rAF runs before its style, layout and paint; a message posted from it runs after them
      await new Promise<void>((res) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => res();
          ch.port2.postMessage(null);
        }),
      );
      if (r % 2 === 1) runs.push({ sync: t1 - t0, frame: performance.now() - t0 });
    }
    runs.sort((a, b) => a.sync - b.sync);
    return runs[Math.floor(runs.length / 2)];
  }, k);
}

async function timeHover(page: Page, k: number): Promise<number> {
  return page.evaluate((k) => {
    const view = document.querySelectorAll<HTMLElement>(".jp-NotebookPanel .jp-PoolscopeTensor")[k];
    const stage = view.querySelector<HTMLElement>(".jp-PoolscopeTensor-stage")!;
    const r = stage.getBoundingClientRect();
    const times: number[] = [];
    for (let q = 0; q < 50; q++) {
      const t0 = performance.now();
      stage.dispatchEvent(
        new MouseEvent("mousemove", { bubbles: true, clientX: r.left + 1 + (q % 7), clientY: r.top + 1 + (q % 5) }),
      );
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  }, k);
}

test("renderer timings", async ({ page, request }) => {
  test.setTimeout(300_000);
  const cells = CASES.map(([, shape], k) => ({
    cell_type: "code",
    id: `bench${k}`,
    execution_count: null,
    metadata: {},
    source: "",
    outputs: [output(shape, k + 1)],
  }));
  const content = {
    cells,
    metadata: { kernelspec: { name: "poolscope", display_name: "TypeScript (poolscope)", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  await request.put("/api/contents/bench-renderer.ipynb", { data: { type: "notebook", format: "json", content } });
  await openNotebook(page, "bench-renderer.ipynb");
  await page.locator(".jp-NotebookPanel .jp-PoolscopeTensor").nth(1).waitFor({ timeout: 120_000 });
  const lines: string[] = [];
  for (const [k, [name]] of CASES.entries()) {
    await page.locator(".jp-NotebookPanel .jp-PoolscopeTensor").nth(k).scrollIntoViewIfNeeded();
    const t = await timeRedraw(page, k);
    const hover = await timeHover(page, k);
    lines.push(
      `${name}: draw ${t.sync.toFixed(1)} ms (to painted frame ${t.frame.toFixed(1)} ms), hover read-out ${hover.toFixed(2)} ms`,
    );
  }
  console.log(`renderer benchmark (median, Chromium)\n  ${lines.join("\n  ")}`);
});
