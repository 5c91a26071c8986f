import { describe, expect, it } from "vitest";
import { scaleFor, valueColor } from "../../../src/wire/colormap.js";
import { gridLayout } from "../../../src/wire/grid.js";
import { gridImage, planeRGBA } from "../../../src/wire/heatmap.js";

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
