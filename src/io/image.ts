/**
 * src/io/: getting data in. Loading a PNG or JPEG file into a tensor (1, C, H, W) of values in [0, 1], so a notebook can pool a real
 * picture. Decoding uses fast-png (PNG, 8 and 16 bit, palette, alpha) and jpeg-js (baseline and progressive
 * JPEG); the format is read from the file's signature, not its name.
 */
import { decode as decodePng, convertIndexedToRgb } from "fast-png";
import jpeg from "jpeg-js";
import { ParameterError } from "../core/errors.js";
import { Tensor } from "../core/tensor.js";
import { readBytes } from "./readBytes.js";

export interface ImageOptions {
  /** "rgb" (default, alpha dropped), "gray" (ITU-R BT.601 luma) or "rgba". */
  channels?: "rgb" | "gray" | "rgba";
  /** Refuse larger images (megapixels). Default 64. */
  maxMegapixels?: number;
}

/** Reads and decodes an image file (in a browser: fetches it, the path a URL; see readBytes.browser.ts). */
export async function loadImage(path: string, options: ImageOptions = {}): Promise<Tensor> {
  if (typeof path !== "string" || path.length === 0)
    throw new ParameterError("loadImage", "path", path, "must be a file path");
  return decodeImage(await readBytes(path), options);
}

/** Decodes PNG or JPEG bytes. */
export function decodeImage(bytes: Uint8Array, options: ImageOptions = {}): Tensor {
  const op = "decodeImage";
  const mode = options.channels ?? "rgb";
  if (mode !== "rgb" && mode !== "gray" && mode !== "rgba")
    throw new ParameterError(op, "channels", mode, 'must be "rgb", "gray" or "rgba"');
  const maxMp = options.maxMegapixels ?? 64;
  let width: number;
  let height: number;
  let channels: number;
  let data: ArrayLike<number>;
  let max: number;
  if (isPng(bytes)) {
    const png = decodePng(bytes);
    width = png.width;
    height = png.height;
    if (png.palette) {
      data = convertIndexedToRgb(png);
      channels = png.palette[0]?.length ?? 3;
      max = 255;
    } else {
      data = png.data;
      channels = png.channels;
      max = 2 ** png.depth - 1;
    }
  } else if (isJpeg(bytes)) {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: maxMp });
    width = img.width;
    height = img.height;
    data = img.data;
    channels = 3;
    max = 255;
  } else {
    throw new ParameterError(op, "bytes", `${bytes.length} bytes`, "must be a PNG or JPEG file");
  }
  if (width * height > maxMp * 1e6)
    throw new ParameterError(op, "maxMegapixels", maxMp, `is exceeded by a ${width}×${height} image`);
  const outC = mode === "gray" ? 1 : mode === "rgb" ? 3 : 4;
  const plane = width * height;
  const out = new Float32Array(outC * plane);
  for (let i = 0; i < plane; i++) {
    const px = (c: number): number => data[i * channels + c] / max;
    // gray sources (1 or 2 channels) broadcast to RGB; a missing alpha is opaque
    const r = px(0);
    const g = channels >= 3 ? px(1) : px(0);
    const b = channels >= 3 ? px(2) : px(0);
    const a = channels === 4 ? px(3) : channels === 2 ? px(1) : 1;
    if (mode === "gray") out[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    else {
      out[i] = r;
      out[plane + i] = g;
      out[2 * plane + i] = b;
      if (mode === "rgba") out[3 * plane + i] = a;
    }
  }
  return new Tensor(out, [1, outC, height, width]);
}

function isPng(b: Uint8Array): boolean {
  return b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}

function isJpeg(b: Uint8Array): boolean {
  return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}
