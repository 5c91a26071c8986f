import { describe, expect, it } from "vitest";
import { markRect, NO_MARGIN, stageCell } from "../../../../extension/src/canvas/marks.js";

describe("marks and hit testing", () => {
  const margin = { top: 1, bottom: 0, left: 1, right: 0 };
  it("places marks in the margin for padding cells", () => {
    expect(markRect({ i: -1, j: -1, style: "pad" }, 32, margin)).toEqual({ x: 0, y: 0, w: 32, h: 32 });
    expect(markRect({ i: 0, j: 2, h: 2, w: 3, style: "bin" }, 10, margin)).toEqual({ x: 30, y: 10, w: 30, h: 20 });
  });
  it("maps the mouse to plane cells, not margin cells", () => {
    expect(stageCell(112, 112, 32, margin, 4, 4)).toEqual([2, 2]);
    expect(stageCell(10, 40, 32, margin, 4, 4)).toBeNull();
  });
});

describe("marks on a widened strip", () => {
  it("places marks and finds cells with a cell width unlike its height", () => {
    const z = { x: 24, y: 6 };
    expect(markRect({ i: 3, j: 0, style: "cursor" }, z, NO_MARGIN)).toEqual({ x: 0, y: 18, w: 24, h: 6 });
    expect(stageCell(20, 19, z, NO_MARGIN, 96, 1)).toEqual([3, 0]);
    expect(stageCell(25, 19, z, NO_MARGIN, 96, 1)).toBeNull();
  });
});
