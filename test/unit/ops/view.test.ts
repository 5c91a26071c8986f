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

  it("reshape, view, flatten, squeeze and unsqueeze are views: a write through one reaches the base", () => {
    const b = x.clone();
    b.view(6).set([0], 9);
    expect(b.get(0, 0)).toBe(9);
    b.reshape(3, 2).set("2, 1", -1);
    expect(b.get(1, 2)).toBe(-1);
    b.flatten().set([1], 7);
    b.unsqueeze(0).set("0, 1, 0", 4);
    b.reshape(1, 6, 1).squeeze().set([2], 5);
    expect(Array.from(b.data)).toEqual([9, 7, 5, 4, 4, -1]);
    expect(b.view(6).isContiguous()).toBe(true);
  });

  it("transpose, permute and expand share when the order of values stays, else copy and refuse writes", () => {
    const b = x.clone();
    // moving only size-1 dims keeps the order: a view
    const col = b.reshape(6, 1).transpose(0, 1);
    expect(col.isContiguous()).toBe(true);
    col.set("0, 0", 30);
    expect(b.get(0, 0)).toBe(30);
    const e = b.unsqueeze(0).expand(1, 2, 3);
    e.set("0, 1, 1", 31);
    expect(b.get(1, 1)).toBe(31);
    const p = b.reshape(2, 1, 3).permute(1, 0, 2);
    p.set("0, 0, 2", 32);
    expect(b.get(0, 2)).toBe(32);
    // a real reorder or stretch: a copy, which PyTorch would return as a non-contiguous view
    for (const [name, c] of [
      ["transpose", b.transpose(0, 1)],
      ["permute", b.permute(1, 0)],
      ["expand", b.unsqueeze(0).expand(2, 2, 3)],
    ] as const) {
      expect(c.isContiguous()).toBe(false);
      expect(() => c.set([0, 0], 1)).toThrow(new RegExp(`copy made by ${name}`));
      expect(c.contiguous().isContiguous()).toBe(true);
      expect(c.contiguous().set([0, 0], 1).isContiguous()).toBe(true);
    }
    expect(Array.from(b.transpose(0, 1).data)).toEqual([30, 3, 1, 31, 32, 5]);
    // flip, roll and repeat copy in PyTorch as well: their results are ordinary tensors
    expect(b.flip(0).isContiguous()).toBe(true);
    expect(b.repeat(2, 1).isContiguous()).toBe(true);
    expect(b.roll(1).isContiguous()).toBe(true);
  });

  it("isContiguous() follows PyTorch's strides: transposed back it is contiguous, yet still a copy of x", () => {
    const b = x.clone();
    const back = b.transpose(0, 1).transpose(0, 1);
    expect(back.isContiguous()).toBe(true);
    expect(back.contiguous()).toBe(back);
    expect(() => back.set([0, 0], 1)).toThrow(/copy made by transpose/);
    // clone keeps a transpose's strides (preserve_format), and is a tensor of its own
    const c = b.transpose(0, 1).clone();
    expect(c.isContiguous()).toBe(false);
    c.set([0, 0], 5);
    expect(b.get(0, 0)).toBe(0);
    expect(() => b.transpose(0, 1).view(6)).toThrow(/Use \.reshape\(\.\.\.\) instead/);
    expect(b.transpose(0, 1).reshape(6).tolist()).toEqual([0, 3, 1, 4, 2, 5]);
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
