import { describe, expect, it } from "vitest";
import { rgbPicture, rgbPixels } from "../../../src/wire/rgb.js";
import { computeStats } from "../../../src/wire/stats.js";

const stats = (v: number[]) => computeStats(Float32Array.from(v));

describe("colour pictures", () => {
  it("reads (3, H, W) and (1, 3, H, W) tensors in [0, 1] or [0, 255] as pictures", () => {
    expect(rgbPicture([3, 2, 4], stats([0, 0.5, 1]))).toEqual({ peak: 1, h: 2, w: 4 });
    expect(rgbPicture([1, 3, 5, 6], stats([0, 17, 255]))).toEqual({ peak: 255, h: 5, w: 6 });
    // [0, 1] wins where both fit: an all-dark 0…1 picture is not a near-black 0…255 one
    expect(rgbPicture([3, 1, 1], stats([0, 1]))?.peak).toBe(1);
  });

  it("leaves feature maps as heatmaps: other shapes, negative, too large or non-finite values", () => {
    expect(rgbPicture([4, 2, 2], stats([0, 1]))).toBeNull();
    expect(rgbPicture([2, 3, 2, 2], stats([0, 1]))).toBeNull();
    expect(rgbPicture([1, 1, 3, 3], stats([0, 1]))).toBeNull();
    expect(rgbPicture([3, 2, 2], stats([-0.1, 1]))).toBeNull();
    expect(rgbPicture([3, 2, 2], stats([0, 256]))).toBeNull();
    expect(rgbPicture([3, 2, 2], stats([0, NaN, 1]))).toBeNull();
    expect(rgbPicture([3, 2, 2], stats([0, Infinity]))).toBeNull();
    expect(rgbPicture([3, 0, 2], stats([]))).toBeNull();
  });

  it("paints channel 0 red, 1 green, 2 blue, scaled by the peak", () => {
    // a 1×2 picture: pixel 0 is (1, 0, 0.5), pixel 1 is (0, 1, 0)
    const im = rgbPixels(Float32Array.from([1, 0, 0, 1, 0.5, 0]), { peak: 1, h: 1, w: 2 });
    expect(Array.from(im.data)).toEqual([255, 0, 128, 255, 0, 255, 0, 255]);
    const big = rgbPixels(Float32Array.from([255, 51, 0]), { peak: 255, h: 1, w: 1 });
    expect(Array.from(big.data)).toEqual([255, 51, 0, 255]);
  });
});
