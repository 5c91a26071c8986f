import { describe, expect, it } from "vitest";
import { arange, ParameterError, set, slice } from "../../../src/index.js";

describe("indexing", () => {
  const x = arange(24).reshape(2, 3, 4);

  it("the slicing form takes one string, separate entries, numbers and null alike", () => {
    const a = x.slice(":, 0, 1:3");
    expect(a.shape).toEqual([2, 2]);
    expect(Array.from(a.data)).toEqual([1, 2, 13, 14]);
    expect(Array.from(slice(x, null, 0, "1:3").data)).toEqual(Array.from(a.data));
    expect(x.slice("..., -1").shape).toEqual([2, 3]);
    expect(x.slice("5:").shape).toEqual([0, 3, 4]);
  });

  it("refuses negative steps as PyTorch does, pointing at flip", () => {
    expect(() => x.slice("::-1")).toThrow(
      /slice: index must have a positive step, as in PyTorch \(use flip to reverse\)/,
    );
    expect(() => x.slice("0, 0, 0, 0")).toThrow(ParameterError);
  });

  it("set writes in place, broadcast, and returns the tensor; views made by reshape see the write", () => {
    const y = x.clone();
    const flat = y.reshape(-1);
    expect(y.set(":, :, 0", 100)).toBe(y);
    expect(flat.data[4]).toBe(100);
    set(y, [1, 2, 3], -1);
    expect(y.get(1, 2, 3)).toBe(-1);
    expect(x.get(1, 2, 3)).toBe(23);
  });

  it("select, narrow and slice return copies, so writing them leaves the source alone", () => {
    const s = x.select(0, 1);
    s.set("0, 0", 999);
    expect(x.get(1, 0, 0)).toBe(12);
    expect(x.narrow(2, 1, 2).shape).toEqual([2, 3, 2]);
  });
});
