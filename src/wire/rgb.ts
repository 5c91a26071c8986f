/**
 * Whether a tensor is a colour picture, and its pixels: a (3, H, W) or (1, 3, H, W) tensor whose values all lie
 * in [0, 1] or in [0, 255] is drawn as an RGB image (by the renderer and the PNG fallback alike), with channel
 * 0 red, 1 green, 2 blue, as torchvision's `to_pil_image` reads a CHW tensor.
 */
import type { RgbaImage } from "./heatmap.js";
import type { TensorStats } from "./stats.js";

export interface RgbPicture {
  /** The value that is full intensity: 1 for [0, 1] images, 255 for [0, 255] ones. */
  peak: 1 | 255;
  h: number;
  w: number;
}

/**
 * The picture a tensor reads as, or null. Only finite values in range qualify: one NaN or a negative value is a
 * feature map, not a photograph, and stays a heatmap.
 */
export function rgbPicture(shape: readonly number[], stats: TensorStats): RgbPicture | null {
  const chw = shape.length === 3 ? shape : shape.length === 4 && shape[0] === 1 ? shape.slice(1) : null;
  if (!chw || chw[0] !== 3 || chw[1] < 1 || chw[2] < 1) return null;
  if (stats.nanCount + stats.posInfCount + stats.negInfCount > 0) return null;
  if (stats.min === null || stats.max === null || stats.min < 0) return null;
  const peak = stats.max <= 1 ? 1 : stats.max <= 255 ? 255 : null;
  return peak === null ? null : { peak, h: chw[1], w: chw[2] };
}

/** One RGBA pixel per image pixel, channels-first values scaled by the peak to 0…255. */
export function rgbPixels(values: ArrayLike<number>, picture: RgbPicture): RgbaImage {
  const { h, w, peak } = picture;
  const n = h * w;
  const data = new Uint8ClampedArray(n * 4);
  const k = 255 / peak;
  for (let p = 0; p < n; p++) {
    data[p * 4] = Math.round(values[p] * k);
    data[p * 4 + 1] = Math.round(values[n + p] * k);
    data[p * 4 + 2] = Math.round(values[2 * n + p] * k);
    data[p * 4 + 3] = 255;
  }
  return { width: w, height: h, data };
}
