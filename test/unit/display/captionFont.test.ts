import { decode } from "fast-png";
import { describe, expect, it } from "vitest";
import { toDisplayBundle, toRowBundle } from "../../../src/display/bundle.js";
import {
  CAPTION_LINE_PX,
  captionGlyph,
  captionWidth,
  drawCaption,
  glyphInk,
  type CaptionGlyph,
} from "../../../src/display/captionFont.js";
import { CAPTION_H } from "../../../src/display/compose.js";
import { tensor } from "../../../src/core/tensor.js";
import type { RgbaImage } from "../../../src/wire/heatmap.js";

/** The glyph's ink box as rows of "#" (ink) and "." (none). */
const rowsOf = (g: CaptionGlyph): string[] =>
  Array.from({ length: g.h }, (_, r) =>
    Array.from({ length: g.w }, (_, c) => (glyphInk(g, c, r) ? "#" : ".")).join(""),
  );

const blank = (width: number, height: number): RgbaImage => ({
  width,
  height,
  data: new Uint8ClampedArray(width * height * 4).fill(255),
});

/** Dark pixels of rows [y0, y1) as "#"/"." rows, cropped to their bounding box ("" when there is no ink). */
const inkCrop = (im: { width: number; at(x: number, y: number): number }, y0: number, y1: number): string => {
  const ink: [number, number][] = [];
  for (let y = y0; y < y1; y++) for (let x = 0; x < im.width; x++) if (im.at(x, y) < 100) ink.push([x, y]);
  if (ink.length === 0) return "";
  const [xs, ys] = [ink.map((p) => p[0]), ink.map((p) => p[1])];
  const [ax, bx, ay, by] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const rows: string[] = [];
  for (let y = ay; y <= by; y++) {
    let s = "";
    for (let x = ax; x <= bx; x++) s += im.at(x, y) < 100 ? "#" : ".";
    rows.push(s);
  }
  return rows.join("\n");
};
/** A display bundle's PNG decoded, as its pixels' red channel (the font's ink is grey, so dark in red). */
const pngRed = (bundle: Record<string, unknown>) => {
  const png = decode(Buffer.from(bundle["image/png"] as string, "base64"));
  const red = (x: number, y: number): number => {
    const i = y * png.width + x;
    return png.palette ? png.palette[png.data[i]][0] : png.data[i * png.channels];
  };
  return { width: png.width, at: red };
};
const redOf = (im: RgbaImage) => ({ width: im.width, at: (x: number, y: number) => im.data[(y * im.width + x) * 4] });

describe("the PNG caption font", () => {
  it("holds the generated bitmaps: 一 is one straight stroke, 口 a box open inside, l a bar", () => {
    const one = captionGlyph("一")!;
    expect(one.h).toBe(1);
    expect(one.w).toBeGreaterThanOrEqual(10);
    expect(rowsOf(one)[0]).toBe("#".repeat(one.w));
    const mouth = rowsOf(captionGlyph("口")!);
    expect(mouth[0]).toMatch(/^#+$/);
    for (const row of mouth.slice(1, -3)) expect(row).toMatch(/^#\.+#$/);
    const ell = captionGlyph("l")!;
    expect(ell.h).toBeGreaterThan(8);
    expect(ell.w).toBeLessThanOrEqual(2);
    // every glyph's ink lies within the line
    for (const ch of "一口l0gÅ【】") {
      const g = captionGlyph(ch)!;
      expect(g.y + g.h).toBeLessThanOrEqual(CAPTION_LINE_PX);
    }
  });

  it("covers ASCII, CJK punctuation and all 3,755 GB2312 level-1 hanzi (0xB0A1–0xD7F9)", () => {
    const gb = new TextDecoder("gb2312");
    const missing: string[] = [];
    let n = 0;
    for (let row = 0xb0; row <= 0xd7; row++) {
      for (let col = 0xa1; col <= (row === 0xd7 ? 0xf9 : 0xfe); col++) {
        const ch = gb.decode(Uint8Array.of(row, col));
        n++;
        const g = captionGlyph(ch);
        if (!g || g.w * g.h === 0) missing.push(ch);
      }
    }
    expect(n).toBe(3755);
    expect(missing).toEqual([]);
    for (let c = 0x21; c < 0x7f; c++) expect(captionGlyph(String.fromCharCode(c))?.w).toBeGreaterThan(0);
    for (const ch of "，。、：；？！（）《》【】“”‘’…—·×−→") expect(captionGlyph(ch), ch).not.toBeNull();
  });

  it("measures text by its glyphs' advances: hanzi a full em, Latin proportional", () => {
    expect(captionWidth("")).toBe(0);
    expect(captionWidth("池化")).toBe(28);
    expect(captionWidth("最大池化")).toBe(2 * captionWidth("池化"));
    expect(captionWidth("il")).toBeLessThan(captionWidth("MW"));
    expect(captionWidth("a池")).toBe(captionGlyph("a")!.advance + 14);
  });

  it("draws a visible box for a character it has no glyph for, never nothing", () => {
    expect(captionGlyph("☃")).toBeNull();
    const w = captionWidth("☃");
    expect(w).toBeGreaterThan(4);
    const im = blank(w, CAPTION_LINE_PX);
    drawCaption(im, 0, 0, "☃", [0, 0, 0]);
    const box = inkCrop(redOf(im), 0, CAPTION_LINE_PX).split("\n");
    expect(box.length).toBeGreaterThan(6);
    // an outline: full top and bottom rows, the sides only in between, ending on the baseline
    expect(box[0]).toMatch(/^#{3,}$/);
    expect(box[box.length - 1]).toBe(box[0]);
    for (const row of box.slice(1, -1)) expect(row).toMatch(/^#\.+#$/);
    expect(captionWidth("a☃b")).toBe(captionWidth("ab") + w);
  });

  it("writes a titled tensor's Chinese caption into its PNG, each character's glyph where it stands", () => {
    const title = "最大池化";
    const t = tensor(
      Float32Array.from({ length: 16 }, (_, i) => i),
      [4, 4],
    );
    const png = decode(Buffer.from(toDisplayBundle(t, title)["image/png"] as string, "base64"));
    const rgb = (x: number, y: number): number[] => {
      const i = y * png.width + x;
      return png.palette
        ? [...png.palette[png.data[i]]]
        : Array.from(png.data.subarray(i * png.channels, i * png.channels + 3));
    };
    const band = { width: png.width, at: (x: number, y: number) => rgb(x, y)[0] };
    // ink in every character's em column, none past the title
    const x0 = 4;
    for (let k = 0; k < title.length; k++) {
      let ink = 0;
      for (let y = 0; y < CAPTION_H; y++)
        for (let x = x0 + 14 * k; x < x0 + 14 * (k + 1); x++) ink += +(band.at(x, y) < 100);
      expect(ink, title[k]).toBeGreaterThan(15);
    }
    for (let y = 0; y < CAPTION_H; y++)
      for (let x = x0 + 14 * 4 + 2; x < png.width; x++) expect(band.at(x, y)).toBe(255);
    // and the band's ink is exactly the font's drawing of the title (glyphs, not boxes)
    const drawn = blank(captionWidth(title) + 8, CAPTION_LINE_PX);
    drawCaption(drawn, 0, 0, title, [0, 0, 0]);
    expect(inkCrop(band, 0, CAPTION_H)).toBe(inkCrop(redOf(drawn), 0, CAPTION_LINE_PX));
    for (const ch of title) expect(captionGlyph(ch)).not.toBeNull();
  });

  it("labels the panels of a shared-scale row with their titles as written, in the caption font", () => {
    const t = tensor(
      Float32Array.from({ length: 16 }, (_, i) => i),
      [4, 4],
    );
    const band = pngRed(toRowBundle([{ output: t, title: "输入 max" }], "shared"));
    const drawn = blank(200, CAPTION_LINE_PX);
    drawCaption(drawn, 0, 0, "1 输入 max", [0, 0, 0]);
    expect(inkCrop(band, 0, CAPTION_LINE_PX + 2)).toBe(inkCrop(redOf(drawn), 0, CAPTION_LINE_PX));
  });
});
