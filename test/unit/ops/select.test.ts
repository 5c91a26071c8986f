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

  it("select, narrow and slice of a contiguous run are views: writes go both ways", () => {
    const y = x.clone();
    const s = y.select(0, 1);
    expect(s.isContiguous()).toBe(true);
    s.set("0, 0", 999);
    expect(y.get(1, 0, 0)).toBe(999);
    y.set([1, 2, 3], -7);
    expect(s.get(2, 3)).toBe(-7);
    // narrow along the first dim, select with only size-1 dims before it, a slice keeping later dims whole
    const n = y.narrow(0, 1, 1);
    n.set("0, 1, 1", 5);
    expect(y.get(1, 1, 1)).toBe(5);
    const r = y.select(0, 0).select(0, 2);
    r.set([0], 42);
    expect(y.get(0, 2, 0)).toBe(42);
    const sl = y.slice("1, 1:");
    expect(sl.shape).toEqual([2, 4]);
    sl.set("1, 2", 8);
    expect(y.get(1, 2, 2)).toBe(8);
    expect(y.slice("0, 1, 1:3").isContiguous()).toBe(true);
    // an empty pick is a view too (nothing to write)
    expect(y.slice("5:").isContiguous()).toBe(true);
  });

  it("a pick that is not one contiguous run is a copy that refuses writes, naming the op", () => {
    const y = x.clone();
    for (const [name, c] of [
      ["select", y.select(1, 0)],
      ["narrow", y.narrow(2, 1, 2)],
      ["slice", y.slice(":, :, ::2")],
      ["slice", y.slice("0, :, 1")],
    ] as const) {
      expect(c.isContiguous()).toBe(false);
      expect(() => c.set([0, 0], 1)).toThrow(new RegExp(`set: input is a copy made by ${name} \\(PyTorch's`));
      // the copy's values are still the right ones, and contiguous() gives a writable copy of them
      const w = c.contiguous();
      expect(w.isContiguous()).toBe(true);
      expect(Array.from(w.data)).toEqual(Array.from(c.data));
      w.set(
        w.shape.map(() => 0),
        1,
      );
      expect(y.equal(x)).toBe(true);
    }
    expect(Array.from(y.select(1, 0).data)).toEqual([0, 1, 2, 3, 12, 13, 14, 15]);
    // a view of such a copy is no way around it; a reshape PyTorch must copy is a tensor of its own, as there
    expect(() => y.select(1, 0).unsqueeze(0).set([0, 0, 0], 1)).toThrow(/copy made by select/);
    const own = y.select(1, 0).reshape(-1);
    expect(own.isContiguous()).toBe(true);
    own.set([0], 1);
    expect(y.get(0, 0, 0)).toBe(0);
    expect(() => y.select(1, 0).view(-1)).toThrow(/view: shape is not compatible with input tensor's size and stride/);
  });

  it("a disposed tensor is refused by name, not read as an empty one, and its views live on", () => {
    const y = x.clone();
    const v = y.select(0, 1);
    y.dispose();
    expect(() => y.select(0, 0)).toThrow(/select: input was disposed \(dispose\(\) or tidy\(\)\) and holds no values/);
    expect(() => y.transpose(0, 1)).toThrow(/transpose: input was disposed/);
    expect(() => y.add(1)).toThrow(/add: input was disposed/);
    expect(v.get(2, 3)).toBe(23);
  });
});
