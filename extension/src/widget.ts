/**
 * The tensor view: a stats line, a toolbar (scale mode, view controls, save as PNG), the view the payload calls
 * for (linked pooling view, SPP view, or the plain N×C grid), a legend, a read-out and notices. Everything from
 * the payload reaches the page through textContent or canvas pixels, never as HTML, so the view is safe in
 * untrusted notebooks; malformed payloads and bugs end in a message, never an exception or a blank output.
 */
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import {
  channelsFirstValues,
  formatNumber,
  parseTensorPayload,
  reducedNote,
  summaryLine,
  unpoolAsWindow,
  type PoolTrace,
  type TensorPayload,
  type TensorStats,
} from "poolscope/display";
import { el } from "./canvas/plane.js";
import { downloadPng } from "./canvas/savePng.js";
import { planeAxes } from "./link/pooling.js";
import { roiGeometry } from "./link/roi.js";
import { volumeAxes } from "./link/volume.js";
import type { ScaleMode } from "./canvas/scale.js";
import { panel, type BuiltView, type Panel, type ViewContext } from "./views/panel.js";
import { poolingView } from "./views/pooling.js";
import { roiView } from "./views/roi.js";
import { volumeView } from "./views/volume.js";
import { sppDrawable, sppView } from "./views/spp.js";
import { fusionStrips } from "./link/stripFusion.js";
import { stripFusionView } from "./views/stripFusion.js";
import { sppCompareView } from "./views/sppCompare.js";
import { tensorView } from "./views/tensor.js";
import { unpoolView } from "./views/unpool.js";

export const CLASS_NAME = "jp-PoolscopeTensor";

export class TensorView extends Widget implements IRenderMime.IRenderer {
  private view: BuiltView | null = null;
  private scaleMode: ScaleMode = "shared";
  /** Parsed once per model: redraws (scale toggle) must not decode the data again. */
  private parsed: ReturnType<typeof parseTensorPayload> | null = null;

  constructor(private readonly mimeType: string) {
    super();
    this.addClass(CLASS_NAME);
    this.node.tabIndex = 0; // focusable, so arrow keys reach the pinned cell
    this.node.addEventListener("keydown", (e) => {
      if (this.view?.onKey(e.key)) {
        e.preventDefault();
        e.stopPropagation(); // the notebook must not move to another cell
      }
    });
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    try {
      this.parsed = parseTensorPayload(model.data[this.mimeType]);
    } catch {
      this.parsed = { ok: false, error: "the payload could not be read" };
    }
    this.draw();
  }

  override dispose(): void {
    this.view?.dispose();
    super.dispose();
  }

  private draw(): void {
    this.view?.dispose();
    this.view = null;
    this.node.replaceChildren();
    try {
      if (this.parsed) this.render(this.parsed);
    } catch (e) {
      // A bug here must not blank the output: say what failed, in text.
      this.showError(`poolscope could not draw this tensor: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private render(parsed: ReturnType<typeof parseTensorPayload>): void {
    if (!parsed.ok) {
      this.showError(`poolscope: cannot show this output: ${parsed.error}`);
      return;
    }
    const { payload, values, inputValues } = parsed;
    const output = panel(inputValues ? "output" : "tensor", payload.shape, values, payload.stats, payload.reduced);
    const input =
      inputValues && payload.input
        ? panel("input", payload.input.shape, inputValues, payload.input.stats, payload.input.reduced)
        : null;

    const stats = el("div", "jp-PoolscopeTensor-stats");
    stats.textContent = statsText(payload, input);
    const toolbar = el("div", "jp-PoolscopeTensor-toolbar");
    const readout = el("div", "jp-PoolscopeTensor-readout");
    const formula = el("div", "jp-PoolscopeTensor-formula");
    const ctx: ViewContext = {
      scaleMode: this.scaleMode,
      readout,
      formula,
      toolbar,
      notices: [...(parsed.warnings ?? [])],
    };
    for (const pn of [input, output]) if (pn?.reduced) ctx.notices.push(reducedNotice(pn));

    const scale = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-scale");
    scale.textContent = this.scaleMode === "shared" ? "scale: shared" : "scale: per channel";
    scale.title = "switch between one scale for everything and one scale per channel";
    scale.addEventListener("click", () => {
      this.scaleMode = this.scaleMode === "shared" ? "channel" : "shared";
      this.draw();
    });
    const save = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-save");
    save.textContent = "save PNG";
    save.title = "download this view as a PNG image";
    save.addEventListener("click", () => {
      downloadPng(this.node, payload.title).catch((e: unknown) => {
        readout.textContent = `could not save the PNG: ${e instanceof Error ? e.message : String(e)}`;
      });
    });
    toolbar.append(scale, save);

    const compared = comparedPanels(payload, parsed.compare);
    this.view = compared
      ? this.chooseCompareView(payload, input, output, compared, ctx)
      : this.chooseView(payload, input, output, ctx);
    const notices = ctx.notices
      .filter((n) => n)
      .map((n) => {
        const d = el("div", "jp-PoolscopeTensor-notice");
        d.textContent = n;
        return d;
      });
    this.node.append(stats, toolbar, ...notices, this.view.node, this.view.legend, readout, formula);
  }

  private chooseView(payload: TensorPayload, input: Panel | null, output: Panel, ctx: ViewContext): BuiltView {
    const trace = payload.trace;
    // the linked views need every cell: no panel may be sampled down by the size budget
    const whole = input !== null && input.plan.step === 1 && output.plan.step === 1;
    if (input && trace?.kind === "spp") {
      if (sppDrawable(trace, input, output)) return sppView(trace, input, output, ctx);
      ctx.notices.push(
        "the SPP trace does not match the tensors' shapes (or they are over the size budget); showing the output",
      );
    } else if (input && trace?.kind === "stripFusion") {
      const strips = fusionStrips(trace, input.shape, output.shape);
      if (typeof strips !== "string" && whole) return stripFusionView(trace, strips, input, output, ctx);
      ctx.notices.push(`${typeof strips === "string" ? strips : OVER_BUDGET}; showing the fused map`);
    } else if (input && trace && (input.reduced || output.reduced)) {
      ctx.notices.push("the linked view needs every cell of the input and output; showing the output");
    } else if (input && trace?.kind === "roi") {
      const geo = roiGeometry(trace, input.shape, output.shape);
      if (typeof geo !== "string" && whole) return roiView(geo, input, output, ctx);
      ctx.notices.push(`${typeof geo === "string" ? geo : OVER_BUDGET}; showing the output`);
    } else if (input && trace?.kind === "unpool") {
      // the pooling the indices came from, drawn with the unpooled map as its input
      const axes = planeAxes(unpoolAsWindow(trace), output.shape, input.shape);
      if (axes && whole) return unpoolView(input, output, axes, ctx);
      ctx.notices.push(
        axes
          ? `${OVER_BUDGET}; showing the output`
          : `the linked view draws 1-d and 2-d unpooling that matches the tensors; this trace of ${trace.op} is shown as its output`,
      );
    } else if (input && trace?.kind === "window" && trace.axes.length === 3) {
      const vol = volumeAxes(trace, input.shape, output.shape);
      if (vol && whole) return volumeView(vol, input, output, ctx);
      ctx.notices.push(
        vol
          ? `${OVER_BUDGET}; showing the output`
          : `the 3-d linked view draws channels-first (N, C, D, H, W) traces that match the tensors; this trace of ${trace.op} is shown as its output`,
      );
    } else if (input && trace) {
      // a channels-last trace is drawn channels-first: one plane per channel, read-outs in the tensor's own order
      // (only within the size budget: a copy of data the linked view could not draw whole anyway is not made)
      const [a, b] =
        trace.kind === "window" && trace.channels === "last" && whole
          ? [relaid(input), relaid(output)]
          : [input, output];
      const axes = a && b ? planeAxes(trace, a.shape, b.shape) : null;
      if (a && b && axes && a.plan.step === 1 && b.plan.step === 1) return poolingView(a, b, axes, ctx);
      ctx.notices.push(
        axes
          ? `${OVER_BUDGET}; showing the output`
          : `the linked view draws 1-d, 2-d and 3-d window, SPP, RoI and strip traces; this ${trace.kind} trace of ${trace.op} is shown as its output`,
      );
    }
    return tensorView(output, ctx);
  }

  /** compareSpp: both SPP results side by side when both are drawable, else the first one alone. */
  private chooseCompareView(
    payload: TensorPayload,
    input: Panel | null,
    output: Panel,
    other: { input: Panel; output: Panel; trace: PoolTrace },
    ctx: ViewContext,
  ): BuiltView {
    const trace = payload.trace;
    if (
      input &&
      trace?.kind === "spp" &&
      other.trace.kind === "spp" &&
      sppDrawable(trace, input, output) &&
      sppDrawable(other.trace, other.input, other.output)
    ) {
      return sppCompareView(
        { trace, input, output },
        { trace: other.trace, input: other.input, output: other.output },
        ctx,
      );
    }
    ctx.notices.push(
      "the two SPP results cannot be drawn side by side (traces, shapes or size budget); showing the first",
    );
    return this.chooseView(payload, input, output, ctx);
  }

  private showError(message: string): void {
    const box = el("div", "jp-PoolscopeTensor-error");
    box.textContent = message;
    this.node.replaceChildren(box);
  }
}

const OVER_BUDGET = "the tensors are over the size budget for the linked view";

/** A channels-last panel re-laid channels-first for drawing, or null when it cannot be. */
function relaid(pn: Panel): Panel | null {
  const r = channelsFirstValues(pn.shape, pn.values);
  if (!r) return null;
  const out = panel(pn.role, r.shape, r.values, pn.stats);
  out.perm = r.perm;
  return out;
}

/** The visible notice of a reduced view: the real shape, how it was reduced, and that the stats are exact. */
function reducedNotice(pn: Panel): string {
  const r = pn.reduced!;
  const what = pn.role === "tensor" ? "this tensor" : `the ${pn.role}`;
  return (
    `reduced view: ${what} has shape [${r.originalShape.join(", ")}], too large to embed whole; shown as ` +
    `[${pn.shape.join(", ")}], ${reducedNote(r, pn.shape)}. Colours span the block means shown; the stats ` +
    `cover every value.`
  );
}

/** The second result of a comparison as panels, when the payload carries one. */
function comparedPanels(
  payload: TensorPayload,
  values: { outputValues: Float32Array; inputValues: Float32Array } | undefined,
): { input: Panel; output: Panel; trace: PoolTrace } | null {
  const c = payload.compare;
  if (!c || !values) return null;
  return {
    input: panel("input 2", c.input.shape, values.inputValues, c.input.stats),
    output: panel("output 2", c.output.shape, values.outputValues, c.output.stats),
    trace: c.trace,
  };
}

/** The kernel's summary line plus the standard deviation (kept out of text/plain, whose saved outputs are pinned). */
function withStd(shape: number[], s: TensorStats): string {
  return summaryLine(shape, s).replace(/(mean=\S+)/, `$1 std=${formatNumber(s.std)}`);
}

function statsText(payload: TensorPayload, input: Panel | null): string {
  const line = (label: string, shape: number[], s: TensorStats): string =>
    label + withStd(shape, s).replace(/^Tensor /, "");
  const title = payload.title ? `${payload.title}: ` : "";
  const shapeOf = (d: { shape: number[]; reduced?: { originalShape: number[] } }): number[] =>
    d.reduced?.originalShape ?? d.shape;
  if (!input) return title + withStd(shapeOf(payload), payload.stats);
  const c = payload.compare;
  if (c) {
    return (
      `${title}\n${line("input 1  ", input.shape, input.stats)}\n${line("output 1 ", payload.shape, payload.stats)}` +
      `\n${line("input 2  ", c.input.shape, c.input.stats)}\n${line("output 2 ", c.output.shape, c.output.stats)}`
    );
  }
  return `${title}\n${line("input  ", shapeOf(payload.input ?? input), input.stats)}\n${line("output ", shapeOf(payload), payload.stats)}`;
}
