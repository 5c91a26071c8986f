/**
 * Which colour scale each panel uses. An op's input and output share one scale by default, because max
 * pooling copies values and equal values must get equal colours; the per-channel mode gives every channel its
 * own range (over all its planes, input and output together) for maps whose channels differ in magnitude.
 */
import { formatNumber, scaleFor, type ColorScale, type GridLayout, type TensorStats } from "poolscope/wire";
import { sayer, type Say } from "../words/messages.js";

export type ScaleMode = "shared" | "channel";

type Range = Pick<TensorStats, "min" | "max">;

/** The union of finite ranges (null ends are ignored: an all-NaN tensor does not widen the scale). */
export function unionRange(ranges: readonly Range[]): Range {
  let min: number | null = null;
  let max: number | null = null;
  for (const r of ranges) {
    if (r.min !== null) min = min === null ? r.min : Math.min(min, r.min);
    if (r.max !== null) max = max === null ? r.max : Math.max(max, r.max);
  }
  return { min, max };
}

/** One scale over several tensors' stats. */
export function sharedScale(stats: readonly Range[]): ColorScale {
  return scaleFor(unionRange(stats));
}

/** Finite min and max of `count` values from `offset`. */
export function finiteRange(values: ArrayLike<number>, offset: number, count: number): Range {
  let min = Infinity;
  let max = -Infinity;
  for (let k = offset; k < offset + count; k++) {
    const v = values[k];
    if (v === v && v !== Infinity && v !== -Infinity) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : { min: null, max: null };
}

/** A channel whose range is under 1/CHANNEL_RATIO of the shared range gets its own scale (auto mode). */
export const CHANNEL_RATIO = 10;

export interface ScaleChoice {
  mode: ScaleMode;
  /** Why, for the view to say: "channel 1 spans 1/37 of the shared range". */
  why: string;
}

/**
 * The scale the data calls for: per channel when some channel would use less than 1/CHANNEL_RATIO of one shared
 * scale (channels of different magnitude, or narrow ranges at different levels, would each read as one flat
 * colour), else shared, so equal values keep equal colours across channels.
 */
export function autoScaleMode(tensors: readonly LaidOut[], say: Say = sayer("en")): ScaleChoice {
  const cols = tensors.length > 0 ? tensors[0].layout.cols : 0;
  if (cols < 2) return { mode: "shared", why: say("scaleOneChannel") };
  const spans: number[] = [];
  const all: Range[] = [];
  for (let c = 0; c < cols; c++) {
    const ranges: Range[] = [];
    for (const t of tensors) {
      const n = t.layout.planeH * t.layout.planeW;
      for (let r = 0; r < t.layout.rows; r++) ranges.push(finiteRange(t.values, (r * t.layout.cols + c) * n, n));
    }
    const u = unionRange(ranges);
    all.push(u);
    spans.push(u.min === null || u.max === null ? NaN : u.max - u.min);
  }
  const u = unionRange(all);
  const shared = u.min === null || u.max === null ? 0 : u.max - u.min;
  let worst = -1;
  for (let c = 0; c < cols; c++) if (spans[c] > 0 && (worst < 0 || spans[c] < spans[worst])) worst = c;
  if (worst < 0 || shared <= 0) return { mode: "shared", why: say("scaleNoVariation") };
  const ratio = shared / spans[worst];
  const part = say("scaleNarrow", { c: worst, ratio: formatNumber(Number(ratio.toPrecision(2))) });
  return ratio > CHANNEL_RATIO
    ? { mode: "channel", why: part }
    : { mode: "shared", why: say("scaleWide", { ratio: CHANNEL_RATIO }) };
}

/** A scale mode the data chose (autoScaleMode), for the view to say which and why. */
export interface ScaleDecision {
  /** Whose scales ("fused map"), when a view has several sets; "" for the view's one set. */
  of: string;
  mode: ScaleMode;
  why: string;
}

/**
 * What the scale toggle says: the reader's choice, or the data's (per channel when any set of scales went per
 * channel), with the reasons; views that draw one shared scale whatever the mode record no decision.
 */
export function scaleShown(
  choice: ScaleMode | null,
  decisions: readonly ScaleDecision[],
  say: Say = sayer("en"),
): { mode: ScaleMode; why: string } {
  if (choice) return { mode: choice, why: say("scaleYourChoice") };
  if (decisions.length === 0) return { mode: "shared", why: say("scaleOneShared") };
  const mode = decisions.some((d) => d.mode === "channel") ? "channel" : "shared";
  const each = decisions.map((d) => {
    const decision = say("scaleDecision", {
      mode: say(d.mode === "channel" ? "modeChannel" : "modeShared"),
      why: d.why,
    });
    return d.of ? say("scaleOf", { of: d.of, decision }) : decision;
  });
  return { mode, why: say("scaleFromData", { each: each.join(say("listSeparator")) }) };
}

/** A tensor as the renderer lays it out: its values and grid layout. */
export interface LaidOut {
  values: ArrayLike<number>;
  layout: GridLayout;
}

/**
 * One scale per grid column (the channel for N×C×H×W), over every row (sample) of every given tensor; the
 * tensors must have the same number of columns (an op's input and output do).
 */
export function channelScales(tensors: readonly LaidOut[]): ColorScale[] {
  const cols = tensors.length > 0 ? tensors[0].layout.cols : 0;
  const out: ColorScale[] = [];
  for (let c = 0; c < cols; c++) {
    const ranges: Range[] = [];
    for (const t of tensors) {
      const n = t.layout.planeH * t.layout.planeW;
      for (let r = 0; r < t.layout.rows; r++) ranges.push(finiteRange(t.values, (r * t.layout.cols + c) * n, n));
    }
    out.push(sharedScale(ranges));
  }
  return out;
}
