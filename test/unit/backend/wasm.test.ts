// The WebAssembly SIMD path against the TypeScript reference path: same values (float32 tolerance for
// means), same indices, on random inputs with NaN, ties (rounded values), padding, ceil mode, dilation and
// NHWC; the `out` option; worker threads against one thread.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBackend, setBackend } from "../../../src/core/backend.js";
import * as ps from "../../../src/index.js";
import { allocFloats, wasmPathCandidates, wasmRuntime } from "../../../src/backend/wasm/runtime.js";
import { setThreads } from "../../../src/backend/wasm/workers.js";

beforeAll(() => {
  if (!wasmPathCandidates().some((p) => existsSync(p))) execSync("npm run build:wasm", { stdio: "ignore" });
  expect(wasmRuntime()).not.toBeNull();
});
afterAll(() => setBackend("wasm"));

let seed = 7;
function rand(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
/** Random values, some rounded (ties), some ±0, some NaN and ±Infinity. */
function input(shape: number[], specials = true): ps.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const d = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rand();
    d[i] = r < 0.3 ? Math.round(rand() * 4 - 2) : rand() * 10 - 5;
    if (specials && r > 0.995) d[i] = NaN;
    else if (specials && r > 0.99) d[i] = rand() < 0.5 ? Infinity : -Infinity;
  }
  return new ps.Tensor(d, shape);
}

function both<T>(f: () => T): [T, T] {
  setBackend("js");
  const a = f();
  setBackend("wasm");
  const b = f();
  return [a, b];
}

function expectClose(got: ps.Tensor, want: ps.Tensor, exact: boolean): void {
  expect(got.shape).toEqual(want.shape);
  for (let i = 0; i < want.size; i++) {
    const g = got.data[i];
    const w = want.data[i];
    if (Number.isNaN(w) || !Number.isFinite(w) || exact) {
      if (!Object.is(g, w) && !(g === 0 && w === 0)) expect([i, g]).toEqual([i, w]);
    } else if (Math.abs(g - w) > 1e-6 + 1e-5 * Math.abs(w)) expect([i, g]).toEqual([i, w]);
  }
}

const geometries = [
  { kernelSize: 2 },
  { kernelSize: 3, stride: 2, padding: 1 },
  { kernelSize: 3, stride: 1, padding: 1 },
  { kernelSize: [3, 2], stride: [2, 3], padding: [1, 0], ceilMode: true },
  { kernelSize: 2, stride: 2, ceilMode: true },
  { kernelSize: 5, stride: 3, padding: 2 },
];

describe("wasm backend", () => {
  it("is the default where the module loads", () => {
    expect(getBackend()).toBe("wasm");
  });

  for (const shape of [
    [2, 3, 17, 19],
    [1, 4, 8, 32],
    [1, 2, 5, 6],
  ]) {
    it(`max pooling agrees with the TS path on ${shape.join("×")} (values and indices)`, () => {
      for (const g of [...geometries, { kernelSize: 3, stride: 2, dilation: 2 }]) {
        const x = input(shape);
        const [a, b] = both(() => ps.maxPool2d(x, { ...g, returnIndices: true }));
        expectClose(b.output, a.output, true);
        expectClose(b.indices, a.indices, true);
        const [c, d] = both(() => ps.maxPool2d(x, g));
        expectClose(d, c, true);
      }
    });

    it(`avg pooling agrees with the TS path on ${shape.join("×")}`, () => {
      for (const g of geometries) {
        for (const countIncludePad of [true, false]) {
          const x = input(shape, false);
          const [a, b] = both(() => ps.avgPool2d(x, { ...g, countIncludePad }));
          expectClose(b, a, false);
        }
      }
    });
  }

  it("the 2×2 stride-2 kernels agree on finite data at every tail width (vector, overlapping, scalar)", () => {
    for (const shape of [
      [1, 3, 6, 24],
      [1, 2, 8, 28],
      [2, 2, 10, 58],
      [1, 1, 4, 4],
      [1, 1, 2, 14],
      [1, 2, 6, 6],
    ]) {
      const x = input(shape, false);
      const [a, b] = both(() => ps.maxPool2d(x, { kernelSize: 2 }));
      expectClose(b, a, true);
      const [c, d] = both(() => ps.avgPool2d(x, { kernelSize: 2 }));
      expectClose(d, c, false);
    }
  });

  it("the 3×3 stride-2 kernel (column carry) agrees on finite data, borders, ceil mode and a lone NaN", () => {
    const stems = [
      { kernelSize: 3, stride: 2, padding: 1 },
      { kernelSize: 3, stride: 2 },
      { kernelSize: 3, stride: 2, padding: [0, 1] as [number, number] },
      { kernelSize: 3, stride: 2, padding: 1, ceilMode: true },
      { kernelSize: 3, stride: 2, ceilMode: true },
    ];
    for (const shape of [
      [1, 1, 3, 3],
      [2, 3, 9, 9],
      [1, 2, 10, 11],
      [1, 4, 23, 30],
      [1, 2, 40, 41],
    ]) {
      for (const g of stems) {
        const x = input(shape, false);
        const [a, b] = both(() => ps.maxPool2d(x, g));
        expectClose(b, a, true);
        // one NaN and one +Inf in the last plane: that plane takes the exact path, the others stay fast
        const y = new ps.Tensor(Float32Array.from(x.data), shape);
        y.data[y.size - 2] = NaN;
        y.data[y.size - 1 - shape[3]] = Infinity;
        const [c, d] = both(() => ps.maxPool2d(y, g));
        expectClose(d, c, true);
      }
    }
  });

  it("NHWC (TensorFlow flavour) agrees, max and avg, same and valid", () => {
    const x = input([2, 9, 11, 6]);
    const xs = input([2, 9, 11, 6], false);
    for (const padding of ["same", "valid"] as const) {
      for (const kernelSize of [2, 3]) {
        const o = { kernelSize, stride: 2, padding, dataFormat: "NHWC" as const };
        const [a, b] = both(() => ps.maxPool2d(x, o));
        expectClose(b, a, true);
        const [c, d] = both(() => ps.maxPool2d(x, { ...o, returnIndices: true }));
        expectClose(d.indices, c.indices, true);
        const [e, f] = both(() => ps.avgPool2d(xs, o));
        expectClose(f, e, false);
      }
    }
  });

  it("1-d pooling, adaptive, global and SPP agree", () => {
    const x1 = input([2, 3, 29]);
    const [a, b] = both(() => ps.maxPool1d(x1, { kernelSize: 3, stride: 2, padding: 1, returnIndices: true }));
    expectClose(b.output, a.output, true);
    expectClose(b.indices, a.indices, true);
    const x = input([2, 5, 13, 17]);
    const xs = input([2, 5, 13, 17], false);
    for (const outputSize of [1, 3, [4, 6], [5, null]] as const) {
      const [c, d] = both(() => ps.adaptiveMaxPool2d(x, { outputSize, returnIndices: true }));
      expectClose(d.output, c.output, true);
      expectClose(d.indices, c.indices, true);
      const [e, f] = both(() => ps.adaptiveMaxPool2d(x, { outputSize }));
      expectClose(f, e, true);
      const [g, h] = both(() => ps.adaptiveAvgPool2d(xs, { outputSize }));
      expectClose(h, g, false);
    }
    for (const f of [ps.globalMaxPool, ps.globalAvgPool]) {
      const [g, h] = both(() => f(f === ps.globalAvgPool ? xs : x));
      expectClose(h, g, f === ps.globalMaxPool);
    }
    for (const rule of ["adaptive", "paper"] as const) {
      for (const mode of ["max", "avg"] as const) {
        const [g, h] = both(() => ps.spatialPyramidPool(mode === "max" ? x : xs, { levels: [4, 2, 1], rule, mode }));
        expectClose(h, g, mode === "max");
      }
    }
  });

  it("SPP in one call agrees: derived levels, every rule, finite and non-finite planes", () => {
    for (const shape of [
      [2, 3, 13, 13],
      [1, 4, 37, 53],
      [1, 2, 6, 7],
      [1, 2, 3, 2],
    ]) {
      const finite = input(shape, false);
      const special = new ps.Tensor(Float32Array.from(finite.data), shape);
      special.data[5] = NaN; // plane 0
      special.data[special.size - 3] = -Infinity; // the last plane
      for (const levels of [
        [6, 3, 2, 1],
        [4, 2, 1],
        [[2, 4], [1, 2], 1],
        [3, 6, 1],
      ] as const) {
        for (const rule of ["adaptive", "paper", "corrected"] as const) {
          for (const mode of ["max", "avg"] as const) {
            for (const x of mode === "max" ? [finite, special] : [finite]) {
              let ab: [ps.Tensor, ps.Tensor];
              try {
                ab = both(() => ps.spatialPyramidPool(x, { levels, rule, mode }));
              } catch (e) {
                // a rule may refuse a level on a small map: both backends must refuse it alike
                expect(e).toBeInstanceOf(ps.ParameterError);
                setBackend("js");
                expect(() => ps.spatialPyramidPool(x, { levels, rule, mode })).toThrow(ps.ParameterError);
                continue;
              }
              expectClose(ab[1], ab[0], mode === "max");
            }
          }
        }
      }
    }
  });

  it("3-d max pooling (2-d kernel per depth slice, then the depth max) agrees, with NaN, padding, ceil mode, dilation", () => {
    const geometries3d = [
      { kernelSize: 2 },
      { kernelSize: 3, stride: 2, padding: 1 },
      {
        kernelSize: [3, 2, 2] as [number, number, number],
        stride: [2, 1, 2] as [number, number, number],
        ceilMode: true,
      },
      { kernelSize: 2, stride: 1, dilation: [2, 1, 1] as [number, number, number] },
    ];
    for (const shape of [
      [1, 2, 5, 6, 7],
      [2, 3, 4, 9, 8],
    ]) {
      for (const g of geometries3d) {
        for (const specials of [false, true]) {
          const x = input(shape, specials);
          const [a, b] = both(() => ps.maxPool3d(x, g));
          expectClose(b, a, true);
        }
      }
    }
    setBackend("wasm");
    const x = input([1, 2, 4, 6, 6], false);
    const out = ps.zeros([1, 2, 2, 3, 3]);
    expect(ps.maxPool3d(x, { kernelSize: 2, out })).toBe(out);
    expectClose(out, ps.maxPool3d(x, { kernelSize: 2, returnIndices: true }).output, true);
  });

  it("the NaN rule: a NaN wins its window and the last NaN's index is kept", () => {
    const x = new ps.Tensor(Float32Array.from([1, NaN, 3, NaN, 2, 5, 0, 0]), [1, 1, 2, 4]);
    setBackend("wasm");
    const r = ps.maxPool2d(x, { kernelSize: 2, returnIndices: true });
    expect(Array.from(r.output.data)).toEqual([NaN, NaN]);
    expect(Array.from(r.indices.data)).toEqual([1, 3]);
    expect(Array.from(ps.maxPool2d(x, { kernelSize: 2 }).data)).toEqual([NaN, NaN]);
  });

  it("writes into `out` (plain or wasm-resident) and checks its shape", () => {
    const x = input([1, 8, 16, 16]);
    for (const backend of ["js", "wasm"] as const) {
      setBackend(backend);
      const want = ps.maxPool2d(x, { kernelSize: 2 });
      const out = ps.zeros([1, 8, 8, 8]);
      expect(ps.maxPool2d(x, { kernelSize: 2, out })).toBe(out);
      expectClose(out, want, true);
      // a wasm-resident out is written in place (no copy back): its own memory must hold the result
      const resident = new ps.Tensor(allocFloats(512) as Float32Array, [1, 8, 8, 8]);
      expect(ps.avgPool2d(x, { kernelSize: 2, out: resident })).toBe(resident);
      expectClose(resident, ps.avgPool2d(x, { kernelSize: 2 }), false);
      expect(resident.data.some((v) => v !== 0)).toBe(true);
      expect(() => ps.maxPool2d(x, { kernelSize: 2, out: ps.zeros([1, 8, 8, 9]) })).toThrow(/out/);
      expect(() => ps.globalAvgPool(x, { out: ps.zeros([1, 8]) })).toThrow(ps.ParameterError);
      const g = ps.zeros([1, 8, 1, 1]);
      expect(ps.globalAvgPool(x, { out: g })).toBe(g);
      const s = ps.zeros([1, 8 * 5]);
      expect(ps.spatialPyramidPool(x, { levels: [2, 1], out: s })).toBe(s);
      expectClose(s, ps.spatialPyramidPool(x, { levels: [2, 1] }), true);
    }
  });

  it("worker threads give the same results as one thread", () => {
    setBackend("wasm");
    const x = input([2, 16, 128, 130], false); // 4.2 MB: above the parallel threshold
    const one = [ps.maxPool2d(x, { kernelSize: 2 }), ps.avgPool2d(x, { kernelSize: 3, stride: 2, padding: 1 })];
    setThreads(2);
    try {
      const two = [ps.maxPool2d(x, { kernelSize: 2 }), ps.avgPool2d(x, { kernelSize: 3, stride: 2, padding: 1 })];
      expectClose(two[0], one[0], true);
      expectClose(two[1], one[1], true);
      const nhwc = ps.toChannelsLast(x);
      setThreads(1);
      const a = ps.maxPool2d(nhwc, { kernelSize: 3, stride: 2, padding: "same", dataFormat: "NHWC" });
      setThreads(2);
      expectClose(ps.maxPool2d(nhwc, { kernelSize: 3, stride: 2, padding: "same", dataFormat: "NHWC" }), a, true);
    } finally {
      setThreads(1);
    }
  });
});

describe("conv2d on the SIMD kernel", () => {
  const abs = (t: ps.Tensor): ps.Tensor => new ps.Tensor(t.data.map(Math.abs), t.shape);
  /** b within float32 rounding of a, measured against Σ|x·w| + |bias| (a sum's rounding scales with its terms). */
  const close = (a: ps.Tensor, b: ps.Tensor, scale: ps.Tensor): void => {
    expect(b.shape).toEqual(a.shape);
    // float32 sums (direct, or Winograd's transformed products) against the reference's float64 sums
    a.data.forEach((v, i) => expect(Math.abs(b.data[i] - v)).toBeLessThanOrEqual(1e-5 * (1e-3 + scale.data[i])));
  };
  const cases: [number[], number[], ps.Conv2dOptions][] = [
    [[1, 8, 12, 16], [8, 8, 3, 3], { padding: 1 }], // in place: width 16, 8 channels
    [[2, 3, 7, 9], [5, 3, 3, 2], { padding: [1, 0] }], // through the padded tile: width 8 → 8, 5 channels
    [[1, 4, 10, 11], [6, 4, 3, 3], { stride: [2, 1], dilation: 2, padding: 2 }],
    [[1, 2, 5, 5], [3, 2, 1, 1], {}],
    [[1, 3, 6, 21], [4, 3, 5, 4], { padding: [2, 3], dilation: [1, 2] }],
    // Winograd F(2×2, 3×3) (3×3, stride 1, ≥ 16 channels each side, ≥ 256 outputs): whole tiles; odd output
    // rows and columns, channels not a multiple of 8, 2 samples; no padding
    [[1, 16, 16, 16], [16, 16, 3, 3], { padding: 1 }],
    [[2, 17, 17, 19], [19, 17, 3, 3], { padding: 1 }],
    [[1, 16, 20, 18], [24, 16, 3, 3], {}],
  ];
  for (const [xs, ws, o] of cases) {
    it(`x [${xs}] weight [${ws}] ${JSON.stringify(o)}, with and without bias`, () => {
      const x = input(xs, false);
      const w = input(ws, false);
      const bias = input([ws[0]], false);
      setBackend("js");
      const scale = ps.conv2d(abs(x), abs(w), { ...o, bias: abs(bias) });
      const [a, b] = both(() => ps.conv2d(x, w, { ...o, bias }));
      close(a, b, scale);
      const [c, d] = both(() => ps.conv2d(x, w, o));
      close(c, d, scale);
    });
  }

  it("a NaN or an infinity in the input spreads as in the reference", () => {
    const x = input([1, 2, 9, 9], false);
    x.data[20] = NaN;
    x.data[60] = Infinity;
    const w = input([3, 2, 3, 3], false);
    const [a, b] = both(() => ps.conv2d(x, w, { padding: 1 }));
    expect(Array.from(b.data, Number.isFinite)).toEqual(Array.from(a.data, Number.isFinite));
    expect(Array.from(b.data, Number.isNaN)).toEqual(Array.from(a.data, Number.isNaN));
  });
});

describe("relu on the SIMD kernel", () => {
  it("equals the reference bit for bit: NaN and −0 kept, every length's tail", () => {
    for (const n of [1, 3, 4, 7, 64, 1001]) {
      const x = input([n]);
      x.data[0] = -0;
      if (n > 2) x.data[2] = NaN;
      const [a, b] = both(() => ps.relu(x));
      expect(Array.from(b.data, (v) => (Object.is(v, -0) ? "-0" : v))).toEqual(
        Array.from(a.data, (v) => (Object.is(v, -0) ? "-0" : v)),
      );
      expect(b.data.some((v) => v < 0)).toBe(false);
    }
  });
});
