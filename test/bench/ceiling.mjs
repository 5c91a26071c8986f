// The machine's ceiling for W3 on 1 and 2 threads, measured in native C (test/bench/ceiling.c), so the
// 2-worker goal of issue 7 can be weighed against what the hardware gives any code, not only ours.
// Compiled with the system's cc (Debian's gcc); without one, the bench says so and goes on.
// Run alone: `node test/bench/ceiling.mjs`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const source = join(dirname(fileURLToPath(import.meta.url)), "ceiling.c");

/** {read, pool, "pool-pf"} each {ms1, ms2} (median ms on 1 and 2 threads), or {error} when cc is missing. */
export function measureCeiling() {
  const dir = mkdtempSync(join(tmpdir(), "poolscope-ceiling-"));
  try {
    const exe = join(dir, "ceiling");
    execFileSync(process.env.CC ?? "cc", ["-O2", "-pthread", source, "-o", exe], { stdio: "pipe" });
    return JSON.parse(execFileSync(exe, { encoding: "utf8" }));
  } catch (e) {
    return { error: String(e.message ?? e).split("\n")[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Markdown lines for RESULTS.md. */
export function ceilingSection(c) {
  const head = [
    "## The machine's ceiling on 1 and 2 threads (native C)",
    "",
    "`test/bench/ceiling.c`, compiled with the system's `cc -O2` and run after the rounds above: W3's tensor, planes split in halves over 2 threads as poolscope's workers split them, 128-bit SSE like the wasm kernels. Median of 41 calls.",
    "",
    "This VM shares its host's memory system, and what two threads get from it comes and goes. On 2026-11-28, 45 samples 15 s apart (a poolscope 1- and 2-worker W3 run, then this program): in 33 the native kernel took 2.1–2.8 ms on 2 threads (1.2–1.6× one thread); in 12, windows of tens of seconds, 1.4–1.7 ms (1.9–2.2×). In 9 of those 12 poolscope's 2 workers took 1.8–2.05 ms (1.8–2.1×); the other 3 fell just outside the window (2.5–2.8 ms).",
    "",
  ];
  if (c.error) return [...head, `Not measured: ${c.error}`, ""];
  const what = {
    read: "read stream: sum of every input float (103 MB read)",
    pool: "max 2×2 s2, streaming loads only",
    "pool-pf": "max 2×2 s2, next row pair prefetched (as `touch()` in the wasm kernel)",
  };
  return [
    ...head,
    "| native kernel | 1 thread (ms) | 2 threads (ms) | 2 threads / 1 |",
    "|---|---|---|---|",
    ...Object.entries(what).map(
      ([k, label]) =>
        `| ${label} | ${c[k].ms1.toFixed(2)} | ${c[k].ms2.toFixed(2)} | ${(c[k].ms1 / c[k].ms2).toFixed(2)}× |`,
    ),
    "",
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(ceilingSection(measureCeiling()).join("\n"));
}
