// PyTorch's stride rules, which isContiguous() and view() answer from (the golden file checks them through
// chains of view ops; these pin the rules themselves, with the strides PyTorch reports for the same tensors).
import { describe, expect, it } from "vitest";
import { cloneStrides, isContiguousLayout, viewStrides } from "../../../src/core/strides.js";

describe("isContiguousLayout, as c10's compute_contiguous", () => {
  it("ignores size-1 dims and calls empty tensors contiguous", () => {
    expect(isContiguousLayout([3, 4], [4, 1])).toBe(true);
    expect(isContiguousLayout([4, 3], [1, 4])).toBe(false);
    // x[:, :1] of a 3×2: strides (2, 1), the size-1 dim's stride is no matter
    expect(isContiguousLayout([1, 3], [99, 1])).toBe(true);
    expect(isContiguousLayout([0, 3], [1, 7])).toBe(true);
    expect(isContiguousLayout([3, 4], [0, 1])).toBe(false);
  });
});

describe("viewStrides, as ATen's computeStride", () => {
  it("splits and merges runs that are contiguous in memory, nothing else", () => {
    // torch.randn(3, 4).t(): (1, 4)
    expect(viewStrides([4, 3], [1, 4], [12])).toBeNull();
    expect(viewStrides([4, 3], [1, 4], [2, 2, 3])).toEqual([2, 1, 4]);
    // torch.randn(2, 3, 4)[:, :, 1:3]: (12, 4, 1) merges its first two dims, not its last two
    expect(viewStrides([2, 3, 2], [12, 4, 1], [6, 2])).toEqual([4, 1]);
    expect(viewStrides([2, 3, 2], [12, 4, 1], [2, 6])).toBeNull();
    // an expand's stride 0 splits
    expect(viewStrides([3, 4], [1, 0], [3, 2, 2])).toEqual([1, 0, 0]);
    expect(viewStrides([], [], [1, 1])).toEqual([1, 1]);
    expect(viewStrides([3, 4], [4, 1], [2, 6])).toEqual([6, 1]);
  });
});

describe("cloneStrides, as clone's preserve_format", () => {
  it("keeps a dense reordering and falls back to row-major otherwise", () => {
    expect(cloneStrides([4, 3], [1, 4])).toEqual([1, 4]);
    expect(cloneStrides([3, 2], [4, 2])).toEqual([2, 1]);
    expect(cloneStrides([3, 4], [1, 0])).toEqual([4, 1]);
  });
});
