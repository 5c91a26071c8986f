/**
 * Node-only presentation: a value as a Jupyter MIME bundle (bundle.ts: the wire payload, a PNG from figure.ts,
 * figureMarks.ts and bitmapFont.ts, and a text line), bounded for large tensors (largeTensor.ts); plots (plot.ts,
 * with their SVG from plotSvg.ts).
 *
 * Loading this module installs `[JUPYTER_DISPLAY]` on Tensor and Plot, so core/tensor.ts imports nothing of
 * display and plot.ts stays free of Node; src/index.ts loads it, which is how every tensor the library hands out
 * renders as a cell's value. The names of display are exported from bundle.ts and plot.ts by src/index.ts,
 * once; this module adds only the installation (and PlotBundle, the type it declares).
 */
import { say } from "../core/messages.js";
import { JUPYTER_DISPLAY, Tensor } from "../core/tensor.js";
import { toDisplayBundle, type CaptionOptions, type DisplayBundle } from "./bundle.js";
import { Plot, VEGALITE_MIME, type VegaLiteSpec } from "./plot.js";
import { plotSvg } from "./plotSvg.js";

declare module "../core/tensor.js" {
  interface Tensor {
    /**
     * The display bundle (tensor MIME type, PNG, text); a Jupyter kernel shows it as the cell's output. Past the
     * size budget (2^20 values) the payload and PNG carry a reduced view, with stats over every value.
     */
    [JUPYTER_DISPLAY](options?: CaptionOptions): DisplayBundle;
  }
}

declare module "./plot.js" {
  interface Plot {
    /**
     * The display bundle: the Vega-Lite spec (JupyterLab's Vega renderer draws it), an SVG of the same plot
     * drawn here by vega (GitHub, nbviewer, VS Code, nbconvert) and the text line.
     */
    [JUPYTER_DISPLAY](): PlotBundle;
  }
}

export interface PlotBundle {
  [VEGALITE_MIME]: VegaLiteSpec;
  "image/svg+xml"?: string;
  "text/plain": string;
}

// a prototype method, as the class's own method was: non-enumerable, so it stays out of spreads and JSON
Object.defineProperty(Tensor.prototype, JUPYTER_DISPLAY, {
  value: function (this: Tensor, options?: CaptionOptions): DisplayBundle {
    return toDisplayBundle(this, options?.title);
  },
  writable: true,
  configurable: true,
});

// a plot never changes, so its SVG (tens of milliseconds of vega) is drawn once, on its first display
const plotBundles = new WeakMap<Plot, PlotBundle>();

Object.defineProperty(Plot.prototype, JUPYTER_DISPLAY, {
  value: function (this: Plot): PlotBundle {
    let bundle = plotBundles.get(this);
    if (!bundle) {
      bundle = { [VEGALITE_MIME]: this.spec, "text/plain": this.text };
      try {
        const svg = plotSvg(this.spec);
        if (svg !== null) bundle = { [VEGALITE_MIME]: this.spec, "image/svg+xml": svg, "text/plain": this.text };
      } catch (e) {
        // JupyterLab still draws the spec; only the static copy is missing, and the text says why
        bundle["text/plain"] = `${this.text}\n${say("plotNoSvg", { error: (e as Error).message })}`;
      }
      plotBundles.set(this, bundle);
    }
    return bundle;
  },
  writable: true,
  configurable: true,
});
