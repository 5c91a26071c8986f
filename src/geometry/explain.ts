/**
 * Output sizes with their working shown: each function returns the size and the formula with the numbers
 * filled in, for one spatial axis. Parameter counts of conv and dense layers. Impossible parameters throw the
 * same ParameterError the ops throw.
 */
import { ParameterError } from "../core/errors.js";
import { say } from "../core/messages.js";
import { convAxis, poolAxis, tfPoolAxis } from "./window.js";

export interface SizeExplanation {
  /** The output length. */
  size: number;
  /** The formula in symbols. */
  formula: string;
  /** The formula with the numbers filled in, step by step, ending in the size. */
  steps: string[];
  /** Everything on one line. */
  text: string;
}

function explained(size: number, formula: string, steps: string[]): SizeExplanation {
  return { size, formula, steps, text: say("explainedLine", { formula, steps: steps.join(say("stepSeparator")) }) };
}

/** ⌊a/b⌋ as PyTorch's div_rtn (toward −∞). */
const floorDiv = (a: number, b: number): number => Math.floor(a / b);

export interface PoolSizeQuery {
  /** Input length n. */
  size: number;
  kernelSize: number;
  /** Default kernelSize. */
  stride?: number;
  padding?: number;
  dilation?: number;
  ceilMode?: boolean;
}

/** Every one of `values` (named by its option) a whole number, as both explanations take them. */
function checkWholeNumbers(op: string, values: Record<string, number>): void {
  for (const [name, v] of Object.entries(values)) {
    if (!Number.isInteger(v)) throw new ParameterError(op, name, v, "must be a whole number");
  }
}

/**
 * PyTorch pooling: out = ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1, or with ceil mode ⌈…⌉ + 1 followed by the rule that the
 * last window must start inside the input or the left padding ((out−1)·s < n + p, else one fewer).
 */
export function explainPoolOutputSize(q: PoolSizeQuery): SizeExplanation {
  const op = "explainPoolOutputSize";
  const { size: n, kernelSize: k } = q;
  const s = q.stride ?? k;
  const p = q.padding ?? 0;
  const d = q.dilation ?? 1;
  const ceil = q.ceilMode ?? false;
  checkWholeNumbers(op, { size: n, kernelSize: k, stride: s, padding: p, dilation: d });
  const axis = poolAxis(op, "0", n, { kernel: k, stride: s, padding: p, dilation: d, ceilMode: ceil });
  const num = n + 2 * p - d * (k - 1) - 1;
  const fill = `(${n} + 2·${p} − ${d}·(${k}−1) − 1)/${s}`;
  if (!ceil) {
    return explained(axis.outSize, "out = ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1", [
      `⌊${fill}⌋ + 1 = ⌊${num}/${s}⌋ + 1 = ${floorDiv(num, s)} + 1 = ${axis.outSize}`,
    ]);
  }
  const raw = floorDiv(num + s - 1, s) + 1;
  const steps = [`⌈${fill}⌉ + 1 = ⌈${num}/${s}⌉ + 1 = ${raw}`];
  const lastStart = (raw - 1) * s;
  const last = { raw, s, start: lastStart, np: n + p, out: axis.outSize };
  steps.push(say(lastStart >= n + p ? "ceilDropped" : "ceilKept", last));
  return explained(axis.outSize, say("ceilFormula"), steps);
}

/** Convolution: out = ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1 (no ceil mode, no pad limit). */
export function explainConvOutputSize(
  q: Omit<PoolSizeQuery, "ceilMode" | "stride"> & { stride?: number },
): SizeExplanation {
  const op = "explainConvOutputSize";
  const { size: n, kernelSize: k } = q;
  const s = q.stride ?? 1;
  const p = q.padding ?? 0;
  const d = q.dilation ?? 1;
  checkWholeNumbers(op, { size: n, kernelSize: k, stride: s, padding: p, dilation: d });
  const axis = convAxis(op, "0", n, { kernel: k, stride: s, padding: p, dilation: d });
  const num = n + 2 * p - d * (k - 1) - 1;
  return explained(axis.outSize, "out = ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1", [
    `⌊(${n} + 2·${p} − ${d}·(${k}−1) − 1)/${s}⌋ + 1 = ⌊${num}/${s}⌋ + 1 = ${axis.outSize}`,
  ]);
}

/** TensorFlow/Keras pooling: SAME out = ⌈n/s⌉ with the odd pad at the end; VALID out = ⌈(n − ek + 1)/s⌉. */
export function explainTfPoolOutputSize(q: {
  size: number;
  kernelSize: number;
  stride?: number;
  dilation?: number;
  padding: "same" | "valid";
}): SizeExplanation {
  const op = "explainTfPoolOutputSize";
  const { size: n, kernelSize: k } = q;
  const s = q.stride ?? k;
  const d = q.dilation ?? 1;
  if (q.padding !== "same" && q.padding !== "valid")
    throw new ParameterError(op, "padding", q.padding, 'must be "same" or "valid"');
  const axis = tfPoolAxis(op, "0", n, { kernel: k, stride: s, dilation: d, padding: q.padding });
  const ek = d * (k - 1) + 1;
  if (q.padding === "valid") {
    return explained(axis.outSize, "VALID: out = ⌈(n − ek + 1)/s⌉, ek = d(k−1)+1", [
      `ek = ${d}·(${k}−1)+1 = ${ek}`,
      `⌈(${n} − ${ek} + 1)/${s}⌉ = ⌈${n - ek + 1}/${s}⌉ = ${axis.outSize}`,
    ]);
  }
  const total = axis.padBefore + axis.padAfter;
  return explained(axis.outSize, say("sameFormula"), [
    `⌈${n}/${s}⌉ = ${axis.outSize}`,
    say("samePad", { out: axis.outSize, s, ek, n, total, before: axis.padBefore, after: axis.padAfter }),
  ]);
}

export interface ParamCount {
  weights: number;
  bias: number;
  total: number;
  /** The count with the numbers filled in. */
  text: string;
}

/** Parameters of a Conv2d layer: Cout·(Cin/groups)·kH·kW weights, plus Cout biases. */
export function conv2dParamCount(o: {
  inChannels: number;
  outChannels: number;
  kernelSize: number | readonly [number, number];
  groups?: number;
  bias?: boolean;
}): ParamCount {
  const op = "conv2dParamCount";
  const [kh, kw] = typeof o.kernelSize === "number" ? [o.kernelSize, o.kernelSize] : o.kernelSize;
  const g = o.groups ?? 1;
  for (const [name, v] of [
    ["inChannels", o.inChannels],
    ["outChannels", o.outChannels],
    ["kernelSize", kh],
    ["kernelSize", kw],
    ["groups", g],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new ParameterError(op, name, v, "must be a positive whole number");
  }
  if (o.inChannels % g !== 0 || o.outChannels % g !== 0) {
    throw new ParameterError(
      op,
      "groups",
      g,
      `must divide inChannels ${o.inChannels} and outChannels ${o.outChannels}`,
    );
  }
  const weights = o.outChannels * (o.inChannels / g) * kh * kw;
  const bias = o.bias === false ? 0 : o.outChannels;
  return {
    weights,
    bias,
    total: weights + bias,
    text: say("paramCount", {
      product: `${o.outChannels}·(${o.inChannels}/${g})·${kh}·${kw}`,
      weights,
      bias,
      total: weights + bias,
    }),
  };
}

/** Parameters of a dense (Linear) layer: in·out weights, plus out biases. */
export function linearParamCount(o: { inFeatures: number; outFeatures: number; bias?: boolean }): ParamCount {
  const op = "linearParamCount";
  for (const [name, v] of [
    ["inFeatures", o.inFeatures],
    ["outFeatures", o.outFeatures],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new ParameterError(op, name, v, "must be a positive whole number");
  }
  const weights = o.inFeatures * o.outFeatures;
  const bias = o.bias === false ? 0 : o.outFeatures;
  return {
    weights,
    bias,
    total: weights + bias,
    text: say("paramCount", { product: `${o.inFeatures}·${o.outFeatures}`, weights, bias, total: weights + bias }),
  };
}
