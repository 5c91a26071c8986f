import { describe, expect, it } from "vitest";
import { CAPTION_H, captioned, pictureImage, PICTURE_PX, ROW_GAP, sideBySide } from "../../../src/display/compose.js";
import type { RgbaImage } from "../../../src/wire/heatmap.js";

const solid = (w: number, h: number, v: number): RgbaImage => ({
  width: w,
  height: h,
  data: new Uint8ClampedArray(w * h * 4).fill(v),
});
const pixel = (im: RgbaImage, x: number, y: number): number[] =>
  Array.from(im.data.subarray((y * im.width + x) * 4, (y * im.width + x) * 4 + 4));
const darkIn = (im: RgbaImage, y0: number, y1: number): number => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = 0; x < im.width; x++) if (im.data[(y * im.width + x) * 4] < 100) n++;
  return n;
};

describe("composing PNG figures", () => {
  it("puts a caption band with the title's ink above the figure, which is unchanged below it", () => {
    const out = captioned(solid(40, 10, 200), "max 2×2");
    expect(out.height).toBe(10 + CAPTION_H);
    expect(out.width).toBeGreaterThanOrEqual(40);
    expect(darkIn(out, 0, CAPTION_H)).toBeGreaterThan(20);
    expect(pixel(out, 5, CAPTION_H + 3)).toEqual([200, 200, 200, 200]);
    // no title, no band
    const same = solid(4, 4, 9);
    expect(captioned(same, "")).toBe(same);
  });

  it("widens the figure to a title longer than it", () => {
    expect(captioned(solid(4, 4, 0), "a long title").width).toBeGreaterThan(40);
  });

  it("lays figures side by side, top-aligned, ROW_GAP apart on white", () => {
    const out = sideBySide([solid(3, 2, 10), solid(5, 4, 20)]);
    expect([out.width, out.height]).toEqual([3 + ROW_GAP + 5, 4]);
    expect(pixel(out, 0, 0)[0]).toBe(10);
    expect(pixel(out, 0, 3)[0]).toBe(255); // below the shorter figure
    expect(pixel(out, 3, 0)[0]).toBe(255); // the gap
    expect(pixel(out, 3 + ROW_GAP, 3)[0]).toBe(20);
  });

  it("scales a colour picture up by a whole factor, each pixel a solid block", () => {
    const picture = { peak: 1 as const, h: 2, w: 4 };
    // pixel (0, 0) red, (1, 3) blue
    const v = new Float32Array(24);
    v[0] = 1;
    v[16 + 7] = 1;
    const out = pictureImage(v, picture);
    const f = Math.floor(PICTURE_PX / 4);
    expect([out.width, out.height]).toEqual([4 * f, 2 * f]);
    expect(pixel(out, f - 1, f - 1)).toEqual([255, 0, 0, 255]);
    expect(pixel(out, 4 * f - 1, 2 * f - 1)).toEqual([0, 0, 255, 255]);
    expect(pixel(out, f, 0)).toEqual([0, 0, 0, 255]);
  });
});
