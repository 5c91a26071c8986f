/**
 * Composing the PNG fallback's figures: a caption band above a figure (the title of `display(x, { title })`),
 * figures side by side (a `show` row whose items keep their own scales), and an RGB picture scaled up
 * pixel-exactly. Pure pixel arithmetic on RgbaImages, so it is unit-tested without a PNG decoder.
 */
import { CAPTION_LINE_PX, captionWidth, drawCaption } from "./captionFont.js";
import type { RgbaImage } from "../wire/heatmap.js";
import { rgbPixels, type RgbPicture } from "../wire/rgb.js";

const INK: [number, number, number] = [30, 30, 30];
/** Space between figures of a row, in pixels. */
export const ROW_GAP = 16;
/** Longest side of an RGB picture in the PNG; smaller pictures are scaled up by a whole factor to reach it. */
export const PICTURE_PX = 256;

/** The caption band's height: one line of the caption font (captionFont.ts, Chinese too) with a margin. */
export const CAPTION_H = CAPTION_LINE_PX + 6;

/** A white band with `title` in it above `image`; the image unchanged when the title is empty. */
export function captioned(image: RgbaImage, title: string): RgbaImage {
  if (!title) return image;
  const width = Math.max(image.width, captionWidth(title) + 8);
  const out = blank(width, image.height + CAPTION_H);
  drawCaption(out, 4, 3, title, INK);
  place(out, image, 0, CAPTION_H);
  return withCell(out, [image]);
}

/** Images in one row, top-aligned, ROW_GAP apart, on white. */
export function sideBySide(images: readonly RgbaImage[]): RgbaImage {
  const width = images.reduce((w, im) => w + im.width, 0) + ROW_GAP * Math.max(0, images.length - 1);
  const out = blank(Math.max(1, width), Math.max(1, ...images.map((im) => im.height)));
  let x = 0;
  for (const im of images) {
    place(out, im, x, 0);
    x += im.width + ROW_GAP;
  }
  return withCell(out, images);
}

/** An image drawn from figures keeps their smallest cell (FigureImage's cellPx), for the PNG to record. */
function withCell(out: RgbaImage, from: readonly (RgbaImage & { cellPx?: number })[]): RgbaImage & { cellPx?: number } {
  const cells = from.flatMap((im) => (im.cellPx === undefined ? [] : [im.cellPx]));
  return cells.length > 0 ? { ...out, cellPx: Math.min(...cells) } : out;
}

/** Images one under another, left-aligned, ROW_GAP apart, on white (a row too wide to draw side by side). */
export function stacked(images: readonly RgbaImage[]): RgbaImage {
  const height = images.reduce((h, im) => h + im.height, 0) + ROW_GAP * Math.max(0, images.length - 1);
  const out = blank(Math.max(1, ...images.map((im) => im.width)), Math.max(1, height));
  let y = 0;
  for (const im of images) {
    place(out, im, 0, y);
    y += im.height + ROW_GAP;
  }
  return withCell(out, images);
}

/** A colour picture scaled up by the largest whole factor that keeps its longer side within PICTURE_PX. */
export function pictureImage(values: ArrayLike<number>, picture: RgbPicture): RgbaImage {
  const px = rgbPixels(values, picture);
  const f = Math.max(1, Math.floor(PICTURE_PX / Math.max(picture.h, picture.w)));
  const out = blank(px.width * f, px.height * f);
  for (let y = 0; y < out.height; y++) {
    const from = Math.floor(y / f) * px.width;
    for (let x = 0; x < out.width; x++) {
      const s = (from + Math.floor(x / f)) * 4;
      out.data.set(px.data.subarray(s, s + 4), (y * out.width + x) * 4);
    }
  }
  return out;
}

function blank(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8ClampedArray(width * height * 4).fill(255) };
}

function place(dst: RgbaImage, src: RgbaImage, x0: number, y0: number): void {
  const w = Math.min(src.width, dst.width - x0);
  for (let y = 0; y < src.height && y0 + y < dst.height; y++) {
    dst.data.set(src.data.subarray(y * src.width * 4, (y * src.width + w) * 4), ((y0 + y) * dst.width + x0) * 4);
  }
}
