import { describe, expect, it } from "vitest";
import { decode } from "fast-png";
import { encodePng } from "../../../src/display/png.js";
import { CROP_CELLS, figureImage, FIGURE_LEVELS } from "../../../src/display/figure.js";
import { gridLayout } from "../../../src/wire/grid.js";
import type { RgbaImage } from "../../../src/wire/heatmap.js";

/** The decoded PNG's pixels as RGBA, whether it was written with a palette or not. */
function rgbaOf(png: Uint8Array): { width: number; height: number; rgba: number[]; indexed: boolean } {
  const d = decode(png);
  const rgba: number[] = [];
  if (d.palette) {
    for (const i of d.data) rgba.push(...d.palette[i].slice(0, 3), 255);
  } else rgba.push(...d.data);
  return { width: d.width, height: d.height, rgba, indexed: d.palette !== undefined };
}

const image = (w: number, h: number, colour: (k: number) => number[]): RgbaImage => {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let k = 0; k < w * h; k++) data.set(colour(k), k * 4);
  return { width: w, height: h, data };
};

describe("PNG encoding", () => {
  it("writes an image of at most 256 colours with a palette, pixel for pixel", () => {
    const im = image(17, 9, (k) => [k % 256, (k * 7) % 13, 200, 255]);
    const out = rgbaOf(encodePng(im));
    expect(out.indexed).toBe(true);
    expect([out.width, out.height]).toEqual([17, 9]);
    expect(out.rgba).toEqual(Array.from(im.data));
  });

  it("falls back to RGBA past 256 colours or with transparency", () => {
    const many = image(300, 2, (k) => [k & 255, k >> 8, 0, 255]);
    const a = rgbaOf(encodePng(many));
    expect(a.indexed).toBe(false);
    expect(a.rgba).toEqual(Array.from(many.data));
    const clear = image(3, 3, (k) => [0, 0, 0, k === 4 ? 0 : 255]);
    const b = rgbaOf(encodePng(clear));
    expect(b.indexed).toBe(false);
    expect(b.rgba).toEqual(Array.from(clear.data));
  });

  it("draws a figure of random values in at most 256 colours, and a large one within its pixel budget", () => {
    const n = 1024;
    const values = Float32Array.from({ length: n * n }, (_, k) => (Math.sin(k * 12.9898) * 43758.5453) % 1);
    values[5] = NaN;
    const fig = figureImage([{ label: "", values, layout: gridLayout([1, 1, n, n]) }], {
      kind: "diverging",
      lo: -1,
      hi: 1,
    });
    const colours = new Set(new Uint32Array(fig.data.buffer));
    expect(colours.size).toBeLessThanOrEqual(256);
    expect(colours.size).toBeGreaterThan(FIGURE_LEVELS / 2);
    // the plot area is bounded: the plane cropped to 48×48 cells of 12 px; the colour bar and its labels on top
    expect(fig.width).toBe(CROP_CELLS * 12 + 8);
    expect(fig.height).toBeLessThan(CROP_CELLS * 12 + 8 + 80); // + its caption, the bar and the ticks
    expect(rgbaOf(encodePng(fig)).indexed).toBe(true);
  });
});
