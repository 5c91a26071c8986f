/**
 * Node-only presentation: a value as a Jupyter MIME bundle (bundle.ts: the wire payload, a PNG from figure.ts,
 * figureMarks.ts and bitmapFont.ts, and a text line), bounded for large tensors (largeTensor.ts).
 *
 * Loading this module installs `[JUPYTER_DISPLAY]` on Tensor, so core/tensor.ts imports nothing of display;
 * src/index.ts loads it, which is how every tensor the library hands out renders as a cell's value.
 */
import { JUPYTER_DISPLAY, Tensor } from "../core/tensor.js";
import { toDisplayBundle, type CaptionOptions, type DisplayBundle } from "./bundle.js";

export {
  toDisplayBundle,
  toRowBundle,
  type DisplayBundle,
  type DisplayExtras,
  type DisplayItem,
  type CaptionOptions,
} from "./bundle.js";

declare module "../core/tensor.js" {
  interface Tensor {
    /**
     * The display bundle (tensor MIME type, PNG, text); a Jupyter kernel shows it as the cell's output. Past the
     * size budget (2^20 values) the payload and PNG carry a reduced view, with stats over every value.
     */
    [JUPYTER_DISPLAY](options?: CaptionOptions): DisplayBundle;
  }
}

// a prototype method, as the class's own method was: non-enumerable, so it stays out of spreads and JSON
Object.defineProperty(Tensor.prototype, JUPYTER_DISPLAY, {
  value: function (this: Tensor, options?: CaptionOptions): DisplayBundle {
    return toDisplayBundle(this, options?.title);
  },
  writable: true,
  configurable: true,
});
