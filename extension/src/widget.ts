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
  quantLevels,
  quantStep,
  reducedNote,
  unpoolAsWindow,
  type PoolTrace,
  type QuantInfo,
  type TensorPayload,
  type WindowTrace,
} from "poolscope/wire";
import { el } from "./canvas/plane.js";
import { statsText } from "./canvas/screen.js";
import { downloadPng } from "./canvas/savePng.js";
import { planeAxes } from "./link/pooling.js";
import { roiGeometry } from "./link/roi.js";
import { volumeAxes } from "./link/volume.js";
import { scaleShown, type ScaleMode } from "./canvas/scale.js";
import { setLegendScale } from "./canvas/legend.js";
import {
  OVER_BUDGET,
  isRefusal,
  panel,
  refuse,
  whole,
  type BuiltView,
  type Drawn,
  type Panel,
  type ViewContext,
} from "./views/panel.js";
import { poolingView } from "./views/pooling.js";
import { roiView } from "./views/roi.js";
import { volumeView } from "./views/volume.js";
import { sppFits } from "./link/spp.js";
import { sppView } from "./views/spp.js";
import { fusionStrips } from "./link/stripFusion.js";
import { stripFusionView } from "./views/stripFusion.js";
import { sppCompareView } from "./views/sppCompare.js";
import { tensorView } from "./views/tensor.js";
import { unpoolView } from "./views/unpool.js";

export const CLASS_NAME = "jp-PoolscopeTensor";

/** The renderer JupyterLab creates per output (views/tensor.ts's tensorView is the plain grid it may show). */
export class TensorRenderer extends Widget implements IRenderMime.IRenderer {
  private view: BuiltView | null = null;
  /** The scale mode the reader picked; null: the one the data calls for (autoScaleMode). */
  private scaleChoice: ScaleMode | null = null;
  /** The "numbers" toggle: planes whose numbers do not fit grow until they do. */
  private numbers = false;
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
    const output = panel(
      inputValues ? "output" : "tensor",
      payload.shape,
      values,
      payload.stats,
      payload.reduced,
      payload.quantized,
    );
    const input =
      inputValues && payload.input
        ? panel(
            "input",
            payload.input.shape,
            inputValues,
            payload.input.stats,
            payload.input.reduced,
            payload.input.quantized,
          )
        : null;

    const stats = el("div", "jp-PoolscopeTensor-stats");
    stats.textContent = statsText(payload, input);
    const toolbar = el("div", "jp-PoolscopeTensor-toolbar");
    const readout = el("div", "jp-PoolscopeTensor-readout");
    const formula = el("div", "jp-PoolscopeTensor-formula");
    const compared = comparedPanels(payload, parsed.compare);
    const ctx: ViewContext = {
      scaleMode: this.scaleChoice ?? "auto",
      scaleDecisions: [],
      numbers: this.numbers,
      readout,
      formula,
      toolbar,
      notices: [...(parsed.warnings ?? [])],
    };
    for (const pn of [input, output]) if (pn?.reduced) ctx.notices.push(reducedNotice(pn));
    const quantised = [input, output, compared?.input, compared?.output].filter((pn) => pn?.quantized);
    if (quantised.length > 0) ctx.notices.push(quantisedNotice(quantised as Panel[]));

    const save = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-save");
    save.textContent = "save PNG";
    save.title = "download this view as a PNG image";
    save.addEventListener("click", () => {
      downloadPng(this.node, payload.title).catch((e: unknown) => {
        readout.textContent = `could not save the PNG: ${e instanceof Error ? e.message : String(e)}`;
      });
    });
    this.view = compared
      ? this.chooseCompareView(payload, input, output, compared, ctx)
      : this.chooseView(payload, input, output, ctx);
    // the scale toggle, pressed for per-channel scales, and beside it which scale is in force and why
    const shown = scaleShown(this.scaleChoice, ctx.scaleDecisions);
    const scale = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-scale");
    scale.textContent = shown.mode === "shared" ? "scale: shared" : "scale: per channel";
    scale.title = "switch between one scale for everything and one scale per channel";
    scale.setAttribute("aria-pressed", String(shown.mode === "channel"));
    scale.addEventListener("click", () => {
      this.scaleChoice = shown.mode === "shared" ? "channel" : "shared";
      this.draw();
    });
    const why = el("span", "jp-PoolscopeTensor-scaleWhy");
    why.textContent = `(${shown.why})`;
    why.dataset.mode = shown.mode;
    why.dataset.chosen = this.scaleChoice ? "reader" : "data";
    toolbar.prepend(scale, why);
    // numbers that fit no cell at the default zoom: a toggle grows those planes' cells until they fit
    const hidden = this.view.node.querySelector('.jp-PoolscopeTensor-stage[data-labels="none"]') !== null;
    if (hidden || this.numbers) {
      const numbers = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-numbers");
      numbers.textContent = "numbers";
      numbers.title = "print every cell's value, enlarging the cells where the numbers do not fit";
      numbers.setAttribute("aria-pressed", String(this.numbers));
      numbers.addEventListener("click", () => {
        this.numbers = !this.numbers;
        this.draw();
      });
      toolbar.append(numbers);
    }
    toolbar.append(save);
    followHoveredScale(this.view.node, this.view.legend);
    const notices = ctx.notices
      .filter((n) => n)
      .map((n) => {
        const d = el("div", "jp-PoolscopeTensor-notice");
        d.textContent = n;
        return d;
      });
    this.node.append(stats, toolbar, ...notices, this.view.node, this.view.legend, readout, formula);
  }

  /** The linked view of the payload's trace, from the table; the plain tensor view when it refuses. */
  private chooseView(payload: TensorPayload, input: Panel | null, output: Panel, ctx: ViewContext): BuiltView {
    const trace = payload.trace;
    if (input && trace) {
      const drawn = linkedView(trace, input, output, ctx);
      if (!isRefusal(drawn)) return drawn;
      ctx.notices.push(drawn.refusal);
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
      sppFits(trace, input.shape, output.shape) &&
      sppFits(other.trace, other.input.shape, other.output.shape) &&
      whole(input, output, other.input, other.output)
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

/**
 * Per-channel scales: each legend shows the range of the plane under the mouse in its group (PlaneSpec.group),
 * and, before any hover, its first plane's, so the numbers under the ramp are always the range in force.
 */
function followHoveredScale(view: HTMLElement, legends: HTMLElement): void {
  const boxes = (
    legends.matches(".jp-PoolscopeTensor-legend")
      ? [legends]
      : Array.from(legends.querySelectorAll<HTMLElement>(".jp-PoolscopeTensor-legend"))
  ).filter((b) => b.dataset.mode === "channel");
  if (boxes.length === 0) return;
  const show = (stage: HTMLElement, hovered: boolean): void => {
    const d = stage.dataset;
    const box = boxes.find((b) => b.dataset.group === (d.group ?? "main"));
    const caption = stage.parentElement?.querySelector(".jp-PoolscopeTensor-caption")?.textContent ?? "";
    const kind = d.scaleKind === "diverging" ? "diverging" : "sequential";
    if (box)
      setLegendScale(
        box,
        { kind, lo: Number(d.scaleLo), hi: Number(d.scaleHi) },
        `per channel: ${hovered ? "this" : "the first"} plane's range (${caption.replace(/ \[.*\]$/, "")})` +
          (hovered ? "" : "; hover a plane for its own"),
      );
  };
  for (const box of boxes) {
    const first = view.querySelector<HTMLElement>(
      `.jp-PoolscopeTensor-stage[data-group="${box.dataset.group ?? "main"}"]`,
    );
    if (first) show(first, false);
  }
  view.addEventListener("mouseover", (e) => {
    const stage = (e.target as Element | null)?.closest?.(".jp-PoolscopeTensor-stage");
    if (stage instanceof HTMLElement) show(stage, true);
  });
}

/** A linked view for one trace kind: drawn, or refused with the notice that says why. */
type ViewFactory<T extends PoolTrace> = (trace: T, input: Panel, output: Panel, ctx: ViewContext) => Drawn;
type ViewTable = { [K in PoolTrace["kind"]]: ViewFactory<Extract<PoolTrace, { kind: K }>> };

/**
 * Trace kind → view. Each entry checks that the trace fits the tensors (a hostile trace is not drawn) before
 * the size budget, so a trace that does not fit says so rather than blaming the budget.
 */
const VIEWS: ViewTable = {
  window: (trace, input, output, ctx) =>
    trace.axes.length === 3 ? volumeFor(trace, input, output, ctx) : windowFor(trace, input, output, ctx),
  spp: (trace, input, output, ctx) =>
    sppFits(trace, input.shape, output.shape) && whole(input, output)
      ? sppView(trace, input, output, ctx)
      : refuse(
          "the SPP trace does not match the tensors' shapes (or they are over the size budget); showing the output",
        ),
  stripFusion: (trace, input, output, ctx) => {
    const strips = fusionStrips(trace, input.shape, output.shape);
    if (typeof strips === "string") return refuse(`${strips}; showing the fused map`);
    return whole(input, output)
      ? stripFusionView(trace, strips, input, output, ctx)
      : refuse(`${OVER_BUDGET}; showing the fused map`);
  },
  roi: (trace, input, output, ctx) => {
    const geo = roiGeometry(trace, input.shape, output.shape);
    if (typeof geo === "string") return refuse(`${geo}; showing the output`);
    return whole(input, output) ? roiView(geo, input, output, ctx) : refuse(`${OVER_BUDGET}; showing the output`);
  },
  unpool: (trace, input, output, ctx) => {
    // the pooling the indices came from, drawn with the unpooled map as its input
    const axes = planeAxes(unpoolAsWindow(trace), output.shape, input.shape);
    if (!axes)
      return refuse(
        `the linked view draws 1-d and 2-d unpooling that matches the tensors; this trace of ${trace.op} is shown as its output`,
      );
    return whole(input, output) ? unpoolView(input, output, axes, ctx) : refuse(`${OVER_BUDGET}; showing the output`);
  },
};

/** The linked view of any trace: every linked view needs the whole tensors, so a reduced one is refused first. */
function linkedView(trace: PoolTrace, input: Panel, output: Panel, ctx: ViewContext): Drawn {
  if (input.reduced || output.reduced)
    return refuse("the linked view needs every cell of the input and output; showing the output");
  const factory = VIEWS[trace.kind] as ViewFactory<PoolTrace> | undefined;
  return factory
    ? factory(trace, input, output, ctx)
    : refuse(
        `the linked view draws 1-d, 2-d and 3-d window, SPP, RoI and strip traces; this trace is shown as its output`,
      );
}

function volumeFor(trace: WindowTrace, input: Panel, output: Panel, ctx: ViewContext): Drawn {
  const vol = volumeAxes(trace, input.shape, output.shape);
  if (!vol)
    return refuse(
      `the 3-d linked view draws channels-first (N, C, D, H, W) traces that match the tensors; this trace of ${trace.op} is shown as its output`,
    );
  return whole(input, output) ? volumeView(vol, input, output, ctx) : refuse(`${OVER_BUDGET}; showing the output`);
}

/**
 * 1-d and 2-d window traces. A channels-last trace is drawn channels-first: one plane per channel, read-outs in
 * the tensor's own order (only within the size budget: a copy of data the linked view could not draw whole
 * anyway is not made).
 */
function windowFor(trace: WindowTrace, input: Panel, output: Panel, ctx: ViewContext): Drawn {
  const [a, b] = trace.channels === "last" && whole(input, output) ? [relaid(input), relaid(output)] : [input, output];
  const axes = a && b ? planeAxes(trace, a.shape, b.shape) : null;
  if (!axes)
    return refuse(
      `the linked view draws 1-d, 2-d and 3-d window, SPP, RoI and strip traces; this ${trace.kind} trace of ${trace.op} is shown as its output`,
    );
  return a && b && whole(a, b) ? poolingView(a, b, axes, ctx) : refuse(`${OVER_BUDGET}; showing the output`);
}

/** A channels-last panel re-laid channels-first for drawing, or null when it cannot be. */
function relaid(pn: Panel): Panel | null {
  const r = channelsFirstValues(pn.shape, pn.values);
  if (!r) return null;
  const out = panel(pn.role, r.shape, r.values, pn.stats, undefined, pn.quantized);
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

/**
 * The visible notice of quantised values: which tensors, in how many bits, how close a read-out is, and why (the
 * notebook's size); exact values travel when a bundle's values fit EMBED_BYTES (display/largeTensor.ts).
 */
function quantisedNotice(panels: readonly Panel[]): string {
  const one = (pn: Panel): string => {
    const q = pn.quantized as QuantInfo;
    const what = pn.role === "tensor" ? "this tensor's values" : `the ${pn.role}'s values`;
    return `${what} to ${q.bits} bits (${quantLevels(q.bits)} levels, step ${formatNumber(quantStep(q))})`;
  };
  return (
    `quantised view: to keep the notebook small, ${panels.map(one).join(" and ")} are embedded in fewer bits than ` +
    `float32 (exact values are embedded when a result's values fit 1 MiB). Colours and read-outs (≈) are within ` +
    `half a step; the smallest and largest values, NaN, ±Inf and the stats are exact.`
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
    input: panel("input 2", c.input.shape, values.inputValues, c.input.stats, undefined, c.input.quantized),
    output: panel("output 2", c.output.shape, values.outputValues, c.output.stats, undefined, c.output.quantized),
    trace: c.trace,
  };
}
