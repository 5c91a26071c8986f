/**
 * The browser's plotSvg (package.json's "browser" field puts it in place of plotSvg.ts): a display bundle is made
 * synchronously, and in a browser vega's `toSVG()` can only be awaited, never waited for (blocking a worker on
 * another needs cross-origin isolation, which a static site usually lacks). So the browser kernel sends the
 * Vega-Lite spec alone, which JupyterLab's own Vega renderer draws; the text line says why no SVG is saved.
 */
import type { VegaLiteSpec } from "./plot.js";

export const PLOT_SVG_BYTES = 1 << 20;

export function plotSvg(spec: VegaLiteSpec): string {
  void spec;
  throw new Error("the browser kernel saves no SVG copy (run the notebook with the server kernel for one)");
}
