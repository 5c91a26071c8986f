/**
 * What is printed inside a plane's cells. Numbers show in every cell of a plane or in none (a plane that labels
 * its zeros and not its informative values reads as a bug), all in one compact format chosen for the plane
 * (typographic minus, because a hyphen is easily missed: cnn-explainer#33); glyphs mark NaN and ±Inf in any
 * case, so they survive colour blindness and greyscale printing. Text colour follows the cell's luminance.
 */
import type { Rgb } from "poolscope/wire";

/** Smallest cell side that gets a NaN/Inf glyph. */
export const MIN_GLYPH_PX = 8;
/** Smallest font, in CSS pixels, numbers are printed at: below it a plane prints none. */
export const MIN_LABEL_FONT = 8;
/** Font the "numbers" toggle grows the cells for: comfortably read, not merely fitting. */
export const TOGGLE_LABEL_FONT = 10;
/** Largest cell side the "numbers" toggle enlarges a plane's cells to. */
export const MAX_LABEL_PX = 72;
/** Width of a character of cell text, in em (digits of the UI sans-serif are about 0.55 em). */
const CHAR_EM = 0.6;

/** Glyph for a non-finite value, or null for a finite one. */
export function glyphFor(v: number): string | null {
  if (v !== v) return "×";
  if (v === Infinity) return "+∞";
  if (v === -Infinity) return "−∞";
  return null;
}

/** The legend's key for the glyphs. */
export const GLYPH_KEY = "× NaN   +∞ +Inf   −∞ −Inf";

/**
 * The font, in CSS pixels, that fits a text of `chars` characters in a cell of side `px` (about CHAR_EM a
 * character, 1 px either side, at most 45 % of the cell's height, at most 14).
 */
export function labelFont(chars: number, px: number): number {
  return Math.min(14, Math.floor(px * 0.45), Math.floor((px - 2) / (Math.max(1, chars) * CHAR_EM)));
}

/**
 * The one format of a plane's cell numbers, from its largest finite magnitude: integers as integers; else a
 * fixed number of decimals giving about two significant digits of the largest value (0.53, 5.3, 53), or up to two
 * more when those make every value exact (0.25, 0.75); equal precision reads as equal width; exponent form past
 * 1e5 or under 1e−3.
 */
export function cellFormat(values: ArrayLike<number>): (v: number) => string {
  let maxAbs = 0;
  let integers = true;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v - v !== 0) continue;
    maxAbs = Math.max(maxAbs, Math.abs(v));
    if (integers && !Number.isInteger(v)) integers = false;
  }
  const minus = (t: string): string => t.replace(/-/g, "−");
  if (maxAbs >= 1e5 || (!integers && maxAbs > 0 && maxAbs < 1e-3))
    return (v) => (v === 0 ? "0" : minus(v.toExponential(1).replace("e+", "e")));
  if (integers) return (v) => minus(String(v));
  let decimals = maxAbs === 0 ? 0 : Math.max(0, Math.min(4, 1 - Math.floor(Math.log10(maxAbs))));
  // up to two more decimals when they make every value exact (quarters read 0.25, not 0.3)
  for (let d = decimals; d <= Math.min(4, decimals + 2); d++) {
    if (exactAt(values, d)) {
      decimals = d;
      break;
    }
  }
  return (v) => minus(v.toFixed(decimals)).replace(/^−(0\.?0*)$/, "$1"); // no "−0.00"
}

/** Whether every finite value is its own rounding to `d` decimals, to float32's precision (2^−23 relative). */
function exactAt(values: ArrayLike<number>, d: number): boolean {
  const f = 10 ** d;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v - v === 0 && Math.abs(Math.round(v * f) / f - v) > Math.abs(v) * 2 ** -23) return false;
  }
  return true;
}

export interface PlaneLabels {
  /** Per cell: its number, glyph, or null (drawn nothing). */
  texts: (string | null)[];
  /** "all": every finite cell shows its number; "none": none does (glyphs still show). */
  numbers: "all" | "none";
  /** Cell side the labels were decided for (larger than asked when `force` enlarged it). */
  px: number;
  /** Font of the texts, in CSS pixels: one for the whole plane. */
  font: number;
}

/**
 * The text of every cell of a plane at cell side `px`: numbers in every finite cell when the longest fits at
 * MIN_LABEL_FONT or more, else in none. With `force` (the "numbers" toggle) the cells grow, up to MAX_LABEL_PX,
 * until the numbers read at TOGGLE_LABEL_FONT.
 */
export function planeLabels(values: ArrayLike<number>, px: number, force = false): PlaneLabels {
  // cells too small for even one character show no number whatever the format: no per-value strings then (a
  // 2^20-value tensor's planes took a quarter of a second formatting numbers nobody would see)
  if (!force && labelFont(1, px) < MIN_LABEL_FONT) {
    const texts: (string | null)[] = new Array<string | null>(values.length).fill(null);
    if (px >= MIN_GLYPH_PX) for (let k = 0; k < values.length; k++) texts[k] = glyphFor(values[k]);
    return { texts, numbers: "none", px, font: Math.max(6, labelFont(2, px)) };
  }
  const format = cellFormat(values);
  const numbers: string[] = [];
  let longest = "";
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const t = v - v === 0 ? format(v) : "";
    numbers.push(t);
    if (t.length > longest.length) longest = t;
  }
  let size = px;
  if (force) while (labelFont(longest.length, size) < TOGGLE_LABEL_FONT && size < MAX_LABEL_PX) size++;
  const all = labelFont(longest.length, size) >= MIN_LABEL_FONT;
  const texts = numbers.map((t, k) => {
    const glyph = glyphFor(values[k]);
    if (glyph !== null) return size >= MIN_GLYPH_PX ? glyph : null;
    return all ? t : null;
  });
  // glyphs alone ("+∞", two characters) get the font two characters allow
  const font = Math.max(6, labelFont(all ? longest.length : 2, size));
  return { texts, numbers: all ? "all" : "none", px: size, font };
}

/** Black or white text, whichever reads better on `rgb` (relative luminance, sRGB weights). */
export function textColorOn(rgb: Rgb): "#000" | "#fff" {
  const lum = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
  return lum > 0.5 ? "#000" : "#fff";
}
