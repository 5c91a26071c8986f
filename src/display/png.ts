/** PNG encoding of an RGBA image, with fast-png (pure JS, no native build). */
import { encode } from "fast-png";
import type { RgbaImage } from "../wire/heatmap.js";

export function encodePng(image: RgbaImage): Uint8Array {
  return encode({
    width: image.width,
    height: image.height,
    data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    channels: 4,
    depth: 8,
  });
}
