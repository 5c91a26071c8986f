/**
 * A tensor prepared for drawing: its grid layout, the size-budget plan, per-plane values (sampled when the plan
 * says so) and the scale of each plane; plus the context every view draws into.
 */
import {
  cellIndex,
  colourRange,
  gridLayout,
  type ColorScale,
  type GridLayout,
  type QuantInfo,
  type ReducedInfo,
  type TensorStats,
} from "poolscope/wire";
import { samplePlane, viewPlan, type ViewPlan } from "../canvas/budget.js";
import { approxReadoutText, blockReadoutText, planeLabel, readoutText } from "../canvas/screen.js";
import { formatNumber } from "poolscope/wire";
import type { MessageKey, Say } from "../words/messages.js";
import { autoScaleMode, channelScales, sharedScale, type ScaleDecision, type ScaleMode } from "../canvas/scale.js";

export interface Panel {
  role: string;
  shape: number[];
  values: Float32Array;
  stats: TensorStats;
  layout: GridLayout;
  plan: ViewPlan;
  /** The values are a reduced view of a larger tensor (the payload said so). */
  reduced?: ReducedInfo;
  /** The values are quantised (the payload carried codes): read-outs say "≈" and by how much. */
  quantized?: QuantInfo;
  /** Drawn re-laid (channels-last as channels-first): the tensor's own index is own[k] = drawn[perm[k]]. */
  perm?: number[];
  /**
   * The range its shared scale spans, when it is not the panel's own: a `show` row on one scale sets the row's
   * range on every panel of every item, so each item's view colours as the others do without knowing of them.
   */
  range?: { min: number | null; max: number | null };
}

export function panel(
  role: string,
  shape: number[],
  values: Float32Array,
  stats: TensorStats,
  reduced?: ReducedInfo,
  quantized?: QuantInfo,
): Panel {
  const layout = gridLayout(shape);
  const pn: Panel = { role, shape, values, stats, layout, plan: viewPlan(layout) };
  if (reduced) pn.reduced = reduced;
  if (quantized) pn.quantized = quantized;
  return pn;
}

/** The read-out of value v at a tensor index of this panel: exact, or "≈" for a quantised panel. */
export function valueReadout(pn: Panel, index: readonly number[], v: number, say: Say): string {
  return pn.quantized ? approxReadoutText(index, v, pn.quantized, say) : readoutText(index, v);
}

/** The read-out of drawn cell (i, j) of plane p: its full index and value, or a reduced view's block. */
export function cellReadout(pn: Panel, p: number, i: number, j: number, say: Say): string {
  const drawn = fullIndex(pn, p, i, j);
  const index = pn.perm ? pn.perm.map((k) => drawn[k]) : drawn;
  const v = valueAt(pn, p, i, j);
  return pn.reduced && !pn.quantized ? blockReadoutText(index, pn.reduced, v, say) : valueReadout(pn, index, v, say);
}

/** Plane p's values as drawn (sampled by plan.step) and their size. */
export function planeData(pn: Panel, p: number): { values: ArrayLike<number>; h: number; w: number } {
  const { planeH: h, planeW: w } = pn.layout;
  const offset = p * h * w;
  if (pn.plan.step === 1) return { values: pn.values.subarray(offset, offset + h * w), h, w };
  const s = samplePlane(pn.values, offset, h, w, pn.plan.step);
  return { values: s.data, h: s.h, w: s.w };
}

/** Full tensor index of drawn cell (i, j) of plane p (undoing the sampling). */
export function fullIndex(pn: Panel, p: number, i: number, j: number): number[] {
  const { cols } = pn.layout;
  const s = pn.plan.step;
  return cellIndex(pn.shape, pn.layout, Math.floor(p / Math.max(1, cols)), p % Math.max(1, cols), i * s, j * s);
}

export function valueAt(pn: Panel, p: number, i: number, j: number): number {
  const { planeH: h, planeW: w } = pn.layout;
  const s = pn.plan.step;
  return pn.values[p * h * w + i * s * w + j * s];
}

/** The scales of a set of panels drawn together: one shared scale, or one per channel (grid column). */
export interface Scales {
  mode: ScaleMode;
  shared: ColorScale;
  perColumn: ColorScale[];
}

/**
 * The scales of panels drawn together. "auto" lets the data choose (canvas/scale.ts's autoScaleMode) and
 * records the choice in `decided`.
 */
export function scalesFor(
  panels: readonly Panel[],
  asked: ScaleMode | "auto",
  decided?: ScaleDecision[],
  of = "",
  say?: Say,
): Scales {
  let mode: ScaleMode;
  if (asked === "auto") {
    const choice = autoScaleMode(
      panels.map((p) => ({ values: p.values, layout: p.layout })),
      say,
    );
    decided?.push({ of, ...choice });
    mode = choice.mode;
  } else mode = asked;
  return {
    mode,
    shared: sharedScale(panels.map((p) => p.range ?? colourRange(p.values, p.stats, p.reduced))),
    perColumn: mode === "channel" ? channelScales(panels.map((p) => ({ values: p.values, layout: p.layout }))) : [],
  };
}

export function planeScale(scales: Scales, pn: Panel, p: number): ColorScale {
  if (scales.mode === "shared") return scales.shared;
  return scales.perColumn[p % Math.max(1, pn.layout.cols)] ?? scales.shared;
}

/** Caption of plane p: its leading index, and its range when scales are per channel. */
export function planeCaption(scales: Scales, pn: Panel, p: number, prefix = ""): string {
  const label = planeLabel(pn.shape, fullIndex(pn, p, 0, 0));
  const range =
    scales.mode === "channel"
      ? ` [${formatNumber(planeScale(scales, pn, p).lo)}, ${formatNumber(planeScale(scales, pn, p).hi)}]`
      : "";
  return `${prefix}${label}${range}`.trim();
}

/** What a view draws into, made by the widget. */
export interface ViewContext {
  /** The reader's choice, or "auto": each set of scales as its data calls for, recorded in scaleDecisions. */
  scaleMode: ScaleMode | "auto";
  scaleDecisions: ScaleDecision[];
  /** The "numbers" toggle: planes whose numbers do not fit grow their cells until they do. */
  numbers: boolean;
  readout: HTMLElement;
  /** Second line under the read-out: the formula of the focused window, or the SPP vector arithmetic. */
  formula: HTMLElement;
  /** Views add their controls here (coverage, play, SPP levels). */
  toolbar: HTMLElement;
  /** Visible notices (size budget, parts left out). */
  notices: string[];
  /** The words of the view's language (words/messages.ts). */
  say: Say;
  /** Draw a colour picture (an RGB tensor, wire/rgb.ts) in colour; false or absent: as its channels. */
  colour?: boolean;
}

/**
 * A view's one way of saying "cannot draw this": the notice it leaves (why, and what is shown instead). The
 * widget then draws the plain tensor view of the output.
 */
export interface Refusal {
  readonly refusal: string;
}

export function refuse(notice: string): Refusal {
  return { refusal: notice };
}

export function isRefusal(v: BuiltView | Refusal): v is Refusal {
  return "refusal" in v;
}

/** What every linked view's factory returns: the view, or why not. */
export type Drawn = BuiltView | Refusal;

/** The message (words/messages.ts) of a linked view over the size budget. */
export const OVER_BUDGET = "overBudget" satisfies MessageKey;

/** Whether the size budget left every cell of these panels drawn (the linked views need every cell). */
export function whole(...panels: readonly Panel[]): boolean {
  return panels.every((p) => p.plan.step === 1);
}

export interface BuiltView {
  node: HTMLElement;
  legend: HTMLElement;
  /** Arrow keys and Escape; true when handled. */
  onKey(key: string): boolean;
  dispose(): void;
}
