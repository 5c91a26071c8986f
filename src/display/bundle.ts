/**
 * A tensor as a Jupyter MIME bundle: the poolscope payload for the JupyterLab renderer, a PNG heatmap for
 * every other front end (GitHub, nbviewer, VS Code, nbconvert), and a one-line text summary.
 */
import type { Tensor } from "../tensor.js";
import { encodeBase64 } from "./base64.js";
import { scaleFor } from "./colormap.js";
import { gridLayout } from "./grid.js";
import { gridImage } from "./heatmap.js";
import { encodeTensorPayload, TENSOR_MIME, type TensorPayload } from "./payload.js";
import type { PoolTrace } from "../trace/types.js";
import { encodePng } from "./png.js";
import { summaryLine } from "./stats.js";

export interface DisplayBundle {
  [TENSOR_MIME]: TensorPayload;
  "image/png": string;
  "text/plain": string;
}

/** Optional parts of a traced pooling result: its input and trace travel in the payload (version 2). */
export interface DisplayExtras {
  input?: Tensor;
  trace?: PoolTrace;
}

export function toDisplayBundle(t: Tensor, title?: string, extras: DisplayExtras = {}): DisplayBundle {
  const payload = encodeTensorPayload(t.shape, t.data, title, {
    input: extras.input && { shape: extras.input.shape, values: extras.input.data },
    trace: extras.trace,
  });
  const image = gridImage(t.data, gridLayout(t.shape), scaleFor(payload.stats));
  return {
    [TENSOR_MIME]: payload,
    "image/png": encodeBase64(encodePng(image)),
    "text/plain": summaryLine(t.shape, payload.stats),
  };
}
