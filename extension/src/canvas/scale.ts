/**
 * Which colour scale each panel uses. An op's input and output share one scale by default, because max
 * pooling copies values and equal values must get equal colours; the per-channel mode gives every channel its
 * own range (over all its planes, input and output together) for maps whose channels differ in magnitude.
 */
import {
  channelRanges,
  scaleFor,
  scaleRule,
  unionRange,
  type ColorScale,
  type LaidOut,
  type ValueRange,
  type ScaleMode,
} from "poolscope/wire";
import { sayer, type Say } from "../words/messages.js";

// the rule and its ranges live in the library (wire/scaleRule.ts), so the PNG fallback follows the same one
export { CHANNEL_RATIO, finiteRange, unionRange, type LaidOut, type ScaleMode } from "poolscope/wire";

/** One scale over several tensors' stats. */
export function sharedScale(stats: readonly ValueRange[]): ColorScale {
  return scaleFor(unionRange(stats));
}

export interface ScaleChoice {
  mode: ScaleMode;
  /** Why, for the view to say: "channel 1 spans 1/37 of the shared range". */
  why: string;
}

/** The library's scale rule (wire/scaleRule.ts), its reason in the view's words. */
export function autoScaleMode(tensors: readonly LaidOut[], say: Say = sayer("en")): ScaleChoice {
  const { mode, reason } = scaleRule(tensors);
  return { mode, why: say(reason.key, reason.vars) };
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

/**
 * One scale per grid column (the channel for N×C×H×W), over every row (sample) of every given tensor; the
 * tensors must have the same number of columns (an op's input and output do).
 */
export function channelScales(tensors: readonly LaidOut[]): ColorScale[] {
  return channelRanges(tensors).map((r) => scaleFor(r));
}
