/**
 * The size budget of a tensor's display bundle. The payload has no reduced view yet, so a tensor over
 * MAX_EMBEDDED_VALUES gets no payload at all: the text summary with exact stats over all values, a PNG of a
 * reduced view, and a note saying so (an embedded 64×512×512 tensor took 17 s and 89.5 MB).
 */
import { encodeBase64 } from "./base64.js";
import { scaleFor } from "./colormap.js";
import { figureImage } from "./figure.js";
import { gridLayout } from "./grid.js";
import { encodePng } from "./png.js";
import { computeStats, summaryLine } from "./stats.js";

/** The most float32 values a bundle embeds (4 MiB, about 5.6 MB of base64 in the notebook). */
export const MAX_EMBEDDED_VALUES = 2 ** 20;
const PREVIEW_PLANES = 16;
const PREVIEW_VALUES = 2 ** 18;

export interface PreviewView {
  data: Float32Array;
  shape: number[];
  note: string;
}

/** Up to PREVIEW_PLANES planes of the last two axes, strided to about PREVIEW_VALUES values in all. */
export function previewView(shape: readonly number[], values: Float32Array): PreviewView {
  const rank = shape.length;
  const h = rank >= 2 ? shape[rank - 2] : 1;
  const w = rank >= 1 ? shape[rank - 1] : 1;
  const planes = Math.min(PREVIEW_PLANES, Math.max(1, Math.floor(values.length / (h * w))));
  let step = 1;
  while (planes * Math.ceil(h / step) * Math.ceil(w / step) > PREVIEW_VALUES) step++;
  const ph = Math.ceil(h / step);
  const pw = Math.ceil(w / step);
  const data = new Float32Array(planes * ph * pw);
  for (let p = 0, o = 0; p < planes; p++)
    for (let y = 0; y < h; y += step) for (let x = 0; x < w; x += step) data[o++] = values[p * h * w + y * w + x];
  const note = `the image shows the first ${planes} of ${values.length / (h * w)} planes${step > 1 ? `, every ${step}th row and column` : ""}`;
  return { data, shape: [1, planes, ph, pw], note };
}

/** The text line of a tensor too large to embed: exact stats, and why nothing is embedded. */
export function largeTensorText(shape: readonly number[], values: Float32Array, note: string): string {
  return (
    `${summaryLine(shape, computeStats(values))}\n(${values.length} values: more than the ${MAX_EMBEDDED_VALUES} ` +
    `the kernel embeds for the interactive view, so none are embedded; the stats are over all values, ${note})`
  );
}

/** What a tensor too large to embed shows instead of the full bundle: a reduced PNG and the exact-stats text. */
export interface ReducedBundle {
  "image/png": string;
  "text/plain": string;
}

export function reducedBundle(shape: readonly number[], values: Float32Array): ReducedBundle {
  const view = previewView(shape, values);
  const image = figureImage(
    [{ label: "", values: view.data, layout: gridLayout(view.shape) }],
    scaleFor(computeStats(view.data)),
  );
  return { "image/png": encodeBase64(encodePng(image)), "text/plain": largeTensorText(shape, values, view.note) };
}
