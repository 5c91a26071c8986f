import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { camel, OPS } from "../../src/conformance/cases.js";
import { conformanceCommand } from "../../src/conformance/command.js";
import { loadGoldenFile, parseGolden, toTensor } from "../../src/conformance/load.js";
import { formatSummary, runGolden } from "../../src/conformance/run.js";
import { ParameterError } from "../../src/core/errors.js";
import { tensor } from "../../src/index.js";

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
    // each generator records the argument PyTorch refuses (test/golden/README.md)
    expect(golden.cases.filter((c) => c.error && c.errorParam === undefined).map((c) => c.id)).toEqual([]);
  });

  it("every kind of refusal in the shared 1.13 file (no error_param there) is checked by name in a generated file", () => {
    const named = new Set<string>();
    for (const file of files)
      for (const c of loadGoldenFile(`${dir}/${file}`).cases)
        if (c.errorParam !== undefined) named.add(`${c.op} ${camel(c.errorParam)}`);
    const kinds = loadGoldenFile("test/fixtures/golden/pooling.json")
      .cases.filter((c) => c.error)
      .map((c) => {
        const spec = OPS[c.op];
        const options = Object.fromEntries(Object.entries(c.params).map(([k, v]) => [spec.params[k], v]));
        try {
          spec.run({ x: toTensor(c.inputs.x) }, options);
        } catch (e) {
          if (e instanceof ParameterError) return `${c.op} ${e.param}`;
        }
        return `${c.id}: no ParameterError`;
      });
    expect(kinds.length).toBe(4);
    expect(kinds.filter((k) => !named.has(k))).toEqual([]);
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

  it("an error case with error_param passes only when the ParameterError names that argument", () => {
    const y = t([1, 1, 2], [5, 7]);
    const indices = t([1, 1, 2], [1, 3]);
    const refused = { op: "max_unpool1d", params: { kernel_size: 2, output_size: [9] }, inputs: { x: y, indices } };
    const s = run([
      { ...refused, id: "named", error: true, error_param: "output_size" },
      // the library blames outputSize; a file saying PyTorch refuses kernel_size must fail the case
      { ...refused, id: "blamed", error: true, error_param: "kernel_size" },
      // an input is named as the file names it
      { ...refused, id: "index", params: { kernel_size: 2, output_size: [3] }, error: true, error_param: "indices" },
      { ...refused, id: "unknown", error: true, error_param: "stride" },
      { ...refused, id: "not an error", error_param: "output_size", outputs: { y } },
      // without the field: any parameter of the case, as before
      { ...refused, id: "generic", error: true },
    ]);
    expect(s.results.map((r) => [r.id, r.passed])).toEqual([
      ["named", true],
      ["blamed", false],
      ["index", true],
      ["unknown", false],
      ["not an error", false],
      ["generic", true],
    ]);
    expect(s.results[1].reason).toMatch(/^the error names "outputSize", but PyTorch refuses "kernel_size"/);
    expect(s.results[3].reason).toBe('error_param "stride" is neither a parameter nor an input of this case');
    expect(s.results[4].reason).toBe("malformed case: error_param on a case that is not an error case");
  });

  it("max pooling is checked both ways: with indices and values only (other kernels)", () => {
    const x = t([1, 1, 4], [1, 3, 4, 2]);
    const y = { y: t([1, 1, 2], [3, 4]) };
    const withIndices = { ...y, indices: t([1, 1, 2], [1, 2]) };
    for (const op of ["max_pool1d", "adaptive_max_pool1d", "max_pool2d", "tf.max_pool2d"])
      expect(OPS[op].also?.map((p) => p.label).length, op).toBe(1);
    // a values-only path that disagrees fails the case, named by its path, though the indices path agrees
    const saved = OPS.max_pool1d;
    OPS.max_pool1d = { ...saved, also: [{ label: "values only", run: () => ({ y: tensor([3, 5], [1, 1, 2]) }) }] };
    try {
      const s = run([{ id: "k2", op: "max_pool1d", params: { kernel_size: 2 }, inputs: { x }, outputs: withIndices }]);
      expect(s.results[0].reason).toBe(
        "values only: y: 1 of 2 values differ; first at flat index 1: got 5, expected 4",
      );
      // the values-only path need not produce indices, but the main path must produce every output
      OPS.max_pool1d = { ...saved, run: (i, o) => ({ y: saved.run(i, o).y }) };
      const missing = run([
        { id: "m", op: "max_pool1d", params: { kernel_size: 2 }, inputs: { x }, outputs: withIndices },
      ]);
      expect(missing.results[0].reason).toBe('the op produced no output "indices"');
    } finally {
      OPS.max_pool1d = saved;
    }
    expect(
      run([{ id: "ok", op: "max_pool1d", params: { kernel_size: 2 }, inputs: { x }, outputs: withIndices }]).passed,
    ).toBe(1);
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

describe("the conformance command", () => {
  const dir = mkdtempSync(join(tmpdir(), "poolscope-conformance-"));
  const x = t([1, 1, 2], [1, 2]);
  const one = {
    id: "a",
    op: "max_pool1d",
    params: { kernel_size: 2 },
    inputs: { x },
    outputs: { y: t([1, 1, 1], [2]) },
  };
  const call = (doc: unknown) => {
    const file = join(dir, "golden.json");
    writeFileSync(file, JSON.stringify(doc));
    let out = "";
    const status = conformanceCommand(["conformance", file], { out: (s) => (out += s), err: (s) => (out += s) });
    return { status, out: out.trimEnd().split("\n") };
  };

  it("passes a file whose cases all pass and whose count agrees", () => {
    expect(call({ count: 1, cases: [one] })).toEqual({ status: 0, out: expect.any(Array) });
    expect(call({ cases: [one] }).status).toBe(0);
  });

  it("fails on a case count that disagrees with the file's count, though every case it holds passes", () => {
    const { status, out } = call({ count: 2, cases: [one] });
    expect(status).toBe(1);
    expect(out).toContain(`FAILED: ${join(dir, "golden.json")} says count 2 but holds 1 cases`);
    expect(out.at(-1)).toBe("conformance: 1 passed, 0 failed");
  });

  it("fails on a failing case, and with 2 on a file it cannot read", () => {
    expect(call({ count: 1, cases: [{ ...one, outputs: { y: t([1, 1, 1], [3]) } }] }).status).toBe(1);
    const file = join(dir, "broken.json");
    writeFileSync(file, "{");
    let err = "";
    expect(conformanceCommand(["conformance", file], { out: () => {}, err: (s) => (err += s) })).toBe(2);
    expect(err).toContain(`cannot read ${file}`);
  });
});
