import { describe, expect, it } from "vitest";
import {
  roiAlignFormula,
  roiBinFocus,
  roiGeometry,
  roiSampleMarks,
  type RoiGeometry,
} from "../../../extension/src/link/roi.js";
import { randn, roiAlign, tensor } from "../../../src/index.js";

// a 1×1×6×8 map; region 0 spans x 1…5, y 1…3 (legacy op, 2 samples per axis per bin), region 1 lies partly
// beyond the bottom-right one-cell margin
const x = randn([1, 1, 6, 8], { seed: 3 });
const r = roiAlign(
  x,
  tensor([
    [0, 1, 1, 5, 3],
    [0, 6, 4, 10, 8],
  ]),
  { outputSize: [1, 2], samplingRatio: 2, trace: true },
);

function geometry(): RoiGeometry {
  const g = roiGeometry(r.trace, x.shape, r.output.shape);
  if (typeof g === "string") throw new Error(g);
  return g;
}

describe("RoIAlign geometry from the trace", () => {
  it("draws the box at its continuous edges, clipped to the map", () => {
    const g = geometry();
    expect(g.regions[0].box).toEqual({ r0: 1.5, r1: 3.5, c0: 1.5, c1: 5.5 });
    expect(g.regions[1].box).toEqual({ r0: 4.5, r1: 6, c0: 6.5, c1: 8 });
  });

  it("a bin's sample points are dots centred in cell units, each inside the cells the bin lights", () => {
    const g = geometry();
    const { marks, count, onMap } = roiSampleMarks(g, 0, 0, 1);
    expect(count).toBe(4);
    expect(onMap).toBe(4);
    // rows sample at 1.5 and 2.5, columns (bin 1) at 3.5 and 4.5: centres at +0.5
    expect(marks.map((m) => [m.i, m.j])).toEqual([
      [2, 4],
      [2, 5],
      [3, 4],
      [3, 5],
    ]);
    const focus = roiBinFocus(g, 0, 0, 1);
    expect(focus.argmax).toBeNull();
    for (const m of marks)
      expect(focus.cells.some(([i, j]) => m.i >= i && m.i <= i + 1 && m.j >= j && m.j <= j + 1)).toBe(true);
  });

  it("samples beyond the margin are neither drawn nor counted as on the map", () => {
    const g = geometry();
    // region 1, bin 1: rows sample at 5 and 7 (past the 6-row map's margin), columns at 8.5 and 9.5 (past 8)
    const { count, onMap } = roiSampleMarks(g, 1, 0, 1);
    expect(count).toBe(4);
    expect(onMap).toBe(0);
    expect(roiAlignFormula(count, onMap, 0)).toBe("mean of 4 bilinear samples (dots) (4 off the map read 0) = 0");
  });

  it("says an adaptive bin without samples has none", () => {
    expect(roiAlignFormula(0, 0, 0)).toBe("no samples in this bin: output = 0");
  });
});
