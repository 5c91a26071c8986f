// The tensor's own methods beside get/toArray: tolist as PyTorch names it, isContiguous and contiguous.
import { describe, expect, it } from "vitest";
import { arange, tensor } from "../../../src/index.js";

describe("Tensor", () => {
  it("tolist gives nested arrays (a number for a 0-d tensor), as Tensor.tolist", () => {
    expect(arange(6).reshape(2, 3).tolist()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(tensor(2.5, []).tolist()).toBe(2.5);
    expect(arange(0).reshape(0, 2).tolist()).toEqual([]);
    expect(tensor([NaN, -0]).tolist()).toEqual([NaN, -0]);
  });

  it("contiguous() is the tensor itself when it is contiguous, a writable copy when not", () => {
    const x = arange(6).reshape(2, 3);
    expect(x.isContiguous()).toBe(true);
    expect(x.contiguous()).toBe(x);
    const t = x.transpose(0, 1);
    const c = t.contiguous();
    expect(c).not.toBe(t);
    expect(c.data).not.toBe(t.data);
    expect(c.tolist()).toEqual(t.tolist());
    c.set([0, 0], 7);
    expect(t.get(0, 0)).toBe(0);
  });
});
