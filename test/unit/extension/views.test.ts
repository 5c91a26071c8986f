import { describe, expect, it } from "vitest";
import type { SppTrace } from "poolscope/display";
import { DEFAULT_BUDGET, samplePlane, viewPlan } from "../../../extension/src/canvas/budget.js";
import { cellText, glyphFor, textColorOn } from "../../../extension/src/canvas/cells.js";
import { markRect, stageCell } from "../../../extension/src/canvas/marks.js";
import { pngFileName } from "../../../extension/src/canvas/savePng.js";
import { channelScales, sharedScale, unionRange } from "../../../extension/src/canvas/scale.js";
import { Selection, movePin } from "../../../extension/src/views/selection.js";
import { lengthFormula, levelBins, locateFeature, overlapCells, vectorIndex } from "../../../extension/src/link/spp.js";

describe("scales", () => {
  it("shares one scale over input and output, diverging when any value is negative", () => {
    expect(
      unionRange([
        { min: 0, max: 9 },
        { min: null, max: null },
        { min: 6, max: 12 },
      ]),
    ).toEqual({ min: 0, max: 12 });
    expect(
      sharedScale([
        { min: 0, max: 9 },
        { min: 2, max: 4 },
      ]),
    ).toEqual({ kind: "sequential", lo: 0, hi: 9 });
    expect(sharedScale([{ min: -1, max: 9 }])).toEqual({ kind: "diverging", lo: -9, hi: 9 });
  });

  it("gives each channel its own range over every sample", () => {
    const layout = { rows: 2, cols: 2, planeH: 1, planeW: 2 };
    const values = [0, 1, 10, 20, /* n=1 */ 2, NaN, 30, 40];
    const s = channelScales([{ values, layout }]);
    expect(s.map((x) => [x.lo, x.hi])).toEqual([
      [0, 2],
      [10, 40],
    ]);
  });
});

describe("cells", () => {
  it("draws glyphs for non-finite values and numbers only when they fit", () => {
    expect([NaN, Infinity, -Infinity, 1].map(glyphFor)).toEqual(["×", "+∞", "−∞", null]);
    expect(cellText(-0.25, 32)).toBe("−0.25");
    expect(cellText(-0.25, 16)).toBeNull();
    expect(cellText(NaN, 8)).toBe("×");
    expect(cellText(-1234.5678, 24)).toBeNull();
  });

  it("picks black text on light cells and white on dark ones", () => {
    expect(textColorOn([253, 231, 37])).toBe("#000");
    expect(textColorOn([68, 1, 84])).toBe("#fff");
  });
});

describe("size budget", () => {
  it("draws small tensors whole", () => {
    expect(viewPlan({ rows: 1, cols: 64, planeH: 112, planeW: 112 })).toEqual({ planes: 64, step: 1, notice: null });
    expect(viewPlan({ rows: 1, cols: 1, planeH: 1024, planeW: 1024 }).step).toBe(1);
  });

  it("cuts planes and samples cells past the budget, and says so", () => {
    const many = viewPlan({ rows: 1, cols: 100, planeH: 8, planeW: 8 });
    expect(many.planes).toBe(64);
    expect(many.notice).toMatch(/^showing 64 of 100 planes/);
    const big = viewPlan({ rows: 1, cols: 1, planeH: 4096, planeW: 4096 });
    expect(big.step).toBe(4);
    expect(big.notice).toMatch(/every 4th row and column/);
    expect(DEFAULT_BUDGET.planes).toBe(64);
  });

  it("samples every step-th row and column", () => {
    const s = samplePlane([0, 1, 2, 3, 4, 5, 6, 7, 8], 0, 3, 3, 2);
    expect([s.h, s.w, ...s.data]).toEqual([2, 2, 0, 2, 6, 8]);
  });
});

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

describe("selection", () => {
  it("moves the pin with arrow keys, clamped to the plane, and unpins on Escape", () => {
    const pin = { role: "output", plane: 0, i: 0, j: 0 };
    expect(movePin(pin, "ArrowUp", 2, 2)).toEqual(pin);
    expect(movePin(pin, "ArrowRight", 2, 2)).toEqual({ ...pin, j: 1 });
    const seen: unknown[] = [];
    const s = new Selection((focus) => seen.push(focus));
    expect(s.key("ArrowDown", () => [2, 2])).toBe(false);
    s.pin(pin);
    expect(s.key("ArrowDown", () => [2, 2])).toBe(true);
    expect(s.pinned).toEqual({ ...pin, i: 1 });
    s.hover({ ...pin, j: 1 });
    expect(s.focus).toEqual({ ...pin, j: 1 });
    expect(s.key("Escape", () => [2, 2])).toBe(true);
    expect(s.pinned).toBeNull();
  });
});

describe("SPP", () => {
  const trace: SppTrace = {
    kind: "spp",
    op: "spatialPyramidPool",
    inputShape: [1, 2, 5, 7],
    outputShape: [1, 10],
    channels: "first",
    mode: "max",
    rule: "adaptive",
    levels: [
      {
        requested: [1, 1],
        bins: [1, 1],
        offset: 0,
        axes: [
          { kind: "bins", size: 5, bins: [[0, 5]] },
          { kind: "bins", size: 7, bins: [[0, 7]] },
        ],
      },
      {
        requested: [2, 2],
        bins: [2, 2],
        offset: 2,
        axes: [
          {
            kind: "bins",
            size: 5,
            bins: [
              [0, 3],
              [2, 5],
            ],
          },
          {
            kind: "bins",
            size: 7,
            bins: [
              [0, 4],
              [3, 7],
            ],
          },
        ],
      },
    ],
  };
  it("draws bins with exact edges and shades overlaps", () => {
    expect(levelBins(trace.levels[1])[3]).toEqual({ bi: 1, bj: 1, r0: 2, r1: 5, c0: 3, c1: 7 });
    const o = overlapCells(trace.levels[1], 5, 7);
    expect(o[2 * 7 + 3]).toBe(4);
    expect(o[0]).toBe(1);
  });
  it("maps bins to the concatenated vector and back", () => {
    expect(vectorIndex(trace.levels[1], 1, 0, 1)).toBe(7);
    expect(locateFeature(trace, 2, 7)).toEqual({ level: 1, c: 1, bi: 0, bj: 1 });
    expect(locateFeature(trace, 2, 1)).toEqual({ level: 0, c: 1, bi: 0, bj: 0 });
    expect(locateFeature(trace, 2, 10)).toBeNull();
    expect(lengthFormula(trace, 2)).toBe("C·Σn² = 2·(1 + 4) = 10 features per sample, whatever H×W");
  });
});

describe("PNG export", () => {
  it("names the file after the title, safely", () => {
    expect(pngFileName("maxPool2d")).toBe("poolscope-maxPool2d.png");
    expect(pngFileName("../<b>x</b>")).toBe("poolscope-b-x-b.png");
    expect(pngFileName(undefined)).toBe("poolscope-tensor.png");
  });
});
