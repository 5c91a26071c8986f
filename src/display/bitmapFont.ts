/**
 * A 3×5 pixel font, so the kernel labels its pictures without a font file or a canvas. Words, titles and the
 * colour bar's ticks are in the caption font (captionFont.ts, Chinese too); this one is kept for the row indices
 * beside a wrapped vector, whose rows may be only 6 px tall. Each glyph is 5 rows of 3 bits, top first.
 */
import type { RgbaImage } from "../wire/heatmap.js";

const GLYPHS: Record<string, readonly number[]> = {
  "0": [7, 5, 5, 5, 7],
  "1": [2, 6, 2, 2, 7],
  "2": [7, 1, 7, 4, 7],
  "3": [7, 1, 3, 1, 7],
  "4": [5, 5, 7, 1, 1],
  "5": [7, 4, 7, 1, 7],
  "6": [7, 4, 7, 5, 7],
  "7": [7, 1, 2, 2, 2],
  "8": [7, 5, 7, 5, 7],
  "9": [7, 5, 7, 1, 7],
  ".": [0, 0, 0, 0, 2],
  ",": [0, 0, 0, 2, 4],
  "−": [0, 0, 7, 0, 0],
  "-": [0, 0, 7, 0, 0],
  "+": [0, 2, 7, 2, 0],
  "×": [0, 5, 2, 5, 0],
  "=": [0, 7, 0, 7, 0],
  "[": [6, 4, 4, 4, 6],
  "]": [3, 1, 1, 1, 3],
  "∞": [0, 0, 7, 5, 7],
  "–": [0, 0, 7, 0, 0],
  " ": [0, 0, 0, 0, 0],
  e: [0, 7, 7, 4, 7],
  a: [0, 6, 1, 7, 7],
  i: [2, 0, 2, 2, 2],
  n: [0, 6, 5, 5, 5],
  o: [0, 7, 5, 5, 7],
  p: [0, 7, 5, 7, 4],
  t: [2, 7, 2, 2, 3],
  u: [0, 5, 5, 5, 7],
  N: [5, 7, 7, 7, 5],
};

/**
 * Capitals for captions (titles of `display` and `show`); a letter without a glyph of its own above is drawn as
 * its capital, so any ASCII title reads, in small capitals where the small alphabet lacks the letter.
 */
const CAPITALS: Record<string, readonly number[]> = {
  A: [2, 5, 7, 5, 5],
  B: [6, 5, 6, 5, 6],
  C: [3, 4, 4, 4, 3],
  D: [6, 5, 5, 5, 6],
  E: [7, 4, 6, 4, 7],
  F: [7, 4, 6, 4, 4],
  G: [3, 4, 5, 5, 3],
  H: [5, 5, 7, 5, 5],
  I: [7, 2, 2, 2, 7],
  J: [1, 1, 1, 5, 2],
  K: [5, 5, 6, 5, 5],
  L: [4, 4, 4, 4, 7],
  M: [5, 7, 7, 5, 5],
  O: [2, 5, 5, 5, 2],
  P: [6, 5, 6, 4, 4],
  Q: [2, 5, 5, 6, 3],
  R: [6, 5, 6, 5, 5],
  S: [3, 4, 2, 1, 6],
  T: [7, 2, 2, 2, 2],
  U: [5, 5, 5, 5, 7],
  V: [5, 5, 5, 5, 2],
  W: [5, 5, 7, 7, 5],
  X: [5, 5, 2, 5, 5],
  Y: [5, 5, 2, 2, 2],
  Z: [7, 1, 2, 4, 7],
  ":": [0, 2, 0, 2, 0],
  "(": [1, 2, 2, 2, 1],
  ")": [4, 2, 2, 2, 4],
  "/": [1, 1, 2, 4, 4],
  _: [0, 0, 0, 0, 7],
  "'": [2, 2, 0, 0, 0],
  "→": [0, 1, 7, 1, 0],
};

function glyph(ch: string): readonly number[] {
  return GLYPHS[ch] ?? GLYPHS[ch.toUpperCase()] ?? CAPITALS[ch.toUpperCase()] ?? [7, 5, 5, 5, 7];
}

/** Width in pixels of `text` at `scale` (glyph 3 px plus 1 px spacing, times scale). */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (Array.from(text).length * 4 - 1) * scale;
}

export const TEXT_HEIGHT = 5;

/** Draws `text` with its top-left corner at (x, y); characters without a glyph are drawn as a box. */
export function drawText(
  image: RgbaImage,
  x: number,
  y: number,
  text: string,
  scale: number,
  rgb: readonly [number, number, number],
): void {
  let cx = x;
  for (const ch of Array.from(text)) {
    const rows = glyph(ch);
    for (let r = 0; r < 5; r++) {
      for (let b = 0; b < 3; b++) {
        if (!(rows[r] & (4 >> b))) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) setPixel(image, cx + b * scale + dx, y + r * scale + dy, rgb);
        }
      }
    }
    cx += 4 * scale;
  }
}

/** Sets one pixel to `rgb`, opaque; a pixel outside the image is skipped (text is clipped). */
export function setPixel(image: RgbaImage, x: number, y: number, rgb: readonly [number, number, number]): void {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
  const k = (y * image.width + x) * 4;
  image.data[k] = rgb[0];
  image.data[k + 1] = rgb[1];
  image.data[k + 2] = rgb[2];
  image.data[k + 3] = 255;
}
