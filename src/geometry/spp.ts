/**
 * Spatial pyramid pooling geometry: the windows of one pyramid level along one axis, under three rules.
 * - "adaptive": PyTorch adaptive pooling to n bins; exactly n bins for every input size.
 * - "paper": SPP-net (He et al. 2014): window ⌈a/n⌉, stride ⌊a/n⌋, no padding. It can produce more than n
 *   bins (a = 10, n = 6 → 9), which is reported rather than hidden.
 * - "corrected": the widely copied fix, K = S = ⌈a/n⌉, padding ⌊(K·n − a + 1)/2⌋. It gives n bins where
 *   PyTorch accepts its padding; where the padding exceeds half the window (a = 9, n = 4), or a bin would even
 *   lie wholly in it (a = 5, n = 4), it is an error naming the level and size, as PyTorch refuses those.
 */
import { ParameterError } from "../core/errors.js";
import { adaptiveAxis, poolOutputSize, sliding, type AxisWindows } from "./window.js";

export type SppRule = "adaptive" | "paper" | "corrected";

export const SPP_RULES: readonly SppRule[] = ["adaptive", "paper", "corrected"];

/** The windows of pyramid level `level` (n bins requested) along an axis of `size` cells. */
export function sppLevelAxis(
  op: string,
  size: number,
  n: number,
  rule: SppRule,
  level: number,
  axisName: string,
): AxisWindows {
  if (!Number.isInteger(n) || n < 1) {
    throw new ParameterError(op, "levels", n, `entry ${level} must be a positive whole number`);
  }
  if (rule === "adaptive") return adaptiveAxis(op, axisName, size, n);
  const k = Math.ceil(size / n);
  if (rule === "paper") {
    const s = Math.floor(size / n);
    if (s < 1) {
      throw new ParameterError(
        op,
        "levels",
        n,
        `entry ${level} (n=${n}) on input ${axisName}=${size} cannot use the paper rule: its stride ⌊a/n⌋ = ` +
          `⌊${size}/${n}⌋ is 0 (fewer cells than bins); use rule "adaptive"`,
      );
    }
    const outSize = poolOutputSize(size, k, s, 0, 0, 1, false);
    return sliding({ size, kernel: k, stride: s, dilation: 1, padBefore: 0, padAfter: 0, outSize });
  }
  if (rule !== "corrected")
    throw new ParameterError(op, "rule", rule, `must be one of ${SPP_RULES.map((r) => `"${r}"`).join(", ")}`);
  const p = Math.floor((k * n - size + 1) / 2);
  // PyTorch's pooling refuses padding above half the window (so the SPPLayer that uses this rule raises there);
  // with p ≥ K the first bin would even lie wholly in the padding
  if (2 * p > k) {
    const why =
      p >= k
        ? `bin 0 [${-p}, ${k - p}) lies entirely in the padding`
        : `padding ${p} is more than half the window ${k}, which PyTorch's max pooling refuses`;
    throw new ParameterError(
      op,
      "levels",
      n,
      `entry ${level} (n=${n}) on input ${axisName}=${size} cannot use the corrected rule: K=S=⌈${size}/${n}⌉=${k}, ` +
        `padding ⌊(${k}·${n}−${size}+1)/2⌋=${p}, and ${why}; use rule "adaptive"`,
    );
  }
  const outSize = poolOutputSize(size, k, k, p, p, 1, false);
  const geometry = { size, kernel: k, stride: k, dilation: 1, padBefore: p, padAfter: p, outSize };
  if (outSize !== n) {
    throw new ParameterError(
      op,
      "levels",
      n,
      `entry ${level} (n=${n}) on input ${axisName}=${size}: the corrected rule gives ${outSize} bins, not ${n}`,
    );
  }
  return sliding(geometry);
}

/** The bins [bh, bw] each level really produces on an H×W map (the paper rule may give more than asked). */
export function sppBins(
  height: number,
  width: number,
  levels: readonly (number | readonly [number, number])[],
  rule: SppRule = "adaptive",
): [number, number][] {
  return levels.map((lv, i) => {
    const [nh, nw] = typeof lv === "number" ? [lv, lv] : lv;
    const h = sppLevelAxis("sppBins", height, nh, rule, i, "H");
    const w = sppLevelAxis("sppBins", width, nw, rule, i, "W");
    return [binCount(h), binCount(w)];
  });
}

function binCount(a: AxisWindows): number {
  return a.kind === "bins" ? a.bins.length : a.geometry.outSize;
}
