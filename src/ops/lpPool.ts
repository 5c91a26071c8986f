/**
 * Power-average (LP) pooling in 1, 2 and 3 spatial dims, as PyTorch's F.lp_pool{1,2,3}d computes it:
 * avg_pool(x^p) · (kernel volume), then ^(1/p). Two consequences are kept on purpose, to match PyTorch:
 * there is no |x| (odd p with a negative window sum gives NaN), and a ceil-mode partial window is still
 * multiplied by the full kernel volume. There is no padding.
 */
import { ParameterError } from "../errors.js";
import { checkTensor, spatialShape, type PerDim } from "../shape/params.js";
import { slidingPoolAxes } from "../shape/pool.js";
import { sliding } from "../shape/window.js";
import { Tensor } from "../tensor.js";
import { smallArray, TracedPool } from "../trace/result.js";
import type { WindowTrace } from "../trace/types.js";
import { avgDivisors } from "./avgPool.js";
import { meanOverPlan, planWindows } from "./windowPlan.js";

export interface LpPoolOptions {
  /** p: 1 is sum pooling, 2 the Euclidean norm of the window. */
  normType: number;
  kernelSize: PerDim;
  /** Defaults to kernelSize. */
  stride?: PerDim | null;
  ceilMode?: boolean;
  /** Return a TracedPool (geometry, divisors, p). */
  trace?: boolean;
}

function lpPoolNd(op: string, x: Tensor, nd: number, o: LpPoolOptions): Tensor | TracedPool<WindowTrace> {
  checkTensor(op, "x", x);
  if (typeof o !== "object" || o === null)
    throw new ParameterError(op, "options", o, "must be an object with normType and kernelSize");
  const p = o.normType;
  if (typeof p !== "number" || !Number.isFinite(p) || p <= 0) {
    throw new ParameterError(op, "normType", p, "must be a positive finite number");
  }
  const axes = slidingPoolAxes(
    op,
    spatialShape(op, x.shape, nd),
    { kernelSize: o.kernelSize, stride: o.stride, ceilMode: o.ceilMode },
    false,
  );
  // PyTorch calls avg_pool with count_include_pad=True and no padding: the divisor is the in-bounds count.
  const divisors = avgDivisors(op, axes, { countIncludePad: true });
  const powered = new Float32Array(x.size);
  for (let i = 0; i < x.size; i++) powered[i] = Math.pow(x.data[i], p);
  const mean = meanOverPlan(powered, x.shape[0] * x.shape[1], planWindows(axes), divisors);
  const scale = axes.reduce((n, a) => n * a.kernel, 1);
  const y = new Float32Array(mean.length);
  for (let i = 0; i < mean.length; i++) {
    const m = mean[i];
    // sign(m)·relu(|m|) is m itself except that it maps NaN through; Math.pow gives NaN for m < 0 and odd p.
    y[i] = Math.pow(Math.fround(m * scale), 1 / p);
  }
  const output = new Tensor(y, [x.shape[0], x.shape[1], ...axes.map((a) => a.outSize)]);
  if (!o.trace) return output;
  const trace: WindowTrace = {
    kind: "window",
    family: "sliding",
    reduce: "lp",
    op,
    inputShape: [...x.shape],
    outputShape: [...output.shape],
    channels: "first",
    axes: axes.map(sliding),
    normType: p,
    lpScale: scale,
  };
  const d = smallArray(divisors);
  if (d) trace.divisors = d;
  return new TracedPool(x, output, trace);
}

/** LP pooling over (N, C, L), e.g. `lpPool1d(x, { normType: 2, kernelSize: 3, stride: 2 })`. */
export function lpPool1d(x: Tensor, options: LpPoolOptions & { trace: true }): TracedPool<WindowTrace>;
export function lpPool1d(x: Tensor, options: LpPoolOptions & { trace?: false }): Tensor;
export function lpPool1d(x: Tensor, options: LpPoolOptions): Tensor | TracedPool<WindowTrace>;
export function lpPool1d(x: Tensor, options: LpPoolOptions): Tensor | TracedPool<WindowTrace> {
  return lpPoolNd("lpPool1d", x, 1, options);
}

/** LP pooling over (N, C, H, W). */
export function lpPool2d(x: Tensor, options: LpPoolOptions & { trace: true }): TracedPool<WindowTrace>;
export function lpPool2d(x: Tensor, options: LpPoolOptions & { trace?: false }): Tensor;
export function lpPool2d(x: Tensor, options: LpPoolOptions): Tensor | TracedPool<WindowTrace>;
export function lpPool2d(x: Tensor, options: LpPoolOptions): Tensor | TracedPool<WindowTrace> {
  return lpPoolNd("lpPool2d", x, 2, options);
}

/** LP pooling over (N, C, D, H, W), as PyTorch 2's F.lp_pool3d. */
export function lpPool3d(x: Tensor, options: LpPoolOptions & { trace: true }): TracedPool<WindowTrace>;
export function lpPool3d(x: Tensor, options: LpPoolOptions & { trace?: false }): Tensor;
export function lpPool3d(x: Tensor, options: LpPoolOptions): Tensor | TracedPool<WindowTrace>;
export function lpPool3d(x: Tensor, options: LpPoolOptions): Tensor | TracedPool<WindowTrace> {
  return lpPoolNd("lpPool3d", x, 3, options);
}
