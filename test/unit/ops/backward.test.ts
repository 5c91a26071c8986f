import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adaptiveAvgPool1dBackward,
  adaptiveAvgPool2dBackward,
  adaptiveAvgPool3dBackward,
  adaptiveMaxPool1dBackward,
  adaptiveMaxPool2dBackward,
  adaptiveMaxPool3dBackward,
  avgPool1dBackward,
  avgPool2dBackward,
  avgPool3dBackward,
  maxPool1dBackward,
  maxPool2dBackward,
  maxPool3dBackward,
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
    expectClose(g, [1, 1, 4], [0, 3, 4, 0]);
  });
  it("avg: split by the divisor; with padding counted, the border loses the padded share", () => {
    // [a,b,c], k3 s1 p1: each window divides by 3; cell 0 is in windows 0 and 1
    const g = avgPool1dBackward(tensor([3, 3, 3], [1, 1, 3]), tensor([1, 2, 3], [1, 1, 3]), {
      kernelSize: 3,
      stride: 1,
      padding: 1,
    });
    expectClose(g, [1, 1, 3], [2, 3, 2]);
  });
  it("adaptive avg: overlapping bins both send their share (5 → 3 bins [0,2),[1,4),[3,5))", () => {
    const g = adaptiveAvgPool2dBackward(tensor([1, 1, 1], [1, 1, 1, 3]), randn([1, 1, 1, 5]), { outputSize: [1, 3] });
    expectClose(g, [1, 1, 1, 5], [1 / 2, 1 / 2 + 1 / 3, 1 / 3, 1 / 3 + 1 / 2, 1 / 2]);
  });
  it("adaptive max: to each bin's argmax", () => {
    const g = adaptiveMaxPool2dBackward(tensor([1, 2], [1, 1, 1, 2]), tensor([9, 1, 1, 1, 8], [1, 1, 1, 5]), {
      outputSize: [1, 2],
    });
    expectClose(g, [1, 1, 1, 5], [1, 0, 0, 0, 2]);
  });
});

// Hand values; test/fixtures/golden/torch2_backward.json holds PyTorch's autograd for the same functions on
// random inputs with padding, ceil mode, dilation and ties.
describe("where the gradient goes in 1-d and 3-d", () => {
  const cube = tensor([3, 1, 4, 1, 5, 9, 2, 6], [1, 1, 2, 2, 2]);
  it("3-d max: the whole gradient to the volume's maximum (9 at flat 5)", () => {
    expectClose(
      maxPool3dBackward(tensor([10], [1, 1, 1, 1, 1]), cube, { kernelSize: 2 }),
      [1, 1, 2, 2, 2],
      [0, 0, 0, 0, 0, 10, 0, 0],
    );
  });
  it("3-d max, overlapping windows along W: the cell that wins both collects both", () => {
    // one 1×1×3 row [1, 7, 2], k [1, 1, 2] s 1: both windows pick 7
    const g = maxPool3dBackward(tensor([4, 5], [1, 1, 1, 1, 2]), tensor([1, 7, 2], [1, 1, 1, 1, 3]), {
      kernelSize: [1, 1, 2],
      stride: 1,
    });
    expectClose(g, [1, 1, 1, 1, 3], [0, 9, 0]);
  });
  it("3-d avg: an eighth to each cell of the 2×2×2 window; with padding counted, a corner window's share", () => {
    expectClose(
      avgPool3dBackward(tensor([8], [1, 1, 1, 1, 1]), cube, { kernelSize: 2 }),
      [1, 1, 2, 2, 2],
      new Array(8).fill(1),
    );
    // k2 s2 p1 on 2×2×2: 8 windows, each holding one real cell and divided by 8
    const g = avgPool3dBackward(tensor(new Array(8).fill(8), [1, 1, 2, 2, 2]), cube, {
      kernelSize: 2,
      stride: 2,
      padding: 1,
    });
    expectClose(g, [1, 1, 2, 2, 2], new Array(8).fill(1));
  });
  it("adaptive avg 1-d: overlapping bins both send their share (5 → 3 bins [0,2),[1,4),[3,5))", () => {
    const g = adaptiveAvgPool1dBackward(tensor([1, 1, 1], [1, 1, 3]), randn([1, 1, 5]), { outputSize: 3 });
    expectClose(g, [1, 1, 5], [1 / 2, 1 / 2 + 1 / 3, 1 / 3, 1 / 3 + 1 / 2, 1 / 2]);
  });
  it("adaptive max 1-d: to each bin's argmax (bins [0,3), [2,5))", () => {
    const g = adaptiveMaxPool1dBackward(tensor([1, 2], [1, 1, 2]), tensor([9, 1, 1, 1, 8], [1, 1, 5]), {
      outputSize: 2,
    });
    expectClose(g, [1, 1, 5], [1, 0, 0, 0, 2]);
  });
  it("adaptive avg 3-d: W 3 → 2 bins [0,2), [1,3) of 8 cells each; the middle column takes from both", () => {
    const g = adaptiveAvgPool3dBackward(tensor([6, 12], [1, 1, 1, 1, 2]), randn([1, 1, 2, 2, 3]), {
      outputSize: [1, 1, 2],
    });
    expectClose(g, [1, 1, 2, 2, 3], [0.75, 2.25, 1.5, 0.75, 2.25, 1.5, 0.75, 2.25, 1.5, 0.75, 2.25, 1.5]);
  });
  it("adaptive max 3-d: to the argmax of each depth half", () => {
    // D 2 → 2 bins (one slice each), H, W → 1: slice 0's max 4 at flat 2, slice 1's 9 at flat 5
    const g = adaptiveMaxPool3dBackward(tensor([1, 2], [1, 1, 2, 1, 1]), cube, { outputSize: [2, 1, 1] });
    expectClose(g, [1, 1, 2, 2, 2], [0, 0, 1, 0, 0, 2, 0, 0]);
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
