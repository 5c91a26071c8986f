// `npm run bench`: workloads W1–W6 of issues 7 and 15 (see /work/shared/research/perf.md), poolscope against
// TensorFlow.js (wasm SIMD and cpu backends) in one process, interleaved in blocks, medians, ratios and GB/s.
// First the plain call, as a notebook cell makes it (`x = tensor(data, shape)` once, then `maxPool2d(x, opts)`
// returning a new tensor; TF.js's op inside tf.tidy), then a conv2d → relu → maxPool2d → SPP chain, then the
// expert path (input resident, `out` preallocated). Writes its section of test/bench/RESULTS.md ("pooling", see
// results.mjs) with the machine it ran on; the other benches' sections are left as they are.
// Needs `npm run build` first. Env: BENCH_ROUNDS (default 7), BENCH_BLOCK (calls per block, default 5),
// BENCH_WL (e.g. "W1,W3"; "none" skips the workloads), BENCH_CHAIN=0 skips the chain, BENCH_EXPERT=0 the expert table.
import { cpus, loadavg, totalmem } from "node:os";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { performance } from "node:perf_hooks";
import * as ps from "../../dist/index.js";
import { setBackend } from "../../dist/core/backend.js";
import { allocFloats } from "../../dist/backend/wasm/runtime.js";
import { setThreads } from "../../dist/backend/wasm/workers.js";
import { ceilingSection, measureCeiling } from "./ceiling.mjs";
import { RESULTS, writeSection } from "./results.mjs";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

const require = createRequire(import.meta.url);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const BLOCK = Number(process.env.BENCH_BLOCK ?? 5);
const ONLY = process.env.BENCH_WL ? process.env.BENCH_WL.split(",") : null;
const CHAIN = process.env.BENCH_CHAIN !== "0";
const EXPERT = process.env.BENCH_EXPERT !== "0";

const wasmDir = dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm"));
setWasmPaths(`${wasmDir}/`);
await tf.setBackend("wasm");
await tf.ready();
const simd = tf.env().getBool("WASM_HAS_SIMD_SUPPORT");
const threadsFlag = tf.env().getBool("WASM_HAS_MULTITHREAD_SUPPORT");
await tf.setBackend("cpu");

// deterministic randn (Box–Muller over a xorshift generator)
function randn(n, seed) {
  let s = seed >>> 0 || 1;
  const u = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 4294967296;
  };
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  return a;
}

function nchwToNhwc(x, [n, c, h, w]) {
  const y = new Float32Array(x.length);
  for (let b = 0; b < n; b++)
    for (let k = 0; k < c; k++) for (let p = 0; p < h * w; p++) y[(b * h * w + p) * c + k] = x[(b * c + k) * h * w + p];
  return y;
}

const WORKLOADS = [
  {
    id: "W1",
    what: "max 3×3 s2 p1, 1×64×112×112",
    shape: [1, 64, 112, 112],
    ps: (x, out) => ps.maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1, out }),
    plain: (x) => ps.maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1 }),
    tf: (x) => tf.maxPool(x, 3, 2, "same"),
  },
  {
    id: "W2",
    what: "avg 2×2 s2, 1×256×56×56",
    shape: [1, 256, 56, 56],
    ps: (x, out) => ps.avgPool2d(x, { kernelSize: 2, stride: 2, out }),
    plain: (x) => ps.avgPool2d(x, { kernelSize: 2, stride: 2 }),
    tf: (x) => tf.avgPool(x, 2, 2, "valid"),
  },
  {
    id: "W3",
    what: "max 2×2 s2, 8×64×224×224",
    shape: [8, 64, 224, 224],
    ps: (x, out) => ps.maxPool2d(x, { kernelSize: 2, stride: 2, out }),
    plain: (x) => ps.maxPool2d(x, { kernelSize: 2, stride: 2 }),
    tf: (x) => tf.maxPool(x, 2, 2, "valid"),
    threads: true,
  },
  {
    id: "W4",
    what: "global avg, 1×2048×7×7",
    shape: [1, 2048, 7, 7],
    ps: (x, out) => ps.globalAvgPool(x, { out }),
    plain: (x) => ps.globalAvgPool(x),
    tf: (x) => tf.mean(x, [1, 2]),
  },
  {
    id: "W5",
    what: "SPP max {6,3,2,1}, 1×256×13×13",
    shape: [1, 256, 13, 13],
    ps: (x, out) => ps.spatialPyramidPool(x, { levels: [6, 3, 2, 1], out }),
    plain: (x) => ps.spatialPyramidPool(x, { levels: [6, 3, 2, 1] }),
    tf: (x) => tfSpp(x),
  },
  {
    id: "W6",
    what: "SPP max {6,3,2,1}, 1×256×37×53",
    shape: [1, 256, 37, 53],
    ps: (x, out) => ps.spatialPyramidPool(x, { levels: [6, 3, 2, 1], out }),
    plain: (x) => ps.spatialPyramidPool(x, { levels: [6, 3, 2, 1] }),
    tf: (x) => tfSpp(x),
  },
  {
    // not a workload of the issue: the memory ceiling W3 runs against, for reading its 2-worker number
    id: "R",
    what: "read stream: global avg, 8×64×224×224",
    shape: [8, 64, 224, 224],
    ps: (x, out) => ps.globalAvgPool(x, { out }),
    tf: (x) => tf.mean(x, [1, 2]),
    threads: true,
  },
].filter((w) => !ONLY || ONLY.includes(w.id));

// SPP-net rule in tfjs (window ceil(a/n), stride floor(a/n), valid), as perf.md: not the same windows on W6
function tfSpp(x) {
  const [n, h, w] = x.shape;
  const parts = [6, 3, 2, 1].map((l) => {
    const k = [Math.ceil(h / l), Math.ceil(w / l)];
    const s = [Math.floor(h / l), Math.floor(w / l)];
    const y = tf.maxPool(x, k, s, "valid");
    return tf.reshape(tf.transpose(y, [0, 3, 1, 2]), [n, -1]);
  });
  const out = tf.concat(parts, 1);
  for (const p of parts) p.dispose();
  return out;
}

const median = (a) => {
  const s = [...a].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A macrotask turn: lets FinalizationRegistry callbacks (queued by a collection) run, as between two cells. */
const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs `competitors` ({name, setup, run, teardown?}) interleaved: ROUNDS rounds, each one block per competitor
 * (an untimed call, then up to BLOCK timed calls). Before each block the previous one's garbage is collected
 * and the event loop turns once, so outputs dropped in one block are back in the allocator for the next (what
 * happens between notebook cells); within a block nothing is reclaimed. Returns {med, n, perRound} by name.
 */
async function measure(competitors) {
  const samples = Object.fromEntries(competitors.map((k) => [k.name, []]));
  // each round's block median: the 1- and 2-worker blocks of a round run seconds apart, under the same load
  const perRound = Object.fromEntries(competitors.map((k) => [k.name, []]));
  // calls per block: fewer for slow competitors (tfjs-cpu on W3 takes ~1 s a call)
  const block = {};
  for (const k of competitors) {
    await k.setup();
    k.run();
    const t0 = performance.now();
    k.run();
    const dt = performance.now() - t0;
    block[k.name] = Math.max(1, Math.min(BLOCK, Math.floor(300 / Math.max(dt, 1e-3))));
    k.teardown?.();
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const k of competitors) {
      // collect the previous competitor's garbage first (tfjs-cpu leaves hundreds of MB), so that no block pays
      // for another's (with --expose-gc, as `npm run bench` runs it)
      globalThis.gc?.();
      await turn();
      await k.setup();
      k.run(); // untimed
      const mine = [];
      for (let i = 0; i < block[k.name]; i++) {
        const t0 = performance.now();
        k.run();
        mine.push(performance.now() - t0);
      }
      samples[k.name].push(...mine);
      perRound[k.name].push(median(mine));
      k.teardown?.();
    }
  }
  const med = {};
  const n = {};
  for (const k of competitors) {
    med[k.name] = median(samples[k.name]);
    n[k.name] = samples[k.name].length;
  }
  return { med, n, perRound };
}

const diff = (a, b) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

const loadBefore = loadavg();

// 1. The plain call: a tensor made once with tensor(), the op returning a new tensor; TF.js's op in tf.tidy.
const plainResults = [];
for (const wl of WORKLOADS.filter((w) => w.plain)) {
  const size = wl.shape.reduce((p, q) => p * q, 1);
  const data = randn(size, 1234);
  const [n, c, h, w] = wl.shape;
  const nhwc = nchwToNhwc(data, wl.shape);
  setBackend("js");
  const ref = wl.plain(ps.tensor(data, wl.shape));
  setBackend("wasm");
  const x = ps.tensor(data, wl.shape);
  await tf.setBackend("wasm");
  const xTfWasm = tf.tensor4d(nhwc, [n, h, w, c]);
  await tf.setBackend("cpu");
  const xTfCpu = tf.tensor4d(nhwc, [n, h, w, c]);
  const tfTidy = (t) => () => tf.tidy(() => wl.tf(t));
  const agree = diff(wl.plain(x).data, ref.data);
  const m = await measure([
    { name: "poolscope", setup: () => setBackend("wasm"), run: () => wl.plain(x) },
    { name: "tfjs-wasm-simd", setup: () => tf.setBackend("wasm"), run: tfTidy(xTfWasm) },
    { name: "tfjs-cpu", setup: () => tf.setBackend("cpu"), run: tfTidy(xTfCpu) },
  ]);
  xTfWasm.dispose();
  xTfCpu.dispose();
  const row = { id: wl.id, what: wl.what, bytes: (size + ref.size) * 4, agree, ...m };
  plainResults.push(row);
  console.log(formatRow(row, "poolscope"));
}

// 2. A CNN stage as a notebook writes it: conv2d 3×3 (64 → 64, padding 1) → relu → maxPool2d 2×2 → SPP {6,3,2,1}.
let chain = null;
if (CHAIN) {
  const shape = [1, 64, 56, 56];
  const size = shape.reduce((p, q) => p * q, 1);
  const data = randn(size, 99);
  const wData = randn(64 * 64 * 9, 7).map((v) => v / 24);
  setBackend("wasm");
  const x = ps.tensor(data, shape);
  const weight = ps.tensor(wData, [64, 64, 3, 3]);
  const psChain = () =>
    ps.spatialPyramidPool(ps.maxPool2d(ps.relu(ps.conv2d(x, weight, { padding: 1 })), { kernelSize: 2, stride: 2 }), {
      levels: [6, 3, 2, 1],
    });
  // TF.js: NHWC input, HWIO filter
  const nhwc = nchwToNhwc(data, shape);
  const hwio = new Float32Array(wData.length);
  for (let o = 0; o < 64; o++)
    for (let i = 0; i < 64; i++) for (let k = 0; k < 9; k++) hwio[(k * 64 + i) * 64 + o] = wData[(o * 64 + i) * 9 + k];
  const tfInputs = {};
  for (const b of ["wasm", "cpu"]) {
    await tf.setBackend(b);
    tfInputs[b] = { x: tf.tensor4d(nhwc, [1, 56, 56, 64]), w: tf.tensor4d(hwio, [3, 3, 64, 64]) };
  }
  const tfChain = (b) => () =>
    tf.tidy(() => tfSpp(tf.maxPool(tf.relu(tf.conv2d(tfInputs[b].x, tfInputs[b].w, 1, "same")), 2, 2, "valid")));
  // agreement up to the pool (TF.js's SPP-net rule takes other windows on 28×28 than the adaptive bins)
  await tf.setBackend("wasm");
  const tfPooled = tf.tidy(() =>
    tf.transpose(
      tf.maxPool(tf.relu(tf.conv2d(tfInputs.wasm.x, tfInputs.wasm.w, 1, "same")), 2, 2, "valid"),
      [0, 3, 1, 2],
    ),
  );
  const tfValues = tfPooled.dataSync();
  tfPooled.dispose();
  const mine = ps.maxPool2d(ps.relu(ps.conv2d(x, weight, { padding: 1 })), { kernelSize: 2, stride: 2 }).data;
  chain = {
    what: "conv2d 3×3 64→64 p1 → relu → maxPool2d 2×2 s2 → SPP max {6,3,2,1}, 1×64×56×56",
    agree: diff(mine, tfValues),
    ...(await measure([
      { name: "poolscope", setup: () => setBackend("wasm"), run: psChain },
      { name: "poolscope-js", setup: () => setBackend("js"), run: psChain },
      { name: "tfjs-wasm-simd", setup: () => tf.setBackend("wasm"), run: tfChain("wasm") },
      { name: "tfjs-cpu", setup: () => tf.setBackend("cpu"), run: tfChain("cpu") },
    ])),
  };
  for (const b of Object.values(tfInputs)) {
    b.x.dispose();
    b.w.dispose();
  }
  setBackend("wasm");
  console.log(`chain ${chain.what}`);
  for (const [name, ms] of Object.entries(chain.med)) console.log(`  ${name.padEnd(22)} ${fmt(ms).padStart(8)} ms`);
  console.log(`  ratio poolscope / tfjs-wasm-simd: ${(chain.med.poolscope / chain.med["tfjs-wasm-simd"]).toFixed(2)}`);
}

// 3. The expert path: input resident (allocFloats), `out` preallocated.
const results = [];
for (const wl of EXPERT ? WORKLOADS : []) {
  const size = wl.shape.reduce((p, q) => p * q, 1);
  const data = randn(size, 1234);
  const nhwc = nchwToNhwc(data, wl.shape);
  const [n, c, h, w] = wl.shape;
  // poolscope inputs: resident in the wasm memory (like a tfjs tensor on the wasm backend) and plain JS
  const resident = allocFloats(size);
  resident.set(data);
  const xRes = new ps.Tensor(resident, wl.shape);
  const xJs = new ps.Tensor(data, wl.shape);
  setBackend("js");
  const ref = wl.ps(xJs);
  const outRes = new ps.Tensor(allocFloats(ref.size), ref.shape);
  const outJs = new ps.Tensor(new Float32Array(ref.size), ref.shape);
  await tf.setBackend("wasm");
  const xTfWasm = tf.tensor4d(nhwc, [n, h, w, c]);
  await tf.setBackend("cpu");
  const xTfCpu = tf.tensor4d(nhwc, [n, h, w, c]);

  const tfRun = (x) => () => {
    const y = wl.tf(x);
    y.dispose();
  };
  const competitors = [{ name: "poolscope-wasm", setup: () => setBackend("wasm"), run: () => wl.ps(xRes, outRes) }];
  if (wl.threads) {
    // right after the one-thread run, so both meet the same state of the machine (not, say, tfjs-cpu's garbage
    // being collected on the second core); setThreads(1) parks the worker, so every block finds it warm
    competitors.push({
      name: "poolscope-wasm-2T",
      setup: () => {
        setBackend("wasm");
        setThreads(2);
      },
      run: () => wl.ps(xRes, outRes),
      teardown: () => setThreads(1),
    });
  }
  competitors.push(
    { name: "poolscope-wasm-alloc", setup: () => setBackend("wasm"), run: () => wl.ps(xJs) },
    { name: "poolscope-js", setup: () => setBackend("js"), run: () => wl.ps(xJs, outJs) },
    { name: "tfjs-wasm-simd", setup: () => tf.setBackend("wasm"), run: tfRun(xTfWasm) },
    { name: "tfjs-cpu", setup: () => tf.setBackend("cpu"), run: tfRun(xTfCpu) },
  );
  // agreement with the TS reference
  setBackend("wasm");
  const agree = { wasm: diff(wl.ps(xRes, outRes).data, ref.data), alloc: diff(wl.ps(xJs).data, ref.data) };
  const m = await measure(competitors);
  const row = { id: wl.id, what: wl.what, bytes: (size + ref.size) * 4, agree, ...m };
  results.push(row);
  xTfWasm.dispose();
  xTfCpu.dispose();
  console.log(formatRow(row, "poolscope-wasm"));
}
const loadAfter = loadavg();
// native C on the same tensor, after the rounds so it cannot disturb them (W3 runs only)
const native = results.some((r) => r.id === "W3") ? measureCeiling() : null;

function fmt(ms) {
  if (ms === undefined) return "–";
  return ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

function formatRow(r, main) {
  const lines = [`${r.id} ${r.what}`];
  for (const [name, ms] of Object.entries(r.med)) {
    const gbs = r.bytes / (ms * 1e6);
    lines.push(
      `  ${name.padEnd(22)} ${fmt(ms).padStart(8)} ms  ${gbs.toFixed(2).padStart(6)} GB/s  (${r.n[name]} calls)`,
    );
  }
  lines.push(`  ratio ${main} / tfjs-wasm-simd: ${(r.med[main] / r.med["tfjs-wasm-simd"]).toFixed(2)}`);
  return lines.join("\n");
}

const names = [
  "poolscope-wasm",
  "poolscope-wasm-2T",
  "poolscope-wasm-alloc",
  "poolscope-js",
  "tfjs-wasm-simd",
  "tfjs-cpu",
];
/** The issue's goals, each with what this run measured. */
function goalRows() {
  const rows = [];
  const by = Object.fromEntries(results.map((r) => [r.id, r]));
  for (const r of results.filter((x) => x.id !== "R")) {
    const ratio = r.med["poolscope-wasm"] / r.med["tfjs-wasm-simd"];
    rows.push(
      `| ${r.id}: poolscope-wasm ≤ tfjs-wasm-simd | ratio ${ratio.toFixed(2)} | ${ratio <= 1 ? "yes" : "no"} |`,
    );
  }
  const torch = { W2: 0.082, W4: 0.017 };
  for (const [id, ms] of Object.entries(torch)) {
    if (!by[id]) continue;
    const got = by[id].med["poolscope-wasm"];
    rows.push(`| ${id}: ≤ PyTorch channels-last ${ms} ms | ${fmt(got)} ms | ${got <= ms ? "yes" : "no"} |`);
  }
  if (by.W3) {
    const gbs = by.W3.bytes / (by.W3.med["poolscope-wasm"] * 1e6);
    rows.push(`| W3: ≥ 15 GB/s on one thread | ${gbs.toFixed(2)} GB/s | ${gbs >= 15 ? "yes" : "no"} |`);
    const two = by.W3.med["poolscope-wasm-2T"];
    if (two) {
      const speedup = by.W3.med["poolscope-wasm"] / two;
      const ceiling = by.R
        ? `; a pure read stream (R) gains ${(by.R.med["poolscope-wasm"] / by.R.med["poolscope-wasm-2T"]).toFixed(2)}× from 2 workers in this run`
        : "";
      const nat =
        native && !native.error
          ? `; native C gains ${(native["pool-pf"].ms1 / native["pool-pf"].ms2).toFixed(2)}× (${fmt(native["pool-pf"].ms2)} ms on 2 threads, where 1.7× would need ${fmt(by.W3.med["poolscope-wasm"] / 1.7)} ms)`
          : "";
      const rounds = by.W3.perRound["poolscope-wasm"].map((one, r) => one / by.W3.perRound["poolscope-wasm-2T"][r]);
      const spread = `; per round ${Math.min(...rounds).toFixed(2)}–${Math.max(...rounds).toFixed(2)}×`;
      rows.push(
        `| W3: 2 workers ≥ 1.7× one | ${speedup.toFixed(2)}×${spread}${ceiling}${nat} | ${speedup >= 1.7 ? "yes" : "no"} |`,
      );
    }
  }
  return rows;
}

const stamp = new Date().toISOString();
const md = [
  `Generated by \`npm run bench\` (test/bench/pooling.mjs) on ${stamp}.`,
  "",
  `- CPU: ${cpus()[0].model}, ${cpus().length} logical CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (shared VM; other work ran concurrently)`,
  `- Load average (1/5/15 min): before ${loadBefore.map((v) => v.toFixed(2)).join(" / ")}, after ${loadAfter.map((v) => v.toFixed(2)).join(" / ")}`,
  `- Node ${process.version}, TensorFlow.js ${tf.version_core} (tfjs-core, tfjs-backend-cpu, tfjs-backend-wasm; WASM_HAS_SIMD_SUPPORT=${simd}, WASM_HAS_MULTITHREAD_SUPPORT=${threadsFlag}: single thread)`,
  `- ${ROUNDS} rounds; each round runs every competitor in turn, one untimed call then a block of up to ${BLOCK} timed calls (fewer for calls over 60 ms). ms = median over all samples; GB/s = (input + output bytes) / median.`,
  "- float32, randn input; poolscope NCHW, tfjs NHWC (its layout). tfjs time = the op call (synchronous) plus dispose, no dataSync.",
  "",
  "## The plain call (issue 15)",
  "",
  "As a notebook cell calls it: `const x = tensor(data, shape)` made once outside the timing (on the wasm backend its values live in the module's memory), then `maxPool2d(x, opts)` (W2 `avgPool2d`, W4 `globalAvgPool`, W5/W6 `spatialPyramidPool`) returning a new tensor that is dropped. TF.js: the tensor made once, the op inside `tf.tidy`. Dropped poolscope outputs go back to the allocator when the garbage collector finds them: between blocks the bench collects garbage and lets the event loop turn once (as between cells); within a block nothing is reclaimed.",
  "",
  "| workload | poolscope | tfjs-wasm-simd | tfjs-cpu | ratio poolscope / tfjs-wasm-simd | ratio poolscope / tfjs-cpu | max diff vs js backend |",
  "|---|---|---|---|---|---|---|",
  ...plainResults.map(
    (r) =>
      `| ${r.id} ${r.what} | ${fmt(r.med.poolscope)} | ${fmt(r.med["tfjs-wasm-simd"])} | ${fmt(r.med["tfjs-cpu"])} | ${(r.med.poolscope / r.med["tfjs-wasm-simd"]).toFixed(2)} | ${(r.med.poolscope / r.med["tfjs-cpu"]).toFixed(3)} | ${r.agree} |`,
  ),
  "",
  ...(chain
    ? [
        "## A CNN stage (issue 15)",
        "",
        `${chain.what}; each call builds every intermediate tensor, TF.js's inside \`tf.tidy\`. TF.js's SPP uses the SPP-net rule (other windows than the adaptive bins on 28×28); the max |difference| up to the pool is ${chain.agree.toExponential(2)}.`,
        "",
        "| | poolscope | poolscope-js | tfjs-wasm-simd | tfjs-cpu | ratio poolscope / tfjs-wasm-simd |",
        "|---|---|---|---|---|---|",
        `| median ms | ${fmt(chain.med.poolscope)} | ${fmt(chain.med["poolscope-js"])} | ${fmt(chain.med["tfjs-wasm-simd"])} | ${fmt(chain.med["tfjs-cpu"])} | ${(chain.med.poolscope / chain.med["tfjs-wasm-simd"]).toFixed(2)} |`,
        "",
      ]
    : []),
  "## The expert path (issue 7)",
  "",
  "Competitors:",
  "- `poolscope-wasm`: WebAssembly SIMD path, input tensor resident in the module's memory (`allocFloats`) and `out` preallocated there (as a tfjs tensor lives in its wasm heap).",
  "- `poolscope-wasm-2T`: the same with `setThreads(2)` (W3 and R only).",
  "- R is not a workload of the issue: a global average over the W3 tensor reads 103 MB once and writes almost nothing. Its wasm kernel does not prefetch, so on one thread it stays below the read ceiling and gains more from a second thread than W3 can; the hardware's own ceiling is the native C section below.",
  "- `poolscope-wasm-alloc`: WebAssembly path called the plain way: input a JS Float32Array (copied in), new output per call (copied out).",
  "- `poolscope-js`: the TypeScript reference path (`POOLSCOPE_BACKEND=js`), `out` preallocated.",
  "- `tfjs-wasm-simd`, `tfjs-cpu`: TF.js 4.22 backends. W1 uses padding 'same' (pad 0 before, 1 after; PyTorch's p1 pads 1 on both sides: same output size, same work); W4 is `tf.mean(x, [1, 2])`; W5/W6 SPP per level `maxPool(ceil(a/n), floor(a/n), 'valid')` (SPP-net rule: on W6 not the same windows as poolscope's exact adaptive bins).",
  "",
  "### Median ms per call",
  "",
  `| workload | ${names.join(" | ")} | ratio poolscope-wasm / tfjs-wasm-simd |`,
  `|---|${names.map(() => "---|").join("")}---|`,
  ...results.map(
    (r) =>
      `| ${r.id} ${r.what} | ${names.map((k) => fmt(r.med[k])).join(" | ")} | ${(r.med["poolscope-wasm"] / r.med["tfjs-wasm-simd"]).toFixed(2)} |`,
  ),
  "",
  "### GB/s ((input + output bytes) / median time)",
  "",
  `| workload | MB moved | ${names.join(" | ")} |`,
  `|---|---|${names.map(() => "---|").join("")}`,
  ...results.map(
    (r) =>
      `| ${r.id} | ${(r.bytes / 1e6).toFixed(2)} | ${names.map((k) => (r.med[k] ? (r.bytes / (r.med[k] * 1e6)).toFixed(2) : "–")).join(" | ")} |`,
  ),
  "",
  "### Against the goals of issue 7",
  "",
  "PyTorch times are the issue's (channels-last, one thread, measured on these machines in /work/shared/research/perf.md); they are not re-measured here.",
  "",
  "| goal | measured | met |",
  "|---|---|---|",
  ...goalRows(),
  "",
  ...(native ? ceilingSection(native) : []),
  "## Agreement with the TypeScript reference (max |difference|)",
  "",
  "| workload | poolscope-wasm | poolscope-wasm-alloc |",
  "|---|---|---|",
  ...results.map((r) => `| ${r.id} | ${r.agree.wasm} | ${r.agree.alloc} |`),
  "",
  "Samples per competitor: " +
    results
      .map(
        (r) =>
          `${r.id}: ${Object.entries(r.n)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}`,
      )
      .join("; ") +
    (plainResults.length
      ? "; plain call: " +
        plainResults
          .map(
            (r) =>
              `${r.id}: ${Object.entries(r.n)
                .map(([k, v]) => `${k} ${v}`)
                .join(", ")}`,
          )
          .join("; ")
      : ""),
  "",
];
writeSection("pooling", md);
console.log(
  `\nload before ${loadBefore.map((v) => v.toFixed(2)).join(" ")}, after ${loadAfter.map((v) => v.toFixed(2)).join(" ")}; wrote ${RESULTS}`,
);
process.exit(0);
