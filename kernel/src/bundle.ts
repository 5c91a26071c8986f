/**
 * A cell value as a Jupyter MIME bundle. Values that implement Deno's rich-display protocol
 * (`[Symbol.for("Jupyter.display")]()`, as poolscope tensors and traces do) give their own bundle; everything
 * else is shown as Node's inspect text, which is what tslab printed to stdout before.
 */
import { inspect } from "node:util";
import { computeStats, summaryLine, tensor, toDisplayBundle } from "poolscope";

export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

export type MimeBundle = Record<string, unknown>;

/**
 * The most float32 values a tensor's bundle embeds (4 MiB, about 5.6 MB of base64 in the notebook). The payload
 * format (src/display/payload.ts) has no reduced view yet, so a larger tensor gets no payload at all: the text
 * summary with exact stats over all values, a PNG of a reduced view, and a note saying so.
 */
export const MAX_EMBEDDED_VALUES = 2 ** 20;
const PREVIEW_PLANES = 16;
const PREVIEW_VALUES = 2 ** 18;

interface TensorLike {
  shape: readonly number[];
  data: Float32Array;
}

function isLargeTensor(value: object): value is TensorLike {
  const t = value as Partial<TensorLike>;
  return t.data instanceof Float32Array && Array.isArray(t.shape) && t.data.length > MAX_EMBEDDED_VALUES;
}

/** Up to PREVIEW_PLANES planes of the last two axes, strided to about PREVIEW_VALUES values in all. */
function preview(t: TensorLike): { data: Float32Array; shape: number[]; note: string } {
  const rank = t.shape.length;
  const h = rank >= 2 ? t.shape[rank - 2] : 1;
  const w = rank >= 1 ? t.shape[rank - 1] : 1;
  const planes = Math.min(PREVIEW_PLANES, Math.max(1, Math.floor(t.data.length / (h * w))));
  let step = 1;
  while (planes * Math.ceil(h / step) * Math.ceil(w / step) > PREVIEW_VALUES) step++;
  const ph = Math.ceil(h / step);
  const pw = Math.ceil(w / step);
  const data = new Float32Array(planes * ph * pw);
  for (let p = 0, o = 0; p < planes; p++)
    for (let y = 0; y < h; y += step) for (let x = 0; x < w; x += step) data[o++] = t.data[p * h * w + y * w + x];
  const note = `the image shows the first ${planes} of ${t.data.length / (h * w)} planes${step > 1 ? `, every ${step}th row and column` : ""}`;
  return { data, shape: [1, planes, ph, pw], note };
}

function largeTensorBundle(t: TensorLike): MimeBundle {
  const stats = computeStats(t.data);
  const view = preview(t);
  const png = toDisplayBundle(tensor(view.data, view.shape))["image/png"];
  const text =
    `${summaryLine(t.shape, stats)}\n(${t.data.length} values: more than the ${MAX_EMBEDDED_VALUES} the kernel embeds ` +
    `for the interactive view, so none are embedded; the stats are over all values, ${view.note})`;
  return { "image/png": png, "text/plain": text };
}

export function toMimeBundle(value: unknown): MimeBundle {
  if (value !== null && typeof value === "object" && JUPYTER_DISPLAY in value && isLargeTensor(value)) {
    try {
      return largeTensorBundle(value);
    } catch (e) {
      return { "text/plain": `${inspect(value, { depth: 0 })}\n(rich display failed: ${(e as Error).message})` };
    }
  }
  if (value !== null && (typeof value === "object" || typeof value === "function")) {
    const hook = (value as { [JUPYTER_DISPLAY]?: unknown })[JUPYTER_DISPLAY];
    if (typeof hook === "function") {
      try {
        const bundle = hook.call(value) as unknown;
        if (bundle && typeof bundle === "object" && !Array.isArray(bundle)) {
          const b = bundle as MimeBundle;
          return "text/plain" in b ? b : { ...b, "text/plain": inspect(value) };
        }
      } catch (e) {
        return { "text/plain": `${inspect(value)}\n(rich display failed: ${(e as Error).message})` };
      }
    }
  }
  return { "text/plain": typeof value === "string" ? inspect(value) : inspect(value, { depth: 4 }) };
}
