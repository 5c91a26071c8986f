import { describe, expect, it } from "vitest";
import { drawText } from "../../../src/display/bitmapFont.js";
import type { RgbaImage } from "../../../src/wire/heatmap.js";

/** The glyph as drawn: "#" for ink, "." for none, row by row. */
const inkOf = (text: string): string => {
  const im: RgbaImage = { width: 4, height: 5, data: new Uint8ClampedArray(80) };
  drawText(im, 0, 0, text, 1, [0, 0, 0]);
  let s = "";
  for (let k = 3; k < im.data.length; k += 4) s += im.data[k] === 255 ? "#" : ".";
  return s;
};

describe("bitmap font capitals", () => {
  it("draws a letter the small alphabet lacks as its capital, not as the unknown-glyph box", () => {
    const box = inkOf("☃");
    expect(box).toBe("###.#.#.#.#.#.#.###.");
    // T: a bar and a stem; "t" keeps its own lower-case glyph
    expect(inkOf("T")).toBe("###..#...#...#...#..");
    expect(inkOf("m")).toBe(inkOf("M"));
    expect(inkOf("t")).not.toBe(inkOf("T"));
    for (const ch of "bcdfghjklmqrsvwxyz:()/") expect(inkOf(ch)).not.toBe(box);
  });
});
