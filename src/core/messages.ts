/**
 * Every word the library prints, English and Chinese side by side: the text/plain lines of tensor, traced, row
 * and plot bundles, the labels of the PNG fallback, and explain*'s steps. The language is a print option
 * (`setPrintOptions({ language: "zh" })`, process-wide like torch.set_printoptions), read when the text is made.
 * The renderer keeps its own table and its own choice (extension/src/words/); the words both print are
 * declared once in wire/words.ts and spread into both tables. Placeholders are `{name}`; a
 * unit test checks both languages of an entry use the same ones. Error messages (ParameterError) stay English.
 */
import { getPrintOptions, type Language } from "./print.js";
import { SHARED_WORDS } from "../wire/words.js";

export const TEXT = {
  ...SHARED_WORDS,
  // the summary line of a tensor (text/plain), and a reduced tensor's note under it
  tensorSummary: { en: "Tensor {fields}", zh: "张量 {fields}" },
  reducedText: {
    en: "({total} values: more than the {max} embedded whole, so the view and the image show [{shape}], {how}; the stats are over all values)",
    zh: "（共 {total} 个值：超过完整嵌入的上限 {max}，因此视图和图像显示 [{shape}]，{how}；统计量基于全部数值）",
  },
  // show's text line
  showShared: { en: "show: {count} results, on one colour scale", zh: "show：{count} 个结果，共用一个色标" },
  showEach: { en: "show: {count} results, each on its own colour scale", zh: "show：{count} 个结果，各用自己的色标" },
  // traced results as strings (console.log, String(r))
  tracedString: { en: "{op}: [{input}] → [{output}] (traced)", zh: "{op}：[{input}] → [{output}]（带轨迹）" },
  stripString: {
    en: "stripPoolingModule: [{input}] → fused [{output}] (traced)",
    zh: "stripPoolingModule：[{input}] → 融合 [{output}]（带轨迹）",
  },
  compareString: { en: "compareSpp: {a} and {b}", zh: "compareSpp：{a} 与 {b}" },
  // the panels of the PNG fallback
  panelInput: { en: "input", zh: "输入" },
  panelOutput: { en: "output", zh: "输出" },
  panelInputK: { en: "input {k}", zh: "输入 {k}" },
  panelOutputK: { en: "output {k}", zh: "输出 {k}" },
  // a PNG panel showing part of its plane or of its planes (the crop and first-planes notes under its caption)
  cropShown: {
    en: "rows {r0}–{r1}, cols {c0}–{c1} of {h}×{w}",
    zh: "{h}×{w} 中的第 {r0}–{r1} 行、第 {c0}–{c1} 列",
  },
  firstChannel: { en: "channel 0 of {n}", zh: "{n} 个通道中的通道 0" },
  firstChannels: { en: "channels 0–{last} of {n}", zh: "{n} 个通道中的通道 0–{last}" },
  firstItem: { en: "item 0 of {n}", zh: "{n} 项中的第 0 项" },
  firstItems: { en: "items 0–{last} of {n}", zh: "{n} 项中的第 0–{last} 项" },
  // the PNG's scale line: which scale and why, in the renderer's words (extension/src/words/messages.ts)
  scaleLine: { en: "scale: {decision}", zh: "色标：{decision}" },
  // a per-channel colour bar's label in the PNG
  legendChannel: { en: "channel {c}", zh: "通道 {c}" },
  // plot's text line
  plotSeries: { en: "{count} series ({labels}) × {points} points", zh: "{count} 个系列（{labels}）× {points} 个点" },
  plotPoints: { en: "{points} points", zh: "{points} 个点" },
  plotNoSvg: { en: "(no SVG fallback: {error})", zh: "（没有 SVG 备用图：{error}）" },
  // explain*: the steps in words (the formulas are symbols)
  ceilFormula: {
    en: "out = ⌈(n + 2p − d(k−1) − 1)/s⌉ + 1, minus 1 if (out−1)·s ≥ n + p",
    zh: "out = ⌈(n + 2p − d(k−1) − 1)/s⌉ + 1，若 (out−1)·s ≥ n + p 则减 1",
  },
  ceilDropped: {
    en: "the last window would start at ({raw}−1)·{s} = {start} ≥ n + p = {np}, inside the right padding: dropped, out = {out}",
    zh: "最后一个窗口将从 ({raw}−1)·{s} = {start} ≥ n + p = {np} 开始，落在右侧填充中：舍去，out = {out}",
  },
  ceilKept: {
    en: "the last window starts at ({raw}−1)·{s} = {start} < n + p = {np}: kept, out = {out}",
    zh: "最后一个窗口从 ({raw}−1)·{s} = {start} < n + p = {np} 开始：保留，out = {out}",
  },
  sameFormula: {
    en: "SAME: out = ⌈n/s⌉; pad = max((out−1)·s + ek − n, 0), ⌊pad/2⌋ before, the rest after",
    zh: "SAME：out = ⌈n/s⌉；pad = max((out−1)·s + ek − n, 0)，前面 ⌊pad/2⌋，其余在后面",
  },
  samePad: {
    en: "pad = max(({out}−1)·{s} + {ek} − {n}, 0) = {total}: {before} before, {after} after",
    zh: "pad = max(({out}−1)·{s} + {ek} − {n}, 0) = {total}：前面 {before}，后面 {after}",
  },
  explainedLine: { en: "{formula}: {steps}", zh: "{formula}：{steps}" },
  stepSeparator: { en: "; ", zh: "；" },
  paramCount: {
    en: "{product} = {weights} weights + {bias} biases = {total}",
    zh: "{product} = {weights} 个权重 + {bias} 个偏置 = {total}",
  },
} as const satisfies Readonly<Record<string, Readonly<Record<Language, string>>>>;

export type TextKey = keyof typeof TEXT;

/** The placeholder names of a text, sorted (for the table's test). */
export function placeholderNames(text: string): string[] {
  return Array.from(text.matchAll(/\{(\w+)\}/g), (m) => m[1]).sort();
}

/** A text in the language of the print options, its placeholders filled (a missing one stays as `{name}`). */
export function say(key: TextKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return TEXT[key][getPrintOptions().language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
