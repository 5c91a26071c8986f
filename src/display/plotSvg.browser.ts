/**
 * The browser's plotSvg (package.json's "browser" field puts it in place of plotSvg.ts): a display bundle is made
 * synchronously, and in a browser vega's `toSVG()` can only be awaited, never waited for (blocking a worker on
 * another needs cross-origin isolation, which a static site usually lacks). So the browser kernel sends the
 * Vega-Lite spec alone, which JupyterLab's own Vega renderer draws; its text line is the server kernel's, so a notebook reads
 * the same from either kernel.
 */
import type { VegaLiteSpec } from "./plot.js";

export const PLOT_SVG_BYTES = 1 << 20;

/** null: this platform draws no SVG copy (the spec alone travels, as JupyterLite renders it). */
export function plotSvg(spec: VegaLiteSpec): string | null {
  void spec;
  return null;
}
