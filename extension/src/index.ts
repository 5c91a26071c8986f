/**
 * JupyterLab MIME renderer for poolscope tensors. Rank 0 so it wins over the PNG and text the same bundle
 * carries for other front ends; safe, because it never turns data into HTML.
 *
 * The top level is the renderer's entry only (this file and widget.ts); link/ reads traces without the DOM,
 * views/ builds the DOM views on one skeleton, canvas/ paints. Everything else comes from poolscope/wire.
 */
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { TENSOR_MIME } from "poolscope/wire";
import { TensorRenderer } from "./widget.js";

export const rendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [TENSOR_MIME],
  // the translator is optional: JupyterLab passes its own, other hosts may pass none (English then)
  createRenderer: (options) => new TensorRenderer(options.mimeType, options.translator?.languageCode),
};

const extension: IRenderMime.IExtension = {
  id: "jupyterlab-poolscope:tensor",
  description: "Heatmaps, read-outs and pooling views for poolscope tensors.",
  rendererFactory,
  rank: 0,
  dataType: "json",
};

export default extension;
