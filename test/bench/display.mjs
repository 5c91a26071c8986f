// `npm run bench:display`: what showing a result costs, as a notebook cell pays it. For tensors of 2^16, 2^18
// and 2^20 values (randn, the worst case for compression and quantisation), and a traced maxPool2d of each
// (W1's op, 3×3 s2 p1), the time of toDisplayBundle (first call in the process, then the median of warm calls)
// and the bytes it puts into the notebook (the bundle as JSON, as Jupyter saves it), split by part. Reports,
// never asserts; writes its section of test/bench/RESULTS.md ("display", see results.mjs). Needs `npm run build`
// first. Env: BENCH_RUNS (warm calls per case, default 9).
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import * as ps from "../../dist/index.js";
import { TENSOR_MIME } from "../../dist/wire/payload.js";
import { writeSection } from "./results.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const W1 = { kernelSize: 3, stride: 2, padding: 1 };

const CASES = [
  ["2^16", [1, 16, 64, 64]],
  ["2^18", [1, 64, 64, 64]],
  ["2^20", [1, 64, 128, 128]],
  ["W1 input (802816)", [1, 64, 112, 112]],
  ["2^20, one plane", [1, 1, 1024, 1024]],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n) => (n / 1e6).toFixed(3);

function measure(make) {
  const times = [];
  let bundle = null;
  for (let r = 0; r <= RUNS; r++) {
    globalThis.gc?.();
    const t0 = performance.now();
    bundle = make();
    times.push(performance.now() - t0);
  }
  const json = JSON.stringify(bundle);
  const payload = JSON.stringify(bundle[TENSOR_MIME]);
  return {
    first: times[0],
    warm: median(times.slice(1)),
    bytes: Buffer.byteLength(json),
    payload: Buffer.byteLength(payload),
    png: bundle["image/png"].length,
  };
}

const loadBefore = loadavg();
const rows = [];
for (const [label, shape] of CASES) {
  const x = ps.randn(shape);
  const traced = ps.maxPool2d(x, { ...W1, trace: true });
  rows.push([`${label} [${shape.join("×")}]`, "plain", measure(() => x[ps.JUPYTER_DISPLAY]())]);
  rows.push([`${label} [${shape.join("×")}]`, "traced maxPool2d", measure(() => traced[ps.JUPYTER_DISPLAY]())]);
}

const load = (l) => l.map((v) => v.toFixed(2)).join(" / ");
const lines = [
  "### Display bundle (`npm run bench:display`)",
  "",
  `toDisplayBundle via [JUPYTER_DISPLAY], randn values, first call in the process then the median of ${RUNS} warm calls; ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} logical CPUs, load average (1/5/15 min) before ${load(loadBefore)}, after ${load(loadavg())}.`,
  "",
  "| tensor | what | first call ms | warm median ms | bundle MB (JSON) | payload MB | PNG MB (base64) |",
  "|---|---|---|---|---|---|---|",
  ...rows.map(
    ([label, what, m]) =>
      `| ${label} | ${what} | ${m.first.toFixed(1)} | ${m.warm.toFixed(1)} | ${mb(m.bytes)} | ${mb(m.payload)} | ${mb(m.png)} |`,
  ),
];
console.log(lines.join("\n"));
writeSection("display", lines);
