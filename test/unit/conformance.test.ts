import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadGoldenFile, parseGolden } from "../../src/conformance/load.js";
import { formatSummary, runGolden } from "../../src/conformance/run.js";

const t = (shape: number[], data: unknown[]) => ({ shape, data });

describe("the golden dev set", () => {
  it("passes 573/573", () => {
    const summary = runGolden(loadGoldenFile("test/fixtures/golden/pooling.json"));
    const failures = summary.results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.reason}`);
    expect(failures).toEqual([]);
    expect(summary.passed).toBe(573);
    expect(formatSummary(summary).split("\n").at(-1)).toBe("conformance: 573 passed, 0 failed");
  });
});

describe("the golden files generated with a newer PyTorch (test/golden/)", () => {
  const dir = "test/fixtures/golden";
  const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "pooling.json");
  it.each(files)("%s passes every case it holds", (file) => {
    const golden = loadGoldenFile(`${dir}/${file}`);
    const summary = runGolden(golden);
    expect(summary.results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
    expect(golden.cases.length).toBeGreaterThan(0);
    expect(summary.passed).toBe(golden.count);
  });
});

describe("cases the runner has never seen", () => {
  const run = (cases: unknown[]) => runGolden(parseGolden({ cases }));

  it("a new max_pool2d case computed by hand passes; a wrong expectation fails with the element", () => {
    const x = t([1, 1, 2, 3], [1, 9, 2, 4, 3, 8]);
    const good = {
      id: "new#1",
      op: "max_pool2d",
      params: { kernel_size: [2, 2], stride: 1 },
      inputs: { x },
      outputs: { y: t([1, 1, 1, 2], [9, 9]), indices: t([1, 1, 1, 2], [1, 1]) },
    };
    const bad = { ...good, id: "new#2", outputs: { y: t([1, 1, 1, 2], [9, 8]) } };
    const s = run([good, bad]);
    expect(s.results.map((r) => r.passed)).toEqual([true, false]);
    expect(s.results[1].reason).toContain("first at flat index 1");
  });

  it("NaN as null and infinities as strings", () => {
    const c = {
      id: "nan",
      op: "max_pool1d",
      params: { kernel_size: 2 },
      inputs: { x: t([1, 1, 4], [null, 1, "-Infinity", "Infinity"]) },
      outputs: { y: t([1, 1, 2], [null, "Infinity"]) },
    };
    expect(run([c]).passed).toBe(1);
  });

  it("indices compare exactly: an off-by-one index fails even within tolerance", () => {
    const c = {
      id: "i",
      op: "max_pool1d",
      params: { kernel_size: 2 },
      inputs: { x: t([1, 1, 2], [1, 2]) },
      outputs: { y: t([1, 1, 1], [2]), indices: t([1, 1, 1], [1.000001]) },
    };
    expect(run([c]).failed).toBe(1);
  });

  it("an unknown op, an unknown parameter, a malformed case and a missing output all fail — nothing is skipped", () => {
    const x = t([1, 1, 2], [1, 2]);
    const s = run([
      { id: "a", op: "fractional_max_pool2d", params: {}, inputs: { x }, outputs: { y: x } },
      { id: "b", op: "max_pool1d", params: { kernel_size: 2, magic: 1 }, inputs: { x }, outputs: { y: x } },
      {
        id: "c",
        op: "max_pool1d",
        params: { kernel_size: 2 },
        inputs: { x: { shape: [1, 1, 3], data: [1] } },
        outputs: { y: x },
      },
      { id: "d", op: "conv2d", params: {}, inputs: { x }, outputs: { y: x } },
      { id: "e", op: "max_pool1d", params: { kernel_size: 2 }, inputs: { x }, outputs: { z: t([1, 1, 1], [2]) } },
    ]);
    expect(s.failed).toBe(5);
    expect(s.results.map((r) => r.reason)).toEqual([
      'unknown op "fractional_max_pool2d"',
      'unknown parameter "magic" for op "max_pool1d"',
      "malformed case: inputs.x holds 1 values for shape [1, 1, 3]",
      'missing input "weight"',
      'the op produced no output "z"',
    ]);
  });

  it("an error case passes only when a ParameterError names the parameter", () => {
    const x = t([1, 1, 5, 5], new Array(25).fill(0));
    const s = run([
      { id: "refused", op: "avg_pool2d", params: { kernel_size: 2, padding: 2 }, inputs: { x }, error: true },
      { id: "accepted", op: "avg_pool2d", params: { kernel_size: 2, padding: 1 }, inputs: { x }, error: true },
    ]);
    expect(s.results.map((r) => r.passed)).toEqual([true, false]);
    expect(s.results[1].reason).toContain("expected a ParameterError");
  });

  it("backward of any known op with a backward", () => {
    const c = {
      id: "b",
      op: "max_pool1d.backward",
      params: { kernel_size: 2 },
      inputs: { x: t([1, 1, 4], [1, 3, 4, 2]), grad_y: t([1, 1, 2], [10, 20]) },
      outputs: { grad_x: t([1, 1, 4], [0, 10, 20, 0]) },
    };
    expect(run([c]).passed).toBe(1);
  });

  it("the table counts per op and ends with the summary line", () => {
    const x = t([1, 1, 2], [1, 2]);
    const text = formatSummary(run([{ id: "a", op: "nope", inputs: { x }, outputs: { y: x } }]));
    expect(text).toContain("nope");
    expect(text.split("\n").at(-1)).toBe("conformance: 0 passed, 1 failed");
  });
});
