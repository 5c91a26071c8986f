import { describe, expect, it } from "vitest";
import {
  conv2dParamCount,
  explainConvOutputSize,
  explainPoolOutputSize,
  explainTfPoolOutputSize,
  linearParamCount,
} from "../../../src/index.js";

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
  it("both explanations name a parameter that is not a whole number, and its value", () => {
    expect(() => explainPoolOutputSize({ size: 7, kernelSize: 3, stride: 1.5 })).toThrow(
      /^explainPoolOutputSize: stride must be a whole number, got 1\.5/,
    );
    expect(() => explainConvOutputSize({ size: 7.5, kernelSize: 3 })).toThrow(
      /^explainConvOutputSize: size must be a whole number, got 7\.5/,
    );
    expect(() => explainConvOutputSize({ size: 7, kernelSize: 3, dilation: 0.5 })).toThrow(/dilation/);
  });
});
