import { describe, expect, it } from "vitest";
import { colorAt, scaleFor, valueColor, NAN_COLOR } from "../../../src/wire/colormap.js";

describe("colour scale", () => {
  it("is sequential for non-negative data and diverging, centred at 0, for signed data", () => {
    expect(scaleFor({ min: 0, max: 9 })).toEqual({ kind: "sequential", lo: 0, hi: 9 });
    expect(scaleFor({ min: -2, max: 5 })).toEqual({ kind: "diverging", lo: -5, hi: 5 });
    // a constant tensor still has a non-empty range
    expect(scaleFor({ min: 3, max: 3 })).toEqual({ kind: "sequential", lo: 3, hi: 4 });
  });

  it("maps the ends of the scale to the ends of the colour table, 0 to white when diverging", () => {
    expect(colorAt(0, "sequential")).toEqual([68, 1, 84]);
    expect(colorAt(1, "sequential")).toEqual([253, 231, 37]);
    expect(valueColor(0, { kind: "diverging", lo: -1, hi: 1 })).toEqual([247, 247, 247]);
    expect(valueColor(NaN, { kind: "sequential", lo: 0, hi: 1 })).toEqual(NAN_COLOR);
  });
});
