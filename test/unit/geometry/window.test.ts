import { describe, expect, it } from "vitest";
import {
  adaptiveRange,
  conv2dParamCount,
  explainConvOutputSize,
  explainPoolOutputSize,
  explainTfPoolOutputSize,
  linearParamCount,
  ParameterError,
  poolOutputSize,
  samePadding,
  sppBins,
} from "../../../src/index.js";

describe("PyTorch pooling output size (pooling.md 1.2)", () => {
  // (n, k, s, p) in ceil mode where a naive ceil(...)+1 over-counts and torch drops the last window
  it.each([
    [2, 1, 2, 0, 1],
    [1, 2, 2, 1, 1],
    [5, 2, 2, 1, 3],
    [9, 4, 4, 2, 3],
  ])("n=%i k=%i s=%i p=%i ceil → %i", (n, k, s, p, want) => {
    expect(poolOutputSize(n, k, s, p, p, 1, true)).toBe(want);
  });

  it("pytorch#57178: k=1, s=2, n=32 in ceil mode gives 16, not the docs' 17", () => {
    expect(poolOutputSize(32, 1, 2, 0, 0, 1, true)).toBe(16);
  });

  it("floor mode: 7 wide, k=3, s=2, p=1 → 4", () => {
    expect(poolOutputSize(7, 3, 2, 1, 1, 1, false)).toBe(4);
  });
});

describe("TensorFlow SAME padding (pooling.md 2)", () => {
  it("n=13, k=6, s=5 → total 3 split (1, 2), the odd cell at the end", () => {
    expect(samePadding(13, 6, 5)).toEqual([1, 2]);
  });
  it("n=5, k=3, s=2 → (1, 1)", () => {
    expect(samePadding(5, 3, 2)).toEqual([1, 1]);
  });
});

describe("adaptive bins (pooling.md 1.4 table)", () => {
  const bins = (n: number, o: number) => Array.from({ length: o }, (_, i) => adaptiveRange(i, o, n));
  it("5 → 3", () =>
    expect(bins(5, 3)).toEqual([
      [0, 2],
      [1, 4],
      [3, 5],
    ]));
  it("7 → 4", () =>
    expect(bins(7, 4)).toEqual([
      [0, 2],
      [1, 4],
      [3, 6],
      [5, 7],
    ]));
  it("10 → 3", () =>
    expect(bins(10, 3)).toEqual([
      [0, 4],
      [3, 7],
      [6, 10],
    ]));
  it("3 → 5 (upsampling)", () =>
    expect(bins(3, 5)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
      [1, 3],
      [2, 3],
    ]));
});

describe("SPP bin counts (pooling.md 5)", () => {
  it("paper rule on 13×13 gives the requested {6,3,2,1}", () => {
    expect(sppBins(13, 13, [6, 3, 2, 1], "paper")).toEqual([
      [6, 6],
      [3, 3],
      [2, 2],
      [1, 1],
    ]);
  });
  it("paper rule on 10×10 gives 9 bins instead of 6 (window 2, stride 1)", () => {
    expect(sppBins(10, 10, [6, 3, 2, 1], "paper")[0]).toEqual([9, 9]);
  });
  it("paper rule: a=7, n=5 → 6 bins; a=5, n=3 → 4 bins", () => {
    expect(sppBins(7, 7, [5], "paper")[0]).toEqual([6, 6]);
    expect(sppBins(5, 5, [3], "paper")[0]).toEqual([4, 4]);
  });
  it("corrected rule gives n bins where no bin is all padding (13, n=4: K=S=4, p=2)", () => {
    expect(sppBins(13, 13, [4, 2, 1], "corrected")).toEqual([
      [4, 4],
      [2, 2],
      [1, 1],
    ]);
  });
  it("corrected rule throws naming the level and the size where a bin is all padding (a=5, n=4)", () => {
    expect(() => sppBins(5, 5, [4], "corrected")).toThrow(ParameterError);
    expect(() => sppBins(5, 5, [4], "corrected")).toThrow(
      /levels entry 0 \(n=4\) on input H=5.*entirely in the padding/,
    );
  });
  it("corrected rule refuses, as PyTorch does, padding above half the window with no bin all padding (a=9, n=4)", () => {
    // K=3, p=2: bins [−2, 1), [1, 4), [4, 7), [7, 10) each hold real cells, but max_pool2d refuses p > K/2
    expect(() => sppBins(9, 9, [4], "corrected")).toThrow(
      /H=9 cannot use the corrected rule.*padding 2 is more than half/,
    );
    // and where PyTorch accepts the padding, n bins (a=11, n=4: K=3, p=1)
    expect(sppBins(11, 11, [4], "corrected")).toEqual([[4, 4]]);
  });
  it("adaptive rule always gives n bins, even when a < n", () => {
    expect(sppBins(3, 10, [6, 4], "adaptive")).toEqual([
      [6, 6],
      [4, 4],
    ]);
  });
});

describe("explanations", () => {
  it("floor mode shows the numbers", () => {
    const e = explainPoolOutputSize({ size: 7, kernelSize: 3, stride: 2, padding: 1 });
    expect(e.size).toBe(4);
    expect(e.steps[0]).toBe("⌊(7 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = ⌊6/2⌋ + 1 = 3 + 1 = 4");
  });
  it("ceil mode explains the dropped window (pytorch#116420: 9, k=4, s=4, p=2 → 3)", () => {
    const e = explainPoolOutputSize({ size: 9, kernelSize: 4, stride: 4, padding: 2, ceilMode: true });
    expect(e.size).toBe(3);
    expect(e.text).toContain("(4−1)·4 = 12 ≥ n + p = 11");
  });
  it("TF SAME shows the pad split", () => {
    const e = explainTfPoolOutputSize({ size: 13, kernelSize: 6, stride: 5, padding: "same" });
    expect(e.size).toBe(3);
    expect(e.text).toContain("= 3: 1 before, 2 after");
  });
  it("TF VALID: ⌈(7 − 3 + 1)/2⌉ = 3", () => {
    expect(explainTfPoolOutputSize({ size: 7, kernelSize: 3, stride: 2, padding: "valid" }).size).toBe(3);
  });
  it("conv: 8 wide, k=3, s=2, p=1 → 4", () => {
    expect(explainConvOutputSize({ size: 8, kernelSize: 3, stride: 2, padding: 1 }).size).toBe(4);
  });
  it("impossible parameters throw the op's error", () => {
    expect(() => explainPoolOutputSize({ size: 5, kernelSize: 3, padding: 2 })).toThrow(/padding/);
  });
});

describe("parameter counts", () => {
  it("Conv2d(3, 64, 3): 64·3·9 = 1728 weights + 64 biases", () => {
    const c = conv2dParamCount({ inChannels: 3, outChannels: 64, kernelSize: 3 });
    expect([c.weights, c.bias, c.total]).toEqual([1728, 64, 1792]);
  });
  it("depthwise Conv2d(32, 32, 3, groups 32) without bias: 32·1·9 = 288", () => {
    expect(conv2dParamCount({ inChannels: 32, outChannels: 32, kernelSize: 3, groups: 32, bias: false }).total).toBe(
      288,
    );
  });
  it("SPP-net fc6: 12800 → 4096 dense has 52,432,896 parameters", () => {
    expect(linearParamCount({ inFeatures: 12800, outFeatures: 4096 }).total).toBe(12800 * 4096 + 4096);
  });
  it("groups must divide the channels", () => {
    expect(() => conv2dParamCount({ inChannels: 3, outChannels: 4, kernelSize: 3, groups: 2 })).toThrow(/groups/);
  });
});
