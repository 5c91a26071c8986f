/**
 * From running a cell to its output painted, in JupyterLab and Chromium with the poolscope kernel, as a learner
 * presses Shift+Enter: `1 + 1`, a small tensor, a 2^20-value tensor and a traced maxPool2d of it (W1's op). The
 * tensors are made in a set-up cell, so the timed cells are what showing costs (kernel: bundle, JSON, ZeroMQ;
 * server; browser: parse, decode, draw). Each cell runs RUNS times; the clock starts in the page when the run
 * command is issued and stops after the frame that paints the output (rAF, then a posted message). Prints
 * medians and writes them into its section of test/bench/RESULTS.md ("cells", see results.mjs); asserts nothing
 * (issue 15's goals: ≤ 40 ms `1 + 1`, ≤ 150 ms small tensor, ≤ 400 ms traced 2^20 pooling). Last, `1 + 1` on
 * ipykernel in the same page and server, whose kernel takes ~4 ms of it: what the page and the server cost any
 * kernel.
 */
import { cpus, loadavg } from "node:os";
import { test, type Page } from "@playwright/test";
import { openNotebook } from "../browser/lab.js";
import { writeSection } from "./results.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const SETUP = [
  "const small = randn([1, 2, 8, 8], { seed: 1 });",
  "const big = randn([1, 64, 128, 128], { seed: 2 }); // 2^20 values",
  "const w1 = { kernelSize: 3, stride: 2, padding: 1 };",
  "1 + 1",
].join("\n");

const CASES: { name: string; source: string; tensor: boolean }[] = [
  { name: "1 + 1", source: "1 + 1", tensor: false },
  { name: "small tensor [1×2×8×8]", source: "small", tensor: true },
  { name: "2^20-value tensor [1×64×128×128]", source: "big", tensor: true },
  { name: "traced maxPool2d of it (3×3 s2 p1)", source: "maxPool2d(big, { ...w1, trace: true })", tensor: true },
];

interface Panel {
  content: { activeCellIndex: number; widgets: { node: HTMLElement }[] };
  sessionContext: { session: { kernel: { status: string } | null } | null };
}

/** Runs cell k once; ms from the run command to the end of the frame that paints its output. */
async function timeCell(page: Page, k: number, tensor: boolean): Promise<number> {
  return page.evaluate(
    async ({ k, tensor }) => {
      const app = window.jupyterapp as unknown as {
        shell: { currentWidget: Panel };
        commands: { execute(id: string): Promise<unknown> };
      };
      const panel = app.shell.currentWidget;
      panel.content.activeCellIndex = k;
      await app.commands.execute("notebook:clear-cell-output");
      const node = panel.content.widgets[k].node;
      const painted = (): boolean =>
        tensor
          ? node.querySelector(".jp-PoolscopeTensor canvas") !== null
          : (node.querySelector(".jp-OutputArea-output")?.textContent ?? "").trim() === "2";
      const idle = (): boolean => panel.sessionContext.session?.kernel?.status === "idle";
      // the previous run's output gone and the kernel idle: nothing of it is left to wait for
      while (painted() || !idle()) await new Promise((r) => setTimeout(r, 5));
      const t0 = performance.now();
      void app.commands.execute("notebook:run-cell");
      await new Promise<void>((resolve) => {
        const check = (): void => {
          if (painted()) {
            observer.disconnect();
            resolve();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(node, { childList: true, subtree: true, characterData: true });
        check();
      });
      // the next frame's rAF runs before its style, layout and paint; a message posted from it runs after them
      await new Promise<void>((res) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => res();
          ch.port2.postMessage(null);
        }),
      );
      return performance.now() - t0;
    },
    { k, tensor },
  );
}

test("cell timings", async ({ page, request }) => {
  test.setTimeout(600_000);
  const cell = (source: string, k: number) => ({
    cell_type: "code",
    id: `cell${k}`,
    execution_count: null,
    metadata: {},
    source,
    outputs: [],
  });
  const notebook = (sources: string[], kernelspec: object) => ({
    type: "notebook",
    format: "json",
    content: { cells: sources.map(cell), metadata: { kernelspec }, nbformat: 4, nbformat_minor: 5 },
  });
  const poolscope = { name: "poolscope", display_name: "TypeScript (poolscope)", language: "typescript" };
  const python = { name: "python3", display_name: "Python 3 (ipykernel)", language: "python" };
  await request.put("/api/contents/bench-cell.ipynb", {
    data: notebook([SETUP, ...CASES.map((c) => c.source)], poolscope),
  });
  await request.put("/api/contents/bench-cell-python.ipynb", { data: notebook(["1 + 1"], python) });
  await openNotebook(page, "bench-cell.ipynb");
  // the set-up cell, which also waits out the kernel's start-up and warm-up
  await timeCell(page, 0, false);
  const load = (l: number[]): string => l.map((v) => v.toFixed(2)).join(" / ");
  const before = loadavg();
  const lines: string[] = [];
  const rows: string[] = [];
  const report = async (what: string, name: string, k: number, tensor: boolean): Promise<void> => {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) times.push(await timeCell(page, k, tensor));
    const sorted = [...times].sort((a, b) => a - b);
    const [median, lo, hi] = [sorted[Math.floor(sorted.length / 2)], sorted[0], sorted[sorted.length - 1]];
    const ms = (v: number): string => v.toFixed(0);
    lines.push(`${name}: median ${ms(median)} ms (${ms(lo)}–${ms(hi)}), first run ${ms(times[0])} ms`);
    rows.push(`| ${what} | ${ms(median)} ms | ${ms(lo)}–${ms(hi)} ms | ${ms(times[0])} ms |`);
  };
  for (const [i, c] of CASES.entries()) {
    await report(c.source === c.name ? `\`${c.source}\`` : `${c.name}: \`${c.source}\``, c.name, i + 1, c.tensor);
  }
  // the same `1 + 1` on ipykernel, after one untimed run (its first cell imports more than a warm one)
  await openNotebook(page, "bench-cell-python.ipynb", python.display_name);
  await timeCell(page, 0, false);
  await report("`1 + 1` on ipykernel (for comparison)", "1 + 1 on ipykernel", 0, false);
  console.log(`cell benchmark, run command to output painted (${RUNS} runs, Chromium)\n  ${lines.join("\n  ")}`);
  writeSection("cells", [
    "### Cells in JupyterLab (`npm run bench:cell`)",
    "",
    `Run command to output painted, ${RUNS} runs each, JupyterLab 4 in Chromium (Playwright); ${new Date().toISOString()}, ${cpus().length} logical CPUs, load average (1/5/15 min) before ${load(before)}, after ${load(loadavg())}.`,
    "",
    "| cell | median | range | first run |",
    "|---|---|---|---|",
    ...rows,
  ]);
});
