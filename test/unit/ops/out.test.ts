// The `out` option writes into the tensor it is given, views included, and refuses a copy made where PyTorch
// would have returned a view (the write would not reach what the caller means).
import { describe, expect, it } from "vitest";
import { maxPool2d, randn, zeros } from "../../../src/index.js";

describe("out", () => {
  const x = randn([1, 2, 8, 8], { seed: 4 });
  const want = maxPool2d(x, { kernelSize: 2 });

  it("writes through a view into its base", () => {
    const base = zeros([3, 2, 4, 4]);
    const out = base.select(0, 1).unsqueeze(0);
    expect(maxPool2d(x, { kernelSize: 2, out })).toBe(out);
    expect(base.select(0, 1).unsqueeze(0).equal(want)).toBe(true);
    expect(base.select(0, 0).abs().sum().item()).toBe(0);
  });

  it("refuses a copy made by permute, naming it", () => {
    const out = zeros([4, 4, 1, 2]).permute(2, 3, 0, 1);
    expect(() => maxPool2d(x, { kernelSize: 2, out })).toThrow(/maxPool2d: out is a copy made by permute/);
  });
});
