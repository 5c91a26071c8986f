/**
 * PNG encoding of an RGBA image with Node's zlib (native: a pure-JS deflate took 35–200 ms of a bundle's time;
 * the browser build swaps in fflate, see deflate.browser.ts).
 * An image of at most 256 colours, as figure.ts draws them, is written with a palette, one byte a pixel;
 * any other as 8-bit RGBA.
 */
import { crc32, zlibDeflate } from "./deflate.js";
import type { RgbaImage } from "../wire/heatmap.js";

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

/** The tEXt keyword under which a figure's smallest drawn cell (FigureImage's cellPx) is recorded. */
export const CELL_PX_KEY = "poolscope:cellPx";

export function encodePng(image: RgbaImage & { cellPx?: number }): Uint8Array {
  const { width, height } = image;
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
  const indexed = toPalette(pixels, image.data);
  // one filter byte (0: none) before each row; filters gain little on heatmaps of blocks
  const rowBytes = indexed ? width : width * 4;
  const raw = new Uint8Array((rowBytes + 1) * height);
  const src = indexed ? indexed.indices : new Uint8Array(image.data.buffer, image.data.byteOffset, width * height * 4);
  for (let y = 0; y < height; y++) raw.set(src.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = indexed ? 3 : 6; // palette, or RGBA
  const chunks = [chunk("IHDR", header)];
  if (indexed) chunks.push(chunk("PLTE", indexed.palette));
  // a few bytes that let a script check the size rule over every notebook output (scripts/png-cells.mjs)
  if (image.cellPx !== undefined) chunks.push(chunk("tEXt", latin1(`${CELL_PX_KEY}\0${image.cellPx}`)));
  chunks.push(chunk("IDAT", zlibDeflate(raw)), chunk("IEND", new Uint8Array(0)));
  const out = new Uint8Array(SIGNATURE.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(SIGNATURE);
  let o = SIGNATURE.length;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Palette indices and the RGB palette of an opaque image of at most 256 colours; null for any other image. */
function toPalette(pixels: Uint32Array, rgba: Uint8ClampedArray): { indices: Uint8Array; palette: Uint8Array } | null {
  const index = new Map<number, number>();
  const indices = new Uint8Array(pixels.length);
  let last = -1;
  let lastIndex = 0;
  for (let k = 0; k < pixels.length; k++) {
    const p = pixels[k];
    if (p !== last) {
      // a palette has no alpha (a tRNS chunk could add it; figures are opaque)
      if (rgba[k * 4 + 3] !== 255) return null;
      let i = index.get(p);
      if (i === undefined) {
        if (index.size === 256) return null;
        i = index.size;
        index.set(p, i);
      }
      last = p;
      lastIndex = i;
    }
    indices[k] = lastIndex;
  }
  const palette = new Uint8Array(index.size * 3);
  const bytes = new Uint8Array(4);
  const word = new Uint32Array(bytes.buffer);
  for (const [p, i] of index) {
    word[0] = p; // the pixel's own byte order: R, G, B, A in memory
    palette.set(bytes.subarray(0, 3), i * 3);
  }
  return { indices, palette };
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
