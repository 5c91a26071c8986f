import { describe, expect, it } from "vitest";
import { colorAt, scaleFor, valueColor, NAN_COLOR } from "../../../src/wire/colormap.js";
import { cellIndex, cellOffset, gridLayout } from "../../../src/wire/grid.js";
import { gridImage, planeRGBA } from "../../../src/wire/heatmap.js";
import { computeStats, formatNumber, summaryLine } from "../../../src/wire/stats.js";

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

describe("heatmap pixels", () => {
  it("gives one opaque pixel per cell, brightest where the value is largest", () => {
    const img = planeRGBA([0, 1, 2, 3], 0, 2, 2, { kind: "sequential", lo: 0, hi: 3 });
    expect(img.width).toBe(2);
    expect(Array.from(img.data.slice(0, 4))).toEqual([68, 1, 84, 255]);
    expect(Array.from(img.data.slice(12, 16))).toEqual([253, 231, 37, 255]);
  });

  it("colours every cell exactly as valueColor does, special values included", () => {
    const values = new Float32Array(4099);
    let seed = 7;
    for (let k = 0; k < values.length; k++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      values[k] = (seed / 2 ** 32) * 6 - 2.5;
    }
    values.set([NaN, Infinity, -Infinity, -3, 3, 0, 2.5], 100);
    for (const scale of [scaleFor({ min: -2.5, max: 3.5 }), scaleFor({ min: 0.25, max: 3 })]) {
      const img = planeRGBA(values, 1, 2, 2049, scale);
      for (let k = 0; k < 2 * 2049; k++) {
        expect(Array.from(img.data.subarray(k * 4, k * 4 + 4))).toEqual([...valueColor(values[k + 1], scale), 255]);
      }
    }
  });

  it("draws a grid image with a colour bar below the planes", () => {
    const layout = gridLayout([1, 2, 2, 2]);
    const img = gridImage(
      [0, 1, 2, 3, 4, 5, 6, 7],
      layout,
      { kind: "sequential", lo: 0, hi: 7 },
      { planePx: 16, gap: 2 },
    );
    expect(img.height).toBeGreaterThan(16);
    const at = (x: number, y: number) =>
      Array.from(img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 3));
    expect(at(2, 2)).toEqual([68, 1, 84]); // first cell of the first plane: the minimum
    expect(at(0, 0)).toEqual([255, 255, 255]); // the gap
    expect(at(2, img.height - 3)).toEqual([68, 1, 84]); // left end of the colour bar
  });
});

describe("summary", () => {
  it("names shape, range, mean and the non-finite counts", () => {
    const stats = computeStats([1, -3, NaN, Infinity, 2]);
    expect(stats).toMatchObject({ min: -3, max: 2, mean: 0, nanCount: 1, posInfCount: 1, negInfCount: 0 });
    expect(summaryLine([5], stats)).toBe("Tensor shape=[5] min=−3 max=2 mean=0 NaN=1 +Inf=1");
  });

  it("formats numbers briefly with a true minus sign", () => {
    expect(formatNumber(-0.5)).toBe("−0.5");
    expect(formatNumber(3.14159265)).toBe("3.142");
    expect(formatNumber(123456)).toBe("1.235e+5");
    expect(formatNumber(null)).toBe("–");
  });
});
