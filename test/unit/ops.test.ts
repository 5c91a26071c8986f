/** Hand-computed cases; the numbers are the measurements quoted in research/pooling.md. */
import { describe, expect, it } from "vitest";
import {
  adaptiveAvgPool1d,
  adaptiveMaxPool2d,
  arange,
  avgPool1d,
  avgPool2d,
  concat,
  conv2d,
  flatten,
  globalAvgPool,
  linear,
  lpPool1d,
  lpPool3d,
  maxPool1d,
  maxPool3d,
  maxPool2d,
  maxUnpool1d,
  maxUnpool2d,
  maxUnpool3d,
  nchwToNhwc,
  nhwcToNchw,
  rand,
  randn,
  relu,
  reshape,
  roiPool,
  spatialPyramidPool,
  stripPool,
  stripPoolingModule,
  tensor,
} from "../../src/index.js";
import { expectClose, img, row } from "./helpers.js";

describe("average pooling divisors (pooling.md 1.3)", () => {
  it("[1,2,3,4] k3 s2 p1 ceil: the last window covers x[3] + one pad cell, divisor 2", () => {
    const x = row([1, 2, 3, 4]);
    expectClose(avgPool1d(x, { kernelSize: 3, stride: 2, padding: 1, ceilMode: true }), [1, 1, 3], [1, 3, 2]);
    expectClose(
      avgPool1d(x, { kernelSize: 3, stride: 2, padding: 1, ceilMode: true, countIncludePad: false }),
      [1, 1, 3],
      [1.5, 3, 4],
    );
  });
  it("[1..5] k2 s2 ceil: the partial window is divided by 1", () => {
    expectClose(
      avgPool1d(row([1, 2, 3, 4, 5]), { kernelSize: 2, stride: 2, ceilMode: true }),
      [1, 1, 3],
      [1.5, 3.5, 5],
    );
  });
  it("[1..6] k4 s3 p2 ceil", () => {
    const x = row([1, 2, 3, 4, 5, 6]);
    expectClose(avgPool1d(x, { kernelSize: 4, stride: 3, padding: 2, ceilMode: true }), [1, 1, 3], [0.75, 3.5, 2.75]);
    expectClose(
      avgPool1d(x, { kernelSize: 4, stride: 3, padding: 2, ceilMode: true, countIncludePad: false }),
      [1, 1, 3],
      [1.5, 3.5, 5.5],
    );
  });
  it("3×3 of 1..9, k3 s2 p1: include pad, exclude pad, divisorOverride 2", () => {
    const x = img([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    // each window holds four real cells of nine: (1+2+4+5)/9, (2+3+5+6)/9, (4+5+7+8)/9, (5+6+8+9)/9
    expectClose(avgPool2d(x, { kernelSize: 3, stride: 2, padding: 1 }), [1, 1, 2, 2], [12 / 9, 16 / 9, 24 / 9, 28 / 9]);
    expectClose(
      avgPool2d(x, { kernelSize: 3, stride: 2, padding: 1, countIncludePad: false }),
      [1, 1, 2, 2],
      [3, 4, 6, 7],
    );
    expectClose(
      avgPool2d(x, { kernelSize: 3, stride: 2, padding: 1, divisorOverride: 2 }),
      [1, 1, 2, 2],
      [6, 8, 12, 14],
    );
  });
});

describe("max pooling ties, NaN and indices (pooling.md 1.3)", () => {
  it("[5,5,2,7,7] k2 s1: the first maximum wins → indices [0,1,3,3]", () => {
    const r = maxPool1d(row([5, 5, 2, 7, 7]), { kernelSize: 2, stride: 1, returnIndices: true });
    expect(Array.from(r.output.data)).toEqual([5, 5, 7, 7]);
    expect(Array.from(r.indices.data)).toEqual([0, 1, 3, 3]);
  });
  it("window [nan,1,nan,0]: NaN wins and the last NaN's index (2) is kept", () => {
    const r = maxPool1d(row([NaN, 1, NaN, 0]), { kernelSize: 4, returnIndices: true });
    expect(r.output.data[0]).toBeNaN();
    expect(r.indices.data[0]).toBe(2);
  });
  it("indices are per plane: 2×3 planes of 4×4 all index into 0..15", () => {
    const r = maxPool2d(randn([2, 3, 4, 4], { seed: 7 }), { kernelSize: 2, returnIndices: true });
    expect(Math.max(...r.indices.data)).toBeLessThan(16);
  });
  it("padding is −∞: an all-negative input never picks a padded cell", () => {
    const x = img([
      [-5, -6],
      [-7, -8],
    ]);
    expectClose(
      maxPool2d(x, { kernelSize: 2, stride: 1, padding: 1 }),
      [1, 1, 3, 3],
      [-5, -5, -6, -5, -5, -6, -7, -7, -8],
    );
  });
});

describe("adaptive pooling (pooling.md 1.4)", () => {
  it("adaptive avg [1,2,3] → 5: [1, 1.5, 2, 2.5, 3]", () => {
    expectClose(adaptiveAvgPool1d(row([1, 2, 3]), { outputSize: 5 }), [1, 1, 5], [1, 1.5, 2, 2.5, 3]);
  });
  it("adaptive max of 5×5 0..24 → 3: values equal their indices", () => {
    const x = reshape(arange(25), [1, 1, 5, 5]);
    const r = adaptiveMaxPool2d(x, { outputSize: 3, returnIndices: true });
    expect(Array.from(r.output.data)).toEqual([6, 8, 9, 16, 18, 19, 21, 23, 24]);
    expect(Array.from(r.indices.data)).toEqual([6, 8, 9, 16, 18, 19, 21, 23, 24]);
  });
  it("null in outputSize keeps that axis", () => {
    expect(adaptiveMaxPool2d(randn([1, 2, 5, 7]), { outputSize: [null, 2] }).shape).toEqual([1, 2, 5, 2]);
  });
});

describe("LP pooling keeps PyTorch's quirks (pooling.md 1.5)", () => {
  it("p=3 on [1,-2,3,-4] k2: NaN (no |x|)", () => {
    expectClose(lpPool1d(row([1, -2, 3, -4]), { normType: 3, kernelSize: 2 }), [1, 1, 2], [NaN, NaN]);
  });
  it("p=2 on [1,-2,3,-4] k2: [√5, 5]", () => {
    expectClose(lpPool1d(row([1, -2, 3, -4]), { normType: 2, kernelSize: 2 }), [1, 1, 2], [Math.sqrt(5), 5]);
  });
  it("p=1 [1..5] k2 s2 ceil: the partial window is inflated to 10", () => {
    expectClose(
      lpPool1d(row([1, 2, 3, 4, 5]), { normType: 1, kernelSize: 2, stride: 2, ceilMode: true }),
      [1, 1, 3],
      [3, 7, 10],
    );
  });
  it("3-d p=2 over a 2×2×2 block of ones is √8; the trace has three axes and the kernel volume as scale", () => {
    const r = lpPool3d(tensor(new Array(12).fill(1), [1, 1, 2, 2, 3]), {
      normType: 2,
      kernelSize: 2,
      ceilMode: true,
      trace: true,
    });
    // the ceil-mode partial window (one column) is still scaled by the full volume 8: √(8 · 4/4)
    expectClose(r.output, [1, 1, 1, 1, 2], [Math.sqrt(8), Math.sqrt(8)]);
    expect(r.trace.axes).toHaveLength(3);
    expect(r.trace.lpScale).toBe(8);
  });
});

describe("TensorFlow SAME / VALID (pooling.md 2)", () => {
  const x = img([
    [1, 2, 3, 4],
    [5, 6, 7, 8],
    [9, 10, 11, 12],
  ]);
  it("3×4 of 1..12, k2 s2: VALID max [[6,8]], SAME max [[6,8],[10,12]]", () => {
    expectClose(maxPool2d(x, { kernelSize: 2, padding: "valid" }), [1, 1, 1, 2], [6, 8]);
    expectClose(maxPool2d(x, { kernelSize: 2, padding: "same" }), [1, 1, 2, 2], [6, 8, 10, 12]);
  });
  it("SAME average excludes padded cells: [[3.5,5.5],[9.5,11.5]]", () => {
    expectClose(avgPool2d(x, { kernelSize: 2, padding: "same" }), [1, 1, 2, 2], [3.5, 5.5, 9.5, 11.5]);
  });
  it("3×3 of 1..9, k2 s1 SAME average", () => {
    const y = img([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expectClose(
      avgPool2d(y, { kernelSize: 2, stride: 1, padding: "same" }),
      [1, 1, 3, 3],
      [3, 4, 4.5, 6, 7, 7.5, 7.5, 8.5, 9],
    );
  });
  it("NHWC in, NHWC out: the same numbers as NCHW", () => {
    const t = randn([2, 3, 5, 6], { seed: 3 });
    const nchw = maxPool2d(t, { kernelSize: 2, padding: "same" });
    const nhwc = maxPool2d(nchwToNhwc(t), { kernelSize: 2, padding: "same", dataFormat: "NHWC" });
    expect(Array.from(nhwcToNchw(nhwc).data)).toEqual(Array.from(nchw.data));
  });
});

describe("max unpooling (pooling.md 1.7)", () => {
  it("into output 5×5 the flat indices are re-read with width 5: 6→(1,0), 8→(1,2), 14→(2,3), 16→(3,0)", () => {
    const x = reshape(arange(1, 17), [1, 1, 4, 4]);
    const { output, indices } = maxPool2d(x, { kernelSize: 2, returnIndices: true });
    const y = maxUnpool2d(output, indices, { kernelSize: 2, outputSize: [5, 5] });
    expect(y.get(0, 0, 1, 0)).toBe(6);
    expect(y.get(0, 0, 1, 2)).toBe(8);
    expect(y.get(0, 0, 2, 3)).toBe(14);
    expect(y.get(0, 0, 3, 0)).toBe(16);
  });
  it("an output size outside (default − s, default + s) is refused: 6×6 for a 4×4 default", () => {
    const x = reshape(arange(1, 17), [1, 1, 4, 4]);
    const { output, indices } = maxPool2d(x, { kernelSize: 2, returnIndices: true });
    expect(() => maxUnpool2d(output, indices, { kernelSize: 2, outputSize: [6, 6] })).toThrow(/between 3 and 5/);
  });
  it("1-d and 3-d: unpooling a max pool puts each maximum back where it was and zeros elsewhere", () => {
    const x1 = tensor([[[3, 1, 4, 1, 5, 9, 2, 6]]]);
    const r1 = maxPool1d(x1, { kernelSize: 2, returnIndices: true });
    expect(Array.from(maxUnpool1d(r1.output, r1.indices, { kernelSize: 2 }).data)).toEqual([3, 0, 4, 0, 0, 9, 0, 6]);
    const x3 = randn([1, 2, 4, 4, 4], { seed: 9 });
    const r3 = maxPool3d(x3, { kernelSize: 2, returnIndices: true });
    const y3 = maxUnpool3d(r3.output, r3.indices, { kernelSize: 2 });
    expect(y3.shape).toEqual([1, 2, 4, 4, 4]);
    // every nonzero of the result is a maximum, at its own place in the input
    const kept = Array.from(y3.data).flatMap((v, k) => (v !== 0 ? [k] : []));
    expect(kept).toHaveLength(16);
    for (const k of kept) expect(y3.data[k]).toBe(x3.data[k]);
  });
  it("an index outside the output volume is refused, naming indices and the value", () => {
    const r = maxPool1d(tensor([[[1, 2, 3, 4]]]), { kernelSize: 2, returnIndices: true });
    const bad = tensor([[[1, 9]]]);
    expect(() => maxUnpool1d(r.output, bad, { kernelSize: 2 })).toThrow(/maxUnpool1d: indices .*\[0, 4\).*got 9/);
    expect(() => maxUnpool3d(r.output, bad, { kernelSize: 2 })).toThrow(/maxUnpool3d.*x\.shape.*5 dims/);
  });
  it("an outputSize of the wrong length is refused with the accepted forms for 1-d and 3-d", () => {
    const r1 = maxPool1d(tensor([[[1, 2, 3, 4]]]), { kernelSize: 2, returnIndices: true });
    expect(() => maxUnpool1d(r1.output, r1.indices, { kernelSize: 2, outputSize: [4, 4] })).toThrow(
      "maxUnpool1d: outputSize must be [L] or [N, C, L], got [4, 4]",
    );
    const r3 = maxPool3d(randn([1, 1, 2, 2, 2], { seed: 1 }), { kernelSize: 2, returnIndices: true });
    expect(() => maxUnpool3d(r3.output, r3.indices, { kernelSize: 2, outputSize: [1, 2, 2, 2] })).toThrow(
      "maxUnpool3d: outputSize must be [D, H, W] or [N, C, D, H, W]",
    );
  });
  it("repeated indices: the last write wins, as single-threaded PyTorch", () => {
    const y = maxUnpool1d(tensor([[[10, 20, 30]]]), tensor([[[1, 1, 1]]]), { kernelSize: 2 });
    expect(Array.from(y.data)).toEqual([0, 30, 0, 0, 0, 0]);
  });
});

describe("SPP (pooling.md 5)", () => {
  it("C=256 with {6,3,2,1} gives 12800 features; {4,2,1} 5376; {3,2,1} 3584", () => {
    const x = rand([1, 256, 13, 13], { seed: 1 });
    expect(spatialPyramidPool(x, { levels: [6, 3, 2, 1] }).shape).toEqual([1, 12800]);
    expect(spatialPyramidPool(x, { levels: [4, 2, 1] }).shape).toEqual([1, 5376]);
    expect(spatialPyramidPool(x, { levels: [3, 2, 1] }).shape).toEqual([1, 3584]);
  });
  it("the paper rule on 10×10 really produces 9×9 at level 6, reported in the trace", () => {
    const r = spatialPyramidPool(rand([1, 2, 10, 10]), { levels: [6, 1], rule: "paper", trace: true });
    expect(r.trace.levels.map((l) => l.bins)).toEqual([
      [9, 9],
      [1, 1],
    ]);
    expect(r.output.shape).toEqual([1, 2 * (81 + 1)]);
  });
  it("level 1 of a max pyramid is the global max, channel-major after the level-2 block", () => {
    const x = reshape(arange(32), [1, 2, 4, 4]);
    const y = spatialPyramidPool(x, { levels: [2, 1] });
    // level 2: channel 0 maxima of the four 2×2 quadrants, then channel 1's; level 1: 15, 31
    expect(Array.from(y.data)).toEqual([5, 7, 13, 15, 21, 23, 29, 31, 15, 31]);
  });
});

describe("strip pooling", () => {
  const x = img([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  it("horizontal: the mean of each row (H×1)", () => {
    const y = stripPool(x, "horizontal");
    expect(y.shape).toEqual([1, 1, 2, 1]);
    expectClose(y, [1, 1, 2, 1], [2, 5]);
  });
  it("vertical: the mean of each column (1×W)", () => {
    const y = stripPool(x, "vertical");
    expect(y.shape).toEqual([1, 1, 1, 3]);
    expectClose(y, [1, 1, 1, 3], [2.5, 3.5, 4.5]);
  });
  it("the module with hand-set weights: identity strip convs, 1×1 conv weight 1 and bias 0", () => {
    // conv1/conv2 pass the centre tap only, so pre = rowMean[i] + colMean[j]; attention = σ(relu(pre))
    const weights = {
      conv1: tensor([0, 1, 0], [1, 1, 3, 1]),
      conv2: tensor([0, 1, 0], [1, 1, 1, 3]),
      conv3: tensor([1], [1, 1, 1, 1]),
      bias3: tensor([0], [1]),
    };
    const r = stripPoolingModule(x, { weights });
    const rowMean = [2, 5];
    const colMean = [2.5, 3.5, 4.5];
    const want = [0, 1].flatMap((i) => [0, 1, 2].map((j) => 1 / (1 + Math.exp(-(rowMean[i] + colMean[j])))));
    expectClose(r.attention, [1, 1, 2, 3], want);
    expectClose(
      r.output,
      [1, 1, 2, 3],
      want.map((a, k) => a * x.data[k]),
    );
  });
  it("seeded weights are reproducible", () => {
    const t = randn([1, 3, 4, 5], { seed: 9 });
    expect(Array.from(stripPoolingModule(t, { seed: 4 }).output.data)).toEqual(
      Array.from(stripPoolingModule(t, { seed: 4 }).output.data),
    );
  });
});

describe("ops around pooling", () => {
  it("conv2d: a 2×2 box filter with bias on 3×3 of 1..9", () => {
    const x = img([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const y = conv2d(x, tensor([1, 1, 1, 1], [1, 1, 2, 2]), { bias: tensor([0.5]) });
    expectClose(y, [1, 1, 2, 2], [12.5, 16.5, 24.5, 28.5]);
  });
  it("conv2d groups: each channel filtered alone", () => {
    const x = tensor([1, 2, 3, 4, 10, 20, 30, 40], [1, 2, 2, 2]);
    const y = conv2d(x, tensor([1, 2], [2, 1, 1, 1]), { groups: 2 });
    expectClose(y, [1, 2, 2, 2], [1, 2, 3, 4, 20, 40, 60, 80]);
  });
  it("linear: [1,2]·[[1,0],[1,1]]ᵀ + [0,10] = [1, 13]", () => {
    expectClose(
      linear(
        tensor([[1, 2]]),
        tensor([
          [1, 0],
          [1, 1],
        ]),
        tensor([0, 10]),
      ),
      [1, 2],
      [1, 13],
    );
  });
  it("relu, flatten, concat, reshape", () => {
    expectClose(relu(tensor([-1, 0, 2])), [3], [0, 0, 2]);
    expect(flatten(randn([2, 3, 4, 5])).shape).toEqual([2, 60]);
    expect(concat([randn([1, 2]), randn([1, 3])], 1).shape).toEqual([1, 5]);
    expect(reshape(arange(6), [-1, 3]).shape).toEqual([2, 3]);
  });
  it("seeded randn is reproducible, different seeds differ, and the sample is roughly standard", () => {
    const a = randn([10000], { seed: 1 });
    expect(Array.from(a.data)).toEqual(Array.from(randn([10000], { seed: 1 }).data));
    expect(a.data[0]).not.toBe(randn([10000], { seed: 2 }).data[0]);
    const mean = a.data.reduce((s, v) => s + v, 0) / a.size;
    const variance = a.data.reduce((s, v) => s + (v - mean) ** 2, 0) / a.size;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
  it("globalAvgPool of 1..4 is 2.5", () => {
    expectClose(
      globalAvgPool(
        img([
          [1, 2],
          [3, 4],
        ]),
      ),
      [1, 1, 1, 1],
      [2.5],
    );
  });
  it("roiPool: a box over the whole 4×4 map, 2×2 bins = the quadrant maxima", () => {
    const x = reshape(arange(16), [1, 1, 4, 4]);
    expectClose(roiPool(x, tensor([[0, 0, 0, 3, 3]]), { outputSize: 2 }), [1, 1, 2, 2], [5, 7, 13, 15]);
  });
  it("roiPool: spatialScale 0.5 maps image box (2,2)-(6,6) onto feature cells 1..3", () => {
    const x = reshape(arange(16), [1, 1, 4, 4]);
    expectClose(roiPool(x, tensor([[0, 2, 2, 6, 6]]), { outputSize: 1, spatialScale: 0.5 }), [1, 1, 1, 1], [15]);
  });
});

describe("tensor()", () => {
  it("copies its data, as torch.tensor does, with or without a shape", () => {
    const src = Float32Array.from([1, 2, 3, 4]);
    const a = tensor(src, [2, 2]);
    const b = tensor(src);
    src[0] = 99;
    expect(a.data[0]).toBe(1);
    expect(b.data[0]).toBe(1);
  });
});
