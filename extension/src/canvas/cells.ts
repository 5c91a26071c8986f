/**
 * What is printed inside a cell: the number when the cell is large enough (typographic minus, because a
 * hyphen is easily missed: cnn-explainer#33), and glyphs for NaN and ±Inf so they survive colour blindness
 * and greyscale printing. Text colour follows the cell colour's luminance.
 */
import { formatNumber, type Rgb } from "poolscope/wire";

/** Smallest cell side, in CSS pixels, that gets a number printed in it. */
export const MIN_NUMBER_PX = 24;
/** Smallest cell side that gets a NaN/Inf glyph. */
export const MIN_GLYPH_PX = 8;

/** Glyph for a non-finite value, or null for a finite one. */
export function glyphFor(v: number): string | null {
  if (v !== v) return "×";
  if (v === Infinity) return "+∞";
  if (v === -Infinity) return "−∞";
  return null;
}

/** The legend's key for the glyphs. */
export const GLYPH_KEY = "× NaN   +∞ +Inf   −∞ −Inf";

/** Font size in CSS pixels for text in a cell of side `px`. */
export function cellFontPx(px: number): number {
  return Math.max(7, Math.min(14, Math.floor(px / 3)));
}

/**
 * The text drawn in a cell of side `px`: a glyph for non-finite values (when the cell is at least
 * MIN_GLYPH_PX), the short number when it fits (about 0.6 em per character), else null.
 */
export function cellText(v: number, px: number): string | null {
  const glyph = glyphFor(v);
  if (glyph !== null) return px >= MIN_GLYPH_PX ? glyph : null;
  if (px < MIN_NUMBER_PX) return null;
  const text = formatNumber(v);
  return text.length * cellFontPx(px) * 0.6 <= px - 2 ? text : null;
}

/** Black or white text, whichever reads better on `rgb` (relative luminance, sRGB weights). */
export function textColorOn(rgb: Rgb): "#000" | "#fff" {
  const lum = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
  return lum > 0.5 ? "#000" : "#fff";
}
