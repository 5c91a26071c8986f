import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adaptiveAvgPool2dBackward,
  adaptiveMaxPool2dBackward,
  avgPool1dBackward,
  avgPool2dBackward,
  maxPool1dBackward,
  maxPool2dBackward,
  randn,
  tensor,
} from "../../../src/index.js";
import { expectClose } from "../helpers.js";

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe("where the gradient goes", () => {
  it("max: to the winner; a cell that wins two overlapping windows collects both", () => {
    // [1, 5, 2, 0], k2 s1: windows win at 1, 1, 2
    const g = maxPool1dBackward(tensor([1, 2, 4], [1, 1, 3]), tensor([1, 5, 2, 0], [1, 1, 4]), {
      kernelSize: 2,
      stride: 1,
    });
    expectClose(g.data, [0, 3, 4, 0]);
  });
  it("avg: split by the divisor; with padding counted, the border loses the padded share", () => {
    // [a,b,c], k3 s1 p1: each window divides by 3; cell 0 is in windows 0 and 1
    const g = avgPool1dBackward(tensor([3, 3, 3], [1, 1, 3]), tensor([1, 2, 3], [1, 1, 3]), {
      kernelSize: 3,
      stride: 1,
      padding: 1,
    });
    expectClose(g.data, [2, 3, 2]);
  });
  it("adaptive avg: overlapping bins both send their share (5 → 3 bins [0,2),[1,4),[3,5))", () => {
    const g = adaptiveAvgPool2dBackward(tensor([1, 1, 1], [1, 1, 1, 3]), randn([1, 1, 1, 5]), { outputSize: [1, 3] });
    expectClose(g.data, [1 / 2, 1 / 2 + 1 / 3, 1 / 3, 1 / 3 + 1 / 2, 1 / 2]);
  });
  it("adaptive max: to each bin's argmax", () => {
    const g = adaptiveMaxPool2dBackward(tensor([1, 2], [1, 1, 1, 2]), tensor([9, 1, 1, 1, 8], [1, 1, 1, 5]), {
      outputSize: [1, 2],
    });
    expectClose(g.data, [1, 0, 0, 0, 2]);
  });
});

describe("gradient conservation (property)", () => {
  it("max pooling loses no gradient: Σ gradX = Σ gradY", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (h, w, k, s, seed) => {
          fc.pre(k <= h && k <= w);
          const x = randn([1, 2, h, w], { seed });
          const oh = Math.floor((h - k) / s) + 1;
          const ow = Math.floor((w - k) / s) + 1;
          const gy = randn([1, 2, oh, ow], { seed: seed + 1 });
          const gx = maxPool2dBackward(gy, x, { kernelSize: k, stride: s });
          expect(sum(gx.data)).toBeCloseTo(sum(gy.data), 3);
        },
      ),
      { numRuns: 100 },
    );
  });
  it("average pooling without padding conserves gradient too", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (n, k, s, seed) => {
          fc.pre(k <= n);
          const x = randn([1, 1, n, n], { seed });
          const o = Math.floor((n - k) / s) + 1;
          const gy = randn([1, 1, o, o], { seed: seed + 1 });
          expect(sum(avgPool2dBackward(gy, x, { kernelSize: k, stride: s }).data)).toBeCloseTo(sum(gy.data), 3);
        },
      ),
      { numRuns: 100 },
    );
  });
});
