/**
 * The words the library and the renderer both print, English and Chinese, declared once: the scale rule's
 * reasons (scaleRule.ts gives their keys) and how a reduced view was made. Each side's own table
 * (src/core/messages.ts, extension/src/words/messages.ts) spreads these in, so the PNG and the live view say the
 * same thing in the same words.
 */
import type { ReducedInfo } from "./reduce.js";

export const SHARED_WORDS = {
  listComma: { en: ", ", zh: "，" },
  listSeparator: { en: "; ", zh: "；" },
  // how a reduced view was made
  reducedMeanValues: { en: "each cell the mean of {factor} values", zh: "每个格子为 {factor} 个值的均值" },
  reducedMeanBlock: {
    en: "each cell the mean of a {factor}×{factor} block",
    zh: "每个格子为一个 {factor}×{factor} 块的均值",
  },
  reducedFirstPlanes: { en: "the first {shown} of {total} planes", zh: "{total} 个平面中的前 {shown} 个" },
  // the scale rule's decision and reasons
  scaleDecision: { en: "{mode}, as {why}", zh: "{mode}，因为{why}" },
  modeShared: { en: "shared", zh: "共享" },
  modeChannel: { en: "per channel", zh: "逐通道" },
  scaleOneChannel: { en: "there is one channel", zh: "只有一个通道" },
  scaleNoVariation: { en: "no channel varies", zh: "没有通道有变化" },
  scaleNarrow: { en: "channel {c} spans 1/{ratio} of the shared range", zh: "通道 {c} 只占共享范围的 1/{ratio}" },
  scaleWide: {
    en: "every channel spans over 1/{ratio} of the shared range",
    zh: "每个通道都占共享范围的 1/{ratio} 以上",
  },
} as const satisfies Readonly<Record<string, Readonly<Record<"en" | "zh", string>>>>;

export type SharedWord = keyof typeof SHARED_WORDS;

/** How a reduced view was made from its tensor: "each cell the mean of a 2×2 block, the first 64 of 300 planes". */
export function reducedHow(
  info: ReducedInfo,
  viewShape: readonly number[],
  say: (key: SharedWord, vars?: Readonly<Record<string, string | number>>) => string,
): string {
  const planes = (s: readonly number[]): number => s.slice(0, -2).reduce((a, d) => a * d, 1);
  const parts: string[] = [];
  if (info.factor > 1)
    parts.push(say(info.originalShape.length <= 1 ? "reducedMeanValues" : "reducedMeanBlock", { factor: info.factor }));
  const shown = planes(viewShape);
  const total = planes(info.originalShape);
  if (shown < total) parts.push(say("reducedFirstPlanes", { shown, total }));
  return parts.join(say("listComma"));
}
