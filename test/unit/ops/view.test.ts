import { describe, expect, it } from "vitest";
import { arange, cat, flatten, stack, tensor } from "../../../src/index.js";

describe("shape moves", () => {
  const x = arange(6).reshape([2, 3]);

  it("reshape and view take a list or separate sizes", () => {
    expect(x.reshape(3, 2).shape).toEqual([3, 2]);
    expect(x.view([-1]).shape).toEqual([6]);
  });

  it("t.flatten() flattens everything, as Tensor.flatten; the free flatten keeps its startDim 1", () => {
    const t = arange(8).reshape(2, 2, 2);
    expect(t.flatten().shape).toEqual([8]);
    expect(flatten(t).shape).toEqual([2, 4]);
  });

  it("transpose, permute, flip, roll, repeat and expand move values as PyTorch", () => {
    expect(Array.from(x.transpose(0, 1).data)).toEqual([0, 3, 1, 4, 2, 5]);
    expect(x.permute(1, 0).shape).toEqual([3, 2]);
    expect(Array.from(x.flip(1).data)).toEqual([2, 1, 0, 5, 4, 3]);
    expect(Array.from(x.roll(1, 1).data)).toEqual([2, 0, 1, 5, 3, 4]);
    expect(Array.from(tensor([1, 2]).repeat(2).data)).toEqual([1, 2, 1, 2]);
    expect(Array.from(tensor([[1], [2]]).expand(2, 2).data)).toEqual([1, 1, 2, 2]);
  });

  it("clone copies the data; squeeze and unsqueeze share it", () => {
    const c = x.clone();
    c.data[0] = 9;
    expect(x.data[0]).toBe(0);
    expect(x.unsqueeze(0).squeeze().data).toBe(x.data);
  });

  it("cat and stack join along an existing and a new dim", () => {
    expect(cat([x, x], 1).shape).toEqual([2, 6]);
    expect(stack([x, x], -1).shape).toEqual([2, 3, 2]);
    expect(() => stack([x, x.reshape(3, 2)])).toThrow(/stack: tensors\[1\]\.shape must equal/);
  });

  it("pad as F.pad, as a method too", () => {
    expect(Array.from(tensor([[1, 2, 3]]).pad([2, 1], "reflect").data)).toEqual([3, 2, 1, 2, 3, 2]);
  });
});
