// linspace bit for bit against PyTorch (the conformance runner allows a relative 1e-5; these must be exact, the
// ends above all), and the constructors' values living where the backend keeps tensors.
import { describe, expect, it } from "vitest";
import { eye, full, linspace, ones } from "../../../src/index.js";
import { loadGoldenFile } from "../../../src/conformance/load.js";
import { isResident } from "../../../src/backend/wasm/runtime.js";
import { useWasm } from "../../../src/core/backend.js";

const golden = loadGoldenFile(new URL("../../fixtures/golden/torch2_tensor_api.json", import.meta.url).pathname);

describe("linspace", () => {
  const cases = golden.cases.filter((c) => c.op === "linspace" && !c.error);

  it("has golden cases whose float32 step does not land on end by itself", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    // start + step × (steps − 1) misses end in float32 for some of them: the exact end is no accident
    const missed = cases.filter((c) => {
      const { start, end, steps } = c.params as { start: number; end: number; steps: number };
      if (steps < 2) return false;
      const a = Math.fround(start);
      const step = Math.fround(Math.fround(Math.fround(end) - a) / (steps - 1));
      return Math.fround(a + Math.fround(step * (steps - 1))) !== Math.fround(end);
    });
    expect(missed.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    const { start, end, steps } = c.params as { start: number; end: number; steps: number };
    it(`linspace(${start}, ${end}, ${steps}) equals PyTorch's bit for bit, ends included`, () => {
      const got = Array.from(linspace(start, end, steps).data);
      expect(got).toEqual(Array.from(c.outputs.y.data));
      if (steps > 1) expect(got[steps - 1]).toBe(Math.fround(end));
    });
  }
});

describe("constructors", () => {
  it("allocate their values where the backend keeps tensors (resident wasm memory on the wasm backend)", () => {
    for (const t of [full([3, 4], 2), ones([5]), eye(3), linspace(0, 1, 9)]) expect(isResident(t.data)).toBe(useWasm());
  });
});
