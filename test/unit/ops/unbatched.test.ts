import { describe, expect, it } from "vitest";
import { arange, maxPool2d, avgPool1d, maxUnpool2d, adaptiveAvgPool3d } from "../../../src/index.js";

describe("unbatched input, where PyTorch takes it", () => {
  const chw = arange(2 * 4 * 4).reshape(2, 4, 4);

  it("pools (C, H, W) into (C, H', W'), the batched values without the batch dim", () => {
    const y = maxPool2d(chw, { kernelSize: 2 });
    expect(y.shape).toEqual([2, 2, 2]);
    expect(Array.from(y.data)).toEqual(Array.from(maxPool2d(chw.unsqueeze(0), { kernelSize: 2 }).data));
    expect(avgPool1d(arange(6).reshape(1, 6), { kernelSize: 2 }).shape).toEqual([1, 3]);
    expect(adaptiveAvgPool3d(arange(16).reshape(1, 2, 2, 4), { outputSize: 1 }).shape).toEqual([1, 1, 1, 1]);
  });

  it("returns unbatched indices, which unpool back to (C, H, W)", () => {
    const r = maxPool2d(chw, { kernelSize: 2, returnIndices: true });
    expect(r.indices.shape).toEqual([2, 2, 2]);
    expect(maxUnpool2d(r.output, r.indices, { kernelSize: 2 }).shape).toEqual([2, 4, 4]);
  });

  it("keeps a traced result batched (a batch of one), so its trace describes its tensors", () => {
    const t = maxPool2d(chw, { kernelSize: 2, trace: true });
    expect(t.input.shape).toEqual([1, 2, 4, 4]);
    expect(t.output.shape).toEqual([1, 2, 2, 2]);
  });

  it("still refuses a rank below the unbatched form", () => {
    expect(() => maxPool2d(arange(16).reshape(4, 4), { kernelSize: 2 })).toThrow(/maxPool2d: x.shape must have 4 dims/);
  });
});
