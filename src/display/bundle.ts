/**
 * A tensor as a Jupyter MIME bundle: the poolscope payload for the JupyterLab renderer, a PNG heatmap for
 * every other front end (GitHub, nbviewer, VS Code, nbconvert), and a one-line text summary.
 */
import type { Tensor } from "../tensor.js";
import { encodeBase64 } from "./base64.js";
import { scaleFor } from "./colormap.js";
import { gridLayout } from "./grid.js";
import { figureImage, type FigurePanel } from "./figure.js";
import { traceFigureMarks } from "./figureMarks.js";
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
  /** A second traced result shown beside the first (compareSpp). */
  compare?: { input: Tensor; output: Tensor; trace: PoolTrace };
}

export function toDisplayBundle(t: Tensor, title?: string, extras: DisplayExtras = {}): DisplayBundle {
  const payload = encodeTensorPayload(t.shape, t.data, title, {
    input: extras.input && { shape: extras.input.shape, values: extras.input.data },
    trace: extras.trace,
    compare: extras.compare && {
      input: { shape: extras.compare.input.shape, values: extras.compare.input.data },
      output: { shape: extras.compare.output.shape, values: extras.compare.output.data },
      trace: extras.compare.trace,
    },
  });
  // a traced result is drawn as the renderer shows it: input beside output, on one scale
  const panels: FigurePanel[] = [{ label: extras.input ? "output" : "", values: t.data, layout: gridLayout(t.shape) }];
  let range = { min: payload.stats.min, max: payload.stats.max };
  if (extras.input && payload.input) {
    const marks = extras.trace ? traceFigureMarks(extras.trace) : { input: [], output: [] };
    panels[0].marks = marks.output;
    panels.unshift({
      label: "input",
      values: extras.input.data,
      layout: gridLayout(extras.input.shape),
      marks: marks.input,
    });
    range = widen(range, payload.input.stats);
  }
  let text = summaryLine(t.shape, payload.stats);
  if (extras.compare && payload.compare) {
    // the two results one after the other, numbered, on one scale
    const c = extras.compare;
    panels[0].label = "input 1";
    panels[1].label = "output 1";
    const marks = traceFigureMarks(c.trace);
    panels.push(
      { label: "input 2", values: c.input.data, layout: gridLayout(c.input.shape), marks: marks.input },
      { label: "output 2", values: c.output.data, layout: gridLayout(c.output.shape), marks: marks.output },
    );
    range = widen(widen(range, payload.compare.input.stats), payload.compare.output.stats);
    text = `1: ${text}\n2: ${summaryLine(c.output.shape, payload.compare.output.stats)}`;
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
