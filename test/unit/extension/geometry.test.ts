import { describe, expect, it } from "vitest";
import { exactValue, hitCell, legendTicks, planeLabel, readoutText, zoomFor } from "../../../extension/src/geometry.js";

describe("renderer geometry", () => {
  it("zooms small planes by whole pixels and never below 1", () => {
    expect(zoomFor(4, 4)).toBe(32);
    expect(zoomFor(16, 10)).toBe(16);
    expect(zoomFor(224, 224)).toBe(1);
    expect(zoomFor(2000, 3)).toBe(1);
  });

  it("finds the cell under the mouse, and nothing outside the plane", () => {
    expect(hitCell(0, 0, 8, 4, 4)).toEqual([0, 0]);
    expect(hitCell(17, 31.9, 8, 4, 4)).toEqual([3, 2]);
    expect(hitCell(32, 0, 8, 4, 4)).toBeNull();
    expect(hitCell(-1, 0, 8, 4, 4)).toBeNull();
  });

  it("reads out the full index and the exact value", () => {
    expect(readoutText([0, 1, 2, 3], -0.1)).toBe("[0, 1, 2, 3] = −0.1");
    expect(exactValue(Math.fround(0.1))).toBe("0.10000000149011612");
    expect(exactValue(-Infinity)).toBe("−∞");
    expect(exactValue(NaN)).toBe("NaN");
  });

  it("labels planes by their leading indices", () => {
    expect(planeLabel([2, 3, 4, 4], [1, 2, 0, 0])).toBe("n=1 c=2");
    expect(planeLabel([3, 4, 4], [2, 0, 0])).toBe("d0=2");
    expect(planeLabel([4, 4], [0, 0])).toBe("");
  });

  it("puts legend ticks at both ends and the middle", () => {
    expect(legendTicks(-4, 4).map((t) => t.text)).toEqual(["−4", "0", "4"]);
  });
});
