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
  colourRange,
  parseTensorPayload,
  PAYLOAD_VERSION,
  quantLevels,
  reducedHow,
  rgbPicture,
  type ParsedItem,
  type RowItem,
  quantStep,
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
import { scaleShown, sharedScale, unionRange, type ScaleDecision, type ScaleMode } from "./canvas/scale.js";
import { legend, setLegendScale } from "./canvas/legend.js";
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
import { chooseLanguage } from "./words/language.js";
import { sayer, type Lang, type Say } from "./words/messages.js";
import { notebookMetadataOf } from "./words/notebook.js";
import type { Message } from "@lumino/messaging";

export const CLASS_NAME = "jp-PoolscopeTensor";

/** The renderer JupyterLab creates per output (views/tensor.ts's tensorView is the plain grid it may show). */
export class TensorRenderer extends Widget implements IRenderMime.IRenderer {
  private view: BuiltView | null = null;
  /** The scale mode the reader picked; null: the one the data calls for (autoScaleMode). */
  private scaleChoice: ScaleMode | null = null;
  /** The "numbers" toggle: planes whose numbers do not fit grow until they do. */
  private numbers = false;
  /** Colour pictures (RGB tensors) drawn in colour, or as their three channels. */
  private colour = true;
  /** Parsed once per model: redraws (scale toggle) must not decode the data again. */
  private parsed: ReturnType<typeof parseTensorPayload> | null = null;
  /** The language drawn in (words/language.ts); published as data-lang. */
  private lang: Lang = "en";
  private say: Say = sayer("en");

  /** `labLanguage`: JupyterLab's language code (ITranslator.languageCode), when the host gave a translator. */
  constructor(
    private readonly mimeType: string,
    private readonly labLanguage?: string,
  ) {
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
      this.parsed = { ok: false, error: this.say("payloadUnreadable") };
    }
    this.draw();
  }

  /** Attached, the output can find its notebook, whose metadata may name another language: redraw in it. */
  protected override onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    if (this.chooseLanguage() !== this.lang) this.draw();
  }

  private chooseLanguage(): Lang {
    return chooseLanguage(notebookMetadataOf(this.node), this.labLanguage);
  }

  override dispose(): void {
    this.view?.dispose();
    super.dispose();
  }

  private draw(): void {
    this.view?.dispose();
    this.view = null;
    this.node.replaceChildren();
    this.lang = this.chooseLanguage();
    this.say = sayer(this.lang);
    this.node.dataset.lang = this.lang;
    try {
      if (this.parsed) this.render(this.parsed);
    } catch (e) {
      // A bug here must not blank the output: say what failed, in text.
      this.showError(this.say("drawFailed", { error: e instanceof Error ? e.message : String(e) }));
    }
  }

  private render(parsed: ReturnType<typeof parseTensorPayload>): void {
    if (!parsed.ok) {
      this.showError(this.say("cannotShow", { error: parsed.error }));
      return;
    }
    const { payload } = parsed;
    const first: ParsedItem = { payload, values: parsed.values, inputValues: parsed.inputValues };
    const items = [first, ...(parsed.row ?? [])];
    const rowScale = payload.row && parsed.row ? payload.row.scale : null;
    const toolbar = el("div", "jp-PoolscopeTensor-toolbar");
    const pictures = items.some((it) => !it.payload.trace && rgbPicture(it.payload.shape, it.payload.stats));
    // what each drawn view decided about its scale (auto mode), for the toggle's label and its reason
    const decisions: ScaleDecision[] = [];

    const save = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-save");
    const say = this.say;
    save.textContent = say("savePng");
    save.title = say("savePngTitle");
    const readouts: HTMLElement[] = [];
    save.addEventListener("click", () => {
      downloadPng(this.node, payload.title, say).catch((e: unknown) => {
        for (const r of readouts.slice(0, 1))
          r.textContent = say("saveFailed", { error: e instanceof Error ? e.message : String(e) });
      });
    });
    if (pictures) {
      // a colour picture can be read as its three channels too (a heatmap each)
      const colour = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-colour");
      colour.textContent = say(this.colour ? "rgbColour" : "rgbChannels");
      colour.title = say("rgbTitle");
      colour.setAttribute("aria-pressed", String(this.colour));
      colour.addEventListener("click", () => {
        this.colour = !this.colour;
        this.draw();
      });
      toolbar.append(colour);
    }

    // the scale toggle (pressed for per-channel scales) and beside it which scale is in force and why; the
    // numbers toggle where some plane's numbers did not fit; both need the drawn views, so they come after them
    const finishToolbar = (views: readonly BuiltView[]): void => {
      const shown = scaleShown(this.scaleChoice, decisions, say);
      const scale = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-scale");
      scale.textContent = say(shown.mode === "shared" ? "scaleShared" : "scaleChannel");
      scale.title = say("scaleTitle");
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
      const hidden = views.some((v) => v.node.querySelector('.jp-PoolscopeTensor-stage[data-labels="none"]') !== null);
      if (hidden || this.numbers) {
        const numbers = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-numbers");
        numbers.textContent = say("numbers");
        numbers.title = say("numbersTitle");
        numbers.setAttribute("aria-pressed", String(this.numbers));
        numbers.addEventListener("click", () => {
          this.numbers = !this.numbers;
          this.draw();
        });
        toolbar.append(numbers);
      }
      toolbar.append(save);
    };

    if (!rowScale) {
      const one = this.item(first, parsed, toolbar, null, this.scaleChoice ?? "auto", decisions);
      readouts.push(one.readout);
      finishToolbar([one.view]);
      followHoveredScale(one.view.node, one.view.legend, say);
      const parts = [one.stats, toolbar, ...one.notices, one.view.node, one.view.legend, one.readout, one.formula];
      this.view = one.view;
      this.node.append(...(one.title ? [one.title] : []), ...parts);
      return;
    }

    // a row: each item is drawn as a single output is (its own view, read-out and controls), side by side; with a
    // shared scale every item's panels are coloured over the row's one range, under one legend
    const panelsOf = items.map((it) => itemPanels(it));
    const all = panelsOf.flatMap((p) => (p.input ? [p.input, p.output] : [p.output]));
    const range =
      rowScale === "shared" ? unionRange(all.map((pn) => colourRange(pn.values, pn.stats, pn.reduced))) : null;
    if (range) for (const pn of all) pn.range = range;
    // a row the cell asked to share one scale keeps it unless the reader switches to per channel
    const asked: ScaleMode | "auto" = this.scaleChoice ?? (range ? "shared" : "auto");
    const sharedLegend = range !== null && asked === "shared";
    const row = el("div", "jp-PoolscopeTensor-row");
    row.dataset.items = String(items.length);
    row.dataset.scale = rowScale;
    const views: BuiltView[] = [];
    const built = items.map((it, k) => {
      const own = el("div", "jp-PoolscopeTensor-toolbar jp-mod-item");
      const one = this.item(it, k === 0 ? parsed : null, own, panelsOf[k], asked, decisions, it.payload.title ?? "");
      views.push(one.view);
      readouts.push(one.readout);
      if (!sharedLegend) followHoveredScale(one.view.node, one.view.legend, say);
      const box = el("div", "jp-PoolscopeTensor-item");
      box.dataset.title = it.payload.title ?? "";
      box.append(
        ...(one.title ? [one.title] : []),
        one.stats,
        ...(own.childElementCount > 0 ? [own] : []),
        ...one.notices,
        one.view.node,
        ...(sharedLegend ? [] : [one.view.legend]),
        one.readout,
        one.formula,
      );
      return box;
    });
    row.append(...built);
    finishToolbar(views);
    this.view = rowView(views);
    const legends =
      sharedLegend && range ? [legend(sharedScale([range]), say("legendRow", { count: items.length }), say)] : [];
    this.node.append(toolbar, row, ...legends);
  }

  /**
   * One result drawn as a single output is: its caption, stats line, notices, view and read-outs. `parsed` is the
   * whole payload for the first item (a comparison and the payload's warnings belong to it); `panels` are the
   * item's prepared panels when the row made them; `asked` the scale mode, its choices recorded in `decisions`.
   */
  private item(
    it: ParsedItem,
    parsed: Extract<ReturnType<typeof parseTensorPayload>, { ok: true }> | null,
    toolbar: HTMLElement,
    panels: { output: Panel; input: Panel | null } | null,
    asked: ScaleMode | "auto",
    decisions: ScaleDecision[],
    of = "",
  ): {
    title: HTMLElement | null;
    stats: HTMLElement;
    notices: HTMLElement[];
    view: BuiltView;
    readout: HTMLElement;
    formula: HTMLElement;
  } {
    const { payload } = it;
    const { output, input } = panels ?? itemPanels(it);
    let title: HTMLElement | null = null;
    if (payload.title) {
      title = el("div", "jp-PoolscopeTensor-title");
      title.textContent = payload.title;
    }
    const stats = el("div", "jp-PoolscopeTensor-stats");
    // the caption says the title, so the stats line does not repeat it
    const whole: TensorPayload = parsed?.payload ?? { version: PAYLOAD_VERSION, dtype: "float32", ...payload };
    stats.textContent = statsText({ ...whole, title: undefined }, input, this.say).replace(/^\n/, "");
    const readout = el("div", "jp-PoolscopeTensor-readout");
    const formula = el("div", "jp-PoolscopeTensor-formula");
    const mine: ScaleDecision[] = [];
    const ctx: ViewContext = {
      scaleMode: asked,
      scaleDecisions: mine,
      numbers: this.numbers,
      readout,
      formula,
      toolbar,
      notices: [...(parsed?.warnings ?? it.warnings ?? [])],
      colour: this.colour,
      say: this.say,
    };
    for (const pn of [input, output]) if (pn?.reduced) ctx.notices.push(reducedNotice(pn, ctx.say));
    const compared = parsed ? comparedPanels(parsed.payload, parsed.compare) : null;
    const quantised = [input, output, compared?.input, compared?.output].filter((pn) => pn?.quantized);
    if (quantised.length > 0) ctx.notices.push(quantisedNotice(quantised as Panel[], ctx.say));
    const view = compared
      ? this.chooseCompareView(payload, input, output, compared, ctx)
      : this.chooseView(payload, input, output, ctx);
    // in a row, each decision says which item it is about
    decisions.push(...mine.map((d) => (of && !d.of ? { ...d, of } : d)));
    const notices = ctx.notices
      .filter((n) => n)
      .map((n) => {
        const d = el("div", "jp-PoolscopeTensor-notice");
        d.textContent = n;
        return d;
      });
    return { title, stats, notices, view, readout, formula };
  }

  /** The linked view of the payload's trace, from the table; the plain tensor view when it refuses. */
  private chooseView(payload: RowItem, input: Panel | null, output: Panel, ctx: ViewContext): BuiltView {
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
    payload: RowItem,
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
    ctx.notices.push(ctx.say("compareFallback"));
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
function followHoveredScale(view: HTMLElement, legends: HTMLElement, say: Say): void {
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
        say(hovered ? "legendHovered" : "legendFirst", { caption: caption.replace(/ \[.*\]$/, "") }),
        say,
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
      : refuse(ctx.say("sppMismatch")),
  stripFusion: (trace, input, output, ctx) => {
    const strips = fusionStrips(trace, input.shape, output.shape, ctx.say);
    if (typeof strips === "string") return refuse(ctx.say("showingFused", { reason: strips }));
    return whole(input, output)
      ? stripFusionView(trace, strips, input, output, ctx)
      : refuse(ctx.say("showingFused", { reason: ctx.say(OVER_BUDGET) }));
  },
  roi: (trace, input, output, ctx) => {
    const geo = roiGeometry(trace, input.shape, output.shape, ctx.say);
    if (typeof geo === "string") return refuse(ctx.say("showingOutput", { reason: geo }));
    return whole(input, output) ? roiView(geo, input, output, ctx) : refuse(overBudget(ctx));
  },
  unpool: (trace, input, output, ctx) => {
    // the pooling the indices came from, drawn with the unpooled map as its input
    const axes = planeAxes(unpoolAsWindow(trace), output.shape, input.shape);
    if (!axes) return refuse(ctx.say("unpoolRefused", { op: trace.op }));
    return whole(input, output) ? unpoolView(input, output, axes, ctx) : refuse(overBudget(ctx));
  },
};

/** The linked view of any trace: every linked view needs the whole tensors, so a reduced one is refused first. */
function linkedView(trace: PoolTrace, input: Panel, output: Panel, ctx: ViewContext): Drawn {
  if (input.reduced || output.reduced) return refuse(ctx.say("needsWhole"));
  const factory = VIEWS[trace.kind] as ViewFactory<PoolTrace> | undefined;
  return factory ? factory(trace, input, output, ctx) : refuse(ctx.say("unknownTrace"));
}

/** The refusal of a linked view over the size budget. */
function overBudget(ctx: ViewContext): string {
  return ctx.say("showingOutput", { reason: ctx.say(OVER_BUDGET) });
}

function volumeFor(trace: WindowTrace, input: Panel, output: Panel, ctx: ViewContext): Drawn {
  const vol = volumeAxes(trace, input.shape, output.shape);
  if (!vol) return refuse(ctx.say("volumeRefused", { op: trace.op }));
  return whole(input, output) ? volumeView(vol, input, output, ctx) : refuse(overBudget(ctx));
}

/**
 * 1-d and 2-d window traces. A channels-last trace is drawn channels-first: one plane per channel, read-outs in
 * the tensor's own order (only within the size budget: a copy of data the linked view could not draw whole
 * anyway is not made).
 */
function windowFor(trace: WindowTrace, input: Panel, output: Panel, ctx: ViewContext): Drawn {
  const [a, b] = trace.channels === "last" && whole(input, output) ? [relaid(input), relaid(output)] : [input, output];
  const axes = a && b ? planeAxes(trace, a.shape, b.shape) : null;
  if (!axes) return refuse(ctx.say("windowRefused", { kind: trace.kind, op: trace.op }));
  return a && b && whole(a, b) ? poolingView(a, b, axes, ctx) : refuse(overBudget(ctx));
}

/** A channels-last panel re-laid channels-first for drawing, or null when it cannot be. */
function relaid(pn: Panel): Panel | null {
  const r = channelsFirstValues(pn.shape, pn.values);
  if (!r) return null;
  const out = panel(pn.role, r.shape, r.values, pn.stats, undefined, pn.quantized);
  out.perm = r.perm;
  return out;
}

/** How a notice names a panel: "this tensor", "the input", … in the view's language. */
function roleName(pn: Panel, say: Say): string {
  const key = (
    { input: "roleInput", output: "roleOutput", "input 2": "roleInput2", "output 2": "roleOutput2" } as const
  )[pn.role as "input" | "output" | "input 2" | "output 2"];
  return say(key ?? "roleTensor");
}

/** The visible notice of a reduced view: the real shape, how it was reduced, and that the stats are exact. */
function reducedNotice(pn: Panel, say: Say): string {
  const r = pn.reduced!;
  return say("reducedNotice", {
    what: roleName(pn, say),
    shape: r.originalShape.join(", "),
    shown: pn.shape.join(", "),
    how: reducedHow(r, pn.shape, say),
  });
}

/**
 * The visible notice of quantised values: which tensors, in how many bits, how close a read-out is, and why (the
 * notebook's size); exact values travel when a bundle's values fit EMBED_BYTES (display/largeTensor.ts).
 */
function quantisedNotice(panels: readonly Panel[], say: Say): string {
  const one = (pn: Panel): string => {
    const q = pn.quantized as QuantInfo;
    const step = formatNumber(quantStep(q));
    return say("quantisedOne", { what: roleName(pn, say), bits: q.bits, levels: quantLevels(q.bits), step });
  };
  return say("quantisedNotice", { which: panels.map(one).join(say("listAnd")) });
}

/** An item's tensor and a traced result's input, prepared for drawing. */
function itemPanels(it: ParsedItem): { output: Panel; input: Panel | null } {
  const p = it.payload;
  const output = panel(it.inputValues ? "output" : "tensor", p.shape, it.values, p.stats, p.reduced, p.quantized);
  const input =
    it.inputValues && p.input
      ? panel("input", p.input.shape, it.inputValues, p.input.stats, p.input.reduced, p.input.quantized)
      : null;
  return { output, input };
}

/** The views of a row as one: keys go to the view whose pin they move, disposal to all. */
function rowView(views: readonly BuiltView[]): BuiltView {
  return {
    node: views[0].node,
    legend: views[0].legend,
    onKey: (key) => views.some((v) => v.onKey(key)),
    dispose: () => views.forEach((v) => v.dispose()),
  };
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
