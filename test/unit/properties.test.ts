/** Property tests: sizes against the formulas written out here independently, and invariants of pooling. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adaptiveAvgPool2d,
  adaptiveMaxPool2d,
  avgPool1d,
  avgPool2d,
  conv2d,
  globalAvgPool,
  globalMaxPool,
  maxPool1d,
  maxPool2d,
  ParameterError,
  randn,
  spatialPyramidPool,
  zeros,
} from "../../src/index.js";

/** PyTorch's documented size, plus the ceil-mode rule that the last window starts inside input or left pad. */
function torchSize(n: number, k: number, s: number, p: number, d: number, ceil: boolean): number {
  const ek = d * (k - 1) + 1;
  if (!ceil) return Math.floor((n + 2 * p - ek) / s) + 1;
  let out = Math.ceil((n + 2 * p - ek) / s) + 1;
  if ((out - 1) * s >= n + p) out--;
  return out;
}

describe("output sizes equal the formulas", () => {
  it("max and avg pooling, PyTorch flavour: n 1..15, k 1..6, s 1..5, d 1..3, every p ≤ k/2, floor and ceil", () => {
    let checked = 0;
    for (let n = 1; n <= 15; n++)
      for (let k = 1; k <= 6; k++)
        for (let s = 1; s <= 5; s++)
          for (let d = 1; d <= 3; d++)
            for (let p = 0; 2 * p <= k; p++)
              for (const ceil of [false, true]) {
                const want = torchSize(n, k, s, p, d, ceil);
                const x = zeros([1, 1, n]);
                const o = { kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: ceil };
                if (want < 1) {
                  expect(() => maxPool1d(x, o)).toThrow(ParameterError);
                  continue;
                }
                expect(maxPool1d(x, o).shape[2]).toBe(want);
                if (d === 1)
                  expect(avgPool1d(x, { kernelSize: k, stride: s, padding: p, ceilMode: ceil }).shape[2]).toBe(want);
                checked++;
              }
    expect(checked).toBeGreaterThan(5000);
  });

  it("padding above half the kernel is refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), (k, extra) => {
        const p = Math.floor(k / 2) + extra;
        expect(() => maxPool1d(zeros([1, 1, 40]), { kernelSize: k, padding: p })).toThrow(/padding/);
      }),
    );
  });

  it("TensorFlow: SAME gives ⌈n/s⌉, VALID gives ⌈(n − k + 1)/s⌉", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 6 }),
        (n, k, s) => {
          const x = zeros([1, 1, n, 1]);
          const o = { kernelSize: [k, 1], stride: [s, 1] };
          expect(maxPool2d(x, { ...o, padding: "same" }).shape[2]).toBe(Math.ceil(n / s));
          expect(avgPool2d(x, { ...o, padding: "same" }).shape[2]).toBe(Math.ceil(n / s));
          if (k <= n) expect(maxPool2d(x, { ...o, padding: "valid" }).shape[2]).toBe(Math.ceil((n - k + 1) / s));
          else expect(() => maxPool2d(x, { ...o, padding: "valid" })).toThrow(ParameterError);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("conv2d: ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (n, k, s, p, d) => {
          const want = Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
          const run = () =>
            conv2d(zeros([1, 1, n, 1]), zeros([1, 1, k, 1]), { stride: [s, 1], padding: [p, 0], dilation: [d, 1] });
          if (want < 1) expect(run).toThrow(ParameterError);
          else expect(run().shape[2]).toBe(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const shapeArb = fc.record({
  n: fc.integer({ min: 1, max: 2 }),
  c: fc.integer({ min: 1, max: 3 }),
  h: fc.integer({ min: 1, max: 12 }),
  w: fc.integer({ min: 1, max: 12 }),
  seed: fc.integer(),
});

describe("invariants", () => {
  it("global pooling equals adaptive pooling to 1", () => {
    fc.assert(
      fc.property(shapeArb, ({ n, c, h, w, seed }) => {
        const x = randn([n, c, h, w], { seed });
        expect(Array.from(globalMaxPool(x).data)).toEqual(Array.from(adaptiveMaxPool2d(x, { outputSize: 1 }).data));
        expect(Array.from(globalAvgPool(x).data)).toEqual(Array.from(adaptiveAvgPool2d(x, { outputSize: 1 }).data));
        expect(globalAvgPool(x).shape).toEqual([n, c, 1, 1]);
      }),
      { numRuns: 100 },
    );
  });

  it("SPP output length is C·Σn² whatever the input size (adaptive rule)", () => {
    fc.assert(
      fc.property(
        shapeArb,
        fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<"max" | "avg">("max", "avg"),
        ({ n, c, h, w, seed }, levels, mode) => {
          const y = spatialPyramidPool(randn([n, c, h, w], { seed }), { levels, mode });
          expect(y.shape).toEqual([n, c * levels.reduce((s, l) => s + l * l, 0)]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("SPP with the corrected rule, where it does not refuse, also gives C·Σn²", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (h, w, lv) => {
          let y;
          try {
            y = spatialPyramidPool(zeros([1, 2, h, w]), { levels: [lv, 1], rule: "corrected" });
          } catch (e) {
            expect(e).toBeInstanceOf(ParameterError);
            expect((e as Error).message).toMatch(/entry 0 \(n=\d\) on input [HW]=\d+/);
            return;
          }
          expect(y.shape).toEqual([1, 2 * (lv * lv + 1)]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("max ≥ mean in every window where no padding enters", () => {
    fc.assert(
      fc.property(
        shapeArb,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        ({ n, c, h, w, seed }, k, s, ceil) => {
          fc.pre(k <= h && k <= w);
          const x = randn([n, c, h, w], { seed });
          const mx = maxPool2d(x, { kernelSize: k, stride: s, ceilMode: ceil });
          // countIncludePad false: a ceil-mode overhang is not padding, the mean is over real cells only
          const mean = avgPool2d(x, { kernelSize: k, stride: s, ceilMode: ceil, countIncludePad: false });
          for (let i = 0; i < mx.size; i++) expect(mx.data[i]).toBeGreaterThanOrEqual(mean.data[i] - 1e-6);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("a failing property says how to reproduce it", () => {
  // a property that fails for any window longer than 1 (8 cells, stride = kernel: floor(8 / k) outputs)
  const failing = (params: fc.Parameters<[number, number]> = {}) => {
    try {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 6 }), fc.integer(), (k, seed) => {
          expect(maxPool1d(randn([1, 1, 8], { seed }), { kernelSize: k }).shape[2]).toBeGreaterThan(5);
        }),
        params,
      );
    } catch (e) {
      return (e as Error).message;
    }
    return "passed";
  };

  it("prints the seed, the path and the shrunk counterexample", () => {
    const message = failing();
    expect(message).toMatch(/\{ seed: -?\d+, path: "[\d:]+", endOnFailure: true \}/);
    expect(message).toMatch(/Counterexample: \[2,0\]/);
  });

  it("the printed seed replays the same failure", () => {
    const message = failing();
    const seed = Number(/seed: (-?\d+)/.exec(message)?.[1]);
    const path = /path: "([\d:]+)"/.exec(message)?.[1];
    expect(failing({ seed, path })).toMatch(/Counterexample: \[2,0\]/);
    expect(failing({ seed })).toContain(`seed: ${seed},`);
  });
});
