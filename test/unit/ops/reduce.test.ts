import { describe, expect, it } from "vitest";
import { max, ParameterError, sum, tensor, variance } from "../../../src/index.js";

describe("reductions", () => {
  const x = tensor([
    [1, 5, 3],
    [4, 2, 6],
  ]);

  it("return 0-d tensors over everything, and item() reads the value", () => {
    expect(x.sum().shape).toEqual([]);
    expect(x.sum().item()).toBe(21);
    expect(x.mean().item()).toBe(3.5);
    expect(sum(x, [0, 1], true).shape).toEqual([1, 1]);
  });

  it("max(dim) gives PyTorch's values and indices; max() and max(other) a tensor", () => {
    const r = x.max(1);
    expect(Array.from(r.values.data)).toEqual([5, 6]);
    expect(Array.from(r.indices.data)).toEqual([1, 2]);
    expect(max(x).item()).toBe(6);
    expect(Array.from(x.min(tensor([2, 2, 2])).data)).toEqual([1, 2, 2, 2, 2, 2]);
    expect(x.argmax().item()).toBe(5);
  });

  it("std and var take PyTorch's correction, 1 by default", () => {
    const v = tensor([1, 2, 3, 4]);
    expect(v.var().item()).toBeCloseTo(1.6667, 4);
    expect(variance(v, null, { correction: 0 }).item()).toBe(1.25);
    expect(v.std(0, { keepdim: true }).shape).toEqual([1]);
  });

  it("item() refuses a tensor of more than one value", () => {
    expect(() => x.item()).toThrow(ParameterError);
    expect(() => x.item()).toThrow(/item: input must hold exactly one value/);
  });

  it("a dim out of range names the dim and its range", () => {
    expect(() => x.sum(2)).toThrow(/sum: dim must be an integer in \[-2, 1\] for a 2-d tensor, got 2/);
  });
});
