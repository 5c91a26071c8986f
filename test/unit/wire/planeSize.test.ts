import { describe, expect, it } from "vitest";
import { unwrappedCell, wrapFor, wrapLabels, wrapValues, wrappedCell } from "../../../src/wire/planeSize.js";

describe("wrapped planes", () => {
  it("wraps a vector too long for 12-px cells into rows of 32", () => {
    expect(wrapFor(1, 42)).toBeNull(); // an SPP vector of 42 features fits as one row
    expect(wrapFor(1, 48)).toBeNull();
    expect(wrapFor(1, 49)).toEqual({ cols: 32, rowsPer: 2 });
    expect(wrapFor(1, 380)).toEqual({ cols: 32, rowsPer: 12 });
    expect(wrapFor(4, 380)).toEqual({ cols: 32, rowsPer: 12 });
    expect(wrapFor(5, 380)).toBeNull(); // 60 rows would be taller than the plane limit
  });

  it("maps plane cells to drawn cells and back, and leaves the row's unused tail out", () => {
    const wrap = { cols: 32, rowsPer: 12 };
    expect(wrappedCell(wrap, 0, 0)).toEqual([0, 0]);
    expect(wrappedCell(wrap, 0, 33)).toEqual([1, 1]);
    expect(wrappedCell(wrap, 1, 379)).toEqual([23, 27]);
    expect(unwrappedCell(wrap, 380, 23, 27)).toEqual([1, 379]);
    expect(unwrappedCell(wrap, 380, 1, 1)).toEqual([0, 33]);
    expect(unwrappedCell(wrap, 380, 11, 28)).toBeNull(); // 11·32 + 28 = 380: past the last feature
    expect(wrapLabels(wrap, 1).slice(0, 3)).toEqual([0, 32, 64]);
    expect(wrapLabels(wrap, 2)[12]).toBe(0); // the second sample starts over
  });

  it("lays the values out wrapped, marking the cells that hold one", () => {
    const { values, used } = wrapValues([1, 2, 3, 4, 5, 6], 2, 3, { cols: 2, rowsPer: 2 });
    expect(Array.from(values)).toEqual([1, 2, 3, 0, 4, 5, 6, 0]);
    expect(Array.from(used)).toEqual([1, 1, 1, 0, 1, 1, 1, 0]);
  });
});
