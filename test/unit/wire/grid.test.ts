import { describe, expect, it } from "vitest";
import { cellIndex, cellOffset, gridLayout } from "../../../src/wire/grid.js";

describe("grid layout", () => {
  it("lays NCHW out as N rows of C planes", () => {
    const layout = gridLayout([2, 3, 4, 5]);
    expect(layout).toEqual({ rows: 2, cols: 3, planeH: 4, planeW: 5 });
    expect(cellIndex([2, 3, 4, 5], layout, 1, 2, 3, 4)).toEqual([1, 2, 3, 4]);
    expect(cellOffset(layout, 1, 2, 3, 4)).toBe(2 * 3 * 4 * 5 - 1);
  });

  it("shows a vector as one row and a matrix as one plane", () => {
    expect(gridLayout([7])).toEqual({ rows: 1, cols: 1, planeH: 1, planeW: 7 });
    expect(gridLayout([3, 4])).toEqual({ rows: 1, cols: 1, planeH: 3, planeW: 4 });
    expect(gridLayout([2, 3, 4])).toEqual({ rows: 1, cols: 2, planeH: 3, planeW: 4 });
  });
});
