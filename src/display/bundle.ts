/**
 * A tensor as a Jupyter MIME bundle: the poolscope payload for the JupyterLab renderer, a PNG heatmap for
 * every other front end (GitHub, nbviewer, VS Code, nbconvert), and text: the values as PyTorch prints them
 * and a one-line summary.
 */
import { formatTensor } from "../core/print.js";
import type { Tensor } from "../core/tensor.js";
import { encodeBase64 } from "../wire/base64.js";
import { scaleFor } from "../wire/colormap.js";
import { gridLayout } from "../wire/grid.js";
import { figureImage, type FigurePanel } from "./figure.js";
import { traceFigureMarks } from "./figureMarks.js";
import { encodeTensorPayload, TENSOR_MIME, type PayloadPart, type TensorPayload } from "../wire/payload.js";
import type { PoolTrace } from "../wire/traceTypes.js";
import { encodePng } from "./png.js";
import { boundedPart, embedBits, largeTensorText } from "./largeTensor.js";
import { colourRange } from "../wire/reduce.js";

export interface DisplayBundle {
  [TENSOR_MIME]: TensorPayload;
  "image/png": string;
  "text/plain": string;
}

/** Optional parts of a traced pooling result: its input and trace travel in the payload (version 3). */
export interface DisplayExtras {
  input?: Tensor;
  trace?: PoolTrace;
  /** A second traced result shown beside the first (compareSpp). */
  compare?: { input: Tensor; output: Tensor; trace: PoolTrace };
}

export function toDisplayBundle(t: Tensor, title?: string, extras: DisplayExtras = {}): DisplayBundle {
  // past the size budget each tensor travels as a reduced view with exact stats (largeTensor.ts); every part's
  // stats are computed once, here, and handed to the payload, the colour range and the text
  const main = boundedPart(t);
  const input = extras.input && boundedPart(extras.input);
  const compare = extras.compare && {
    input: boundedPart(extras.compare.input),
    output: boundedPart(extras.compare.output),
    trace: extras.compare.trace,
  };
  // then the parts share the bundle's byte budget: exact float32 where it fits, else quantised codes
  const parts = [main, input, compare?.output, compare?.input].filter((p): p is PayloadPart => p !== undefined);
  embedBits(parts.map((p) => p.values.length)).forEach((bits, k) => {
    if (bits !== undefined) parts[k].bits = bits;
  });
  const payload = encodeTensorPayload(main.shape, main.values, title, {
    input,
    trace: extras.trace,
    compare,
    stats: main.stats,
    reduced: main.reduced,
    bits: main.bits,
  });
  // a traced result is drawn as the renderer shows it: input beside output, on one scale; marks are in the
  // tensors' own cells, so they are left out when either side is a reduced view. The PNG is drawn from the
  // exact values, whatever the payload carries.
  const marksFor = (trace: PoolTrace | undefined, a: PayloadPart, b: PayloadPart) =>
    trace && !a.reduced && !b.reduced ? traceFigureMarks(trace) : { input: [], output: [] };
  const panels: FigurePanel[] = [{ label: input ? "output" : "", values: main.values, layout: gridLayout(main.shape) }];
  // colours span what is drawn: exact stats, or a reduced view's block means (colourRange says why)
  let range = colourRange(main.values, main.stats!, main.reduced);
  if (input) {
    const marks = marksFor(extras.trace, input, main);
    panels[0].marks = marks.output;
    panels.unshift({ label: "input", values: input.values, layout: gridLayout(input.shape), marks: marks.input });
    range = widen(range, colourRange(input.values, input.stats!, input.reduced));
  }
  // a plain tensor's text reads as PyTorch prints it, then the summary line; a traced result keeps its summary
  let text = largeTensorText(main);
  if (!input && !compare) text = `${formatTensor(t)}\n${text}`;
  if (compare) {
    // the two results one after the other, numbered, on one scale
    panels[0].label = "input 1";
    panels[1].label = "output 1";
    const marks = marksFor(compare.trace, compare.input, compare.output);
    panels.push(
      { label: "input 2", values: compare.input.values, layout: gridLayout(compare.input.shape), marks: marks.input },
      {
        label: "output 2",
        values: compare.output.values,
        layout: gridLayout(compare.output.shape),
        marks: marks.output,
      },
    );
    range = widen(
      widen(range, colourRange(compare.input.values, compare.input.stats!, compare.input.reduced)),
      colourRange(compare.output.values, compare.output.stats!, compare.output.reduced),
    );
    text = `1: ${text}\n2: ${largeTensorText(compare.output)}`;
  }
  const image = figureImage(panels, scaleFor(range));
  return {
    [TENSOR_MIME]: payload,
    "image/png": encodeBase64(encodePng(image)),
    "text/plain": text,
  };
}

function widen(
  a: { min: number | null; max: number | null },
  b: { min: number | null; max: number | null },
): { min: number | null; max: number | null } {
  const pick = (x: number | null, y: number | null, f: (p: number, q: number) => number): number | null =>
    x === null ? y : y === null ? x : f(x, y);
  return { min: pick(a.min, b.min, Math.min), max: pick(a.max, b.max, Math.max) };
}
