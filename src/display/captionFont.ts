/**
 * The PNG fallback's caption font: Noto Sans CJK SC drawn ahead of time at 14 px, 1 bit a pixel, by
 * scripts/gen_caption_font.py into captionGlyphs.ts (ASCII, Latin-1, CJK punctuation and the 3,755 GB2312
 * level-1 hanzi), so the kernel writes Chinese titles with neither a font file nor a canvas. The tables are
 * decoded on the first caption drawn (fflate's synchronous inflate, which the browser bundle has too); a
 * character without a glyph is drawn as a box, so a missing character shows instead of vanishing.
 */
import { unzlibSync } from "fflate";
import { CAPTION_GLYPHS } from "./captionGlyphs.js";
import { setPixel } from "./bitmapFont.js";
import type { RgbaImage } from "../wire/heatmap.js";
import { decodeBase64 } from "../wire/base64.js";

/** One glyph: its advance and its ink box (relative to the pen and the line's top), rows of bits from `offset`. */
export interface CaptionGlyph {
  advance: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The decoded tables' bytes, and the index of this glyph's first bitmap byte in them. */
  bytes: Uint8Array;
  offset: number;
}

/** Height of a caption line in pixels; text drawn at y has its ink in [y, y + CAPTION_LINE_PX). */
export const CAPTION_LINE_PX: number = CAPTION_GLYPHS.height;

/** Row of the caption line's baseline (the top of the row below the letters' feet). */
export const CAPTION_BASELINE: number = CAPTION_GLYPHS.baseline;

let glyphs: Map<string, CaptionGlyph> | null = null;

function table(): Map<string, CaptionGlyph> {
  if (glyphs) return glyphs;
  const packed = decodeBase64(CAPTION_GLYPHS.data.join(""));
  if (!packed) throw new Error("captionGlyphs.ts holds no base64: rerun scripts/gen_caption_font.py");
  const bytes = unzlibSync(packed);
  const chars = Array.from(CAPTION_GLYPHS.chars);
  const map = new Map<string, CaptionGlyph>();
  let offset = chars.length * 5;
  chars.forEach((ch, k) => {
    const [advance, x, y, w, h] = bytes.subarray(k * 5, k * 5 + 5);
    map.set(ch, { advance, x, y, w, h, bytes, offset });
    offset += Math.ceil((w * h) / 8);
  });
  glyphs = map;
  return map;
}

/** The glyph of `ch`, or null when the font has none (drawText draws a box for it). */
export function captionGlyph(ch: string): CaptionGlyph | null {
  return table().get(ch) ?? null;
}

/** Whether the glyph's pixel (col, row) of its ink box is ink. */
export function glyphInk(g: CaptionGlyph, col: number, row: number): boolean {
  const k = row * g.w + col;
  return (g.bytes[g.offset + (k >> 3)] & (0x80 >> (k & 7))) !== 0;
}

/** The box drawn for a character without a glyph: half an em wide, from the baseline to cap height. */
const BOX_ADVANCE = Math.round(CAPTION_GLYPHS.size * 0.6);
const BOX_TOP = CAPTION_GLYPHS.baseline - Math.round(CAPTION_GLYPHS.size * 0.75);

/** Width in pixels of `text` drawn in the caption font. */
export function captionWidth(text: string): number {
  let w = 0;
  for (const ch of Array.from(text)) w += captionGlyph(ch)?.advance ?? BOX_ADVANCE;
  return w;
}

/** Draws `text` with the top-left corner of its line at (x, y), clipped to the image. */
export function drawCaption(
  image: RgbaImage,
  x: number,
  y: number,
  text: string,
  rgb: readonly [number, number, number],
): void {
  let pen = x;
  for (const ch of Array.from(text)) {
    const g = captionGlyph(ch);
    if (g) {
      for (let r = 0; r < g.h; r++) {
        for (let c = 0; c < g.w; c++) if (glyphInk(g, c, r)) setPixel(image, pen + g.x + c, y + g.y + r, rgb);
      }
      pen += g.advance;
    } else {
      box(image, pen + 1, y + BOX_TOP, BOX_ADVANCE - 2, CAPTION_GLYPHS.baseline - BOX_TOP, rgb);
      pen += BOX_ADVANCE;
    }
  }
}

function box(image: RgbaImage, x: number, y: number, w: number, h: number, rgb: readonly [number, number, number]) {
  for (let i = 0; i < w; i++) {
    setPixel(image, x + i, y, rgb);
    setPixel(image, x + i, y + h - 1, rgb);
  }
  for (let j = 0; j < h; j++) {
    setPixel(image, x, y + j, rgb);
    setPixel(image, x + w - 1, y + j, rgb);
  }
}
