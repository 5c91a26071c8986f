import { describe, expect, it } from "vitest";
import { drawText, textWidth } from "../../../src/display/bitmapFont.js";
import { figureImage } from "../../../src/display/figure.js";
import { gridLayout } from "../../../src/wire/grid.js";
import type { RgbaImage } from "../../../src/wire/heatmap.js";
import { tensor, maxPool2d, JUPYTER_DISPLAY } from "../../../src/index.js";
import { decode } from "fast-png";

const blank = (w: number, h: number): RgbaImage => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) });
const inked = (im: RgbaImage): number => {
  let n = 0;
  for (let k = 3; k < im.data.length; k += 4) if (im.data[k] === 255) n++;
  return n;
};

describe("bitmap font", () => {
  it("measures 3-pixel glyphs with 1 pixel between them", () => {
    expect(textWidth("12", 1)).toBe(7);
    expect(textWidth("12", 2)).toBe(14);
    expect(textWidth("", 2)).toBe(0);
  });

  it("draws the glyph's bits: '1' has 8 pixels, '8' has 13, a space none", () => {
    const a = blank(8, 8);
    drawText(a, 0, 0, "1", 1, [0, 0, 0]);
    expect(inked(a)).toBe(8);
    const b = blank(8, 8);
    drawText(b, 0, 0, "8", 1, [0, 0, 0]);
    expect(inked(b)).toBe(13);
    const c = blank(8, 8);
    drawText(c, 0, 0, " ", 1, [0, 0, 0]);
    expect(inked(c)).toBe(0);
  });

  it("clips at the image edge instead of writing out of bounds (or wrapping into the next row)", () => {
    // "8" is rows 111, 101, 111, 101, 111. At x = 6 its third column (x = 8) falls off an 8-wide image, at x = −2
    // its first two do; unclipped, x = 8 would land on (0, y + 1) and x = −1 on (7, y − 1) of the same array.
    const a = blank(8, 8);
    a.data.fill(17); // every pixel left alone keeps this, alpha included
    drawText(a, 6, 1, "8", 1, [0, 0, 0]);
    drawText(a, -2, 3, "8", 1, [0, 0, 0]);
    const ink: string[] = [];
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < 8; x++) {
        const px = Array.from(a.data.subarray((y * 8 + x) * 4, (y * 8 + x) * 4 + 4));
        if (px[3] === 255) {
          expect(px).toEqual([0, 0, 0, 255]);
          ink.push(`${x},${y}`);
        } else expect(px).toEqual([17, 17, 17, 17]);
      }
    expect(ink.sort()).toEqual(
      ["6,1", "6,2", "6,3", "6,4", "6,5", "7,1", "7,3", "7,5", "0,3", "0,4", "0,5", "0,6", "0,7"].sort(),
    );
  });
});

describe("PNG figure", () => {
  const scale = { kind: "sequential" as const, lo: 0, hi: 3 };

  it("puts panels side by side above a labelled colour bar", () => {
    const one = figureImage([{ label: "", values: [0, 1, 2, 3], layout: gridLayout([1, 1, 2, 2]) }], scale);
    const two = figureImage(
      [
        { label: "input", values: [0, 1, 2, 3], layout: gridLayout([1, 1, 2, 2]) },
        { label: "output", values: [3], layout: gridLayout([1, 1, 1, 1]) },
      ],
      scale,
    );
    expect(two.width).toBeGreaterThan(one.width);
    // the tick labels are ink below the bar: some dark pixels in the last rows
    const lastRows = two.data.subarray((two.height - 8) * two.width * 4);
    let dark = 0;
    for (let k = 0; k < lastRows.length; k += 4) if (lastRows[k] < 100) dark++;
    expect(dark).toBeGreaterThan(10);
  });

  it("is what a traced pooling result carries as image/png: input and output on one scale", () => {
    const x = tensor([
      [
        [
          [1, 3],
          [5, 0],
        ],
      ],
    ]);
    const traced = maxPool2d(x, { kernelSize: 2, trace: true });
    const png = decode(Buffer.from(traced[JUPYTER_DISPLAY]()["image/png"], "base64"));
    const plain = decode(Buffer.from(traced.output[JUPYTER_DISPLAY]()["image/png"], "base64"));
    expect(png.width).toBeGreaterThan(plain.width);
  });
});
