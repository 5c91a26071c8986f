/**
 * Power-average (LP) pooling in 1, 2 and 3 spatial dims, as PyTorch 2's F.lp_pool{1,2,3}d computes it:
 * avg_pool(x^p) · (kernel volume), then ^(1/p). Two consequences are kept on purpose, to match PyTorch:
 * there is no |x| (odd p with a negative window sum gives NaN), and a ceil-mode partial window is still
 * multiplied by the full kernel volume. There is no padding. p = ±Infinity is max / min of |x| over the window
 * (PyTorch 2 calls max pooling for it); p = 0 is refused; a negative p follows the same formula.
 */
import { ParameterError } from "../core/errors.js";
import { checkTensor, spatialShape, type PerDim } from "../geometry/params.js";
import { slidingPoolAxes } from "../geometry/pool.js";
import { sliding } from "../geometry/window.js";
import { Tensor } from "../core/tensor.js";
import { TracedPool } from "../trace/result.js";
import { windowTrace } from "../trace/window.js";
import type { WindowTrace } from "../wire/traceTypes.js";
import { avgDivisors } from "./avgPool.js";
import { maxOverPlan, meanOverPlan, planWindows } from "../backend/js/windowPlan.js";
import type { TraceFlag, TraceOptions } from "./resultOptions.js";

export interface LpPoolOptions {
  /** p: 1 is sum pooling, 2 the Euclidean norm of the window, Infinity the max of |x| (−Infinity the min). */
  normType: number;
  /** The window's size: one number for every spatial axis, or one per axis. */
  kernelSize: PerDim;
  /** Defaults to kernelSize. */
  stride?: PerDim | null;
  /** Round the output size up instead of down, so a partial window at the end still counts. Default false. */
  ceilMode?: boolean;
}

function lpPoolNd(op: string, x: Tensor, nd: number, o: LpPoolOptions & TraceFlag): Tensor | TracedPool<WindowTrace> {
  checkTensor(op, "x", x);
  if (typeof o !== "object" || o === null)
    throw new ParameterError(op, "options", o, "must be an object with normType and kernelSize");
  const p = o.normType;
  if (typeof p !== "number" || Number.isNaN(p) || p === 0) {
    throw new ParameterError(op, "normType", p, "must be a non-zero number (±Infinity: max / min of |x|)");
  }
  const axes = slidingPoolAxes(
    op,
    spatialShape(op, x.shape, nd),
    { kernelSize: o.kernelSize, stride: o.stride, ceilMode: o.ceilMode },
    false,
  );
  const planes = x.shape[0] * x.shape[1];
  const plan = planWindows(axes);
  const scale = axes.reduce((n, a) => n * a.kernel, 1);
  // PyTorch calls avg_pool with count_include_pad=True and no padding: the divisor is the in-bounds count.
  const divisors = Number.isFinite(p) ? avgDivisors(op, axes, { countIncludePad: true }) : null;
  let y: Float32Array;
  if (!divisors) {
    // ±Infinity: PyTorch 2 returns max_pool(|x|), or −max_pool(−|x|) (the min of |x|), with max pooling's NaN rule
    const sign = p > 0 ? 1 : -1;
    const abs = new Float32Array(x.size);
    for (let i = 0; i < x.size; i++) abs[i] = sign * Math.abs(x.data[i]);
    y = maxOverPlan(abs, planes, plan).values;
    if (sign < 0) for (let i = 0; i < y.length; i++) y[i] = -y[i];
  } else {
    const powered = new Float32Array(x.size);
    for (let i = 0; i < x.size; i++) powered[i] = Math.pow(x.data[i], p);
    const mean = meanOverPlan(powered, planes, plan, divisors);
    y = new Float32Array(mean.length);
    for (let i = 0; i < mean.length; i++) {
      // sign(m)·relu(|m|) is m itself except that it maps NaN through; Math.pow gives NaN for m < 0 and odd p.
      y[i] = Math.pow(Math.fround(mean[i] * scale), 1 / p);
    }
  }
  const output = new Tensor(y, [x.shape[0], x.shape[1], ...axes.map((a) => a.outSize)]);
  if (!o.trace) return output;
  const trace = windowTrace({
    op,
    input: x,
    output,
    family: "sliding",
    reduce: "lp",
    axes: axes.map(sliding),
    // JSON has no Infinity: an infinite p travels as the string the payload uses for infinities
    extras: { normType: Number.isFinite(p) ? p : p > 0 ? "Infinity" : "-Infinity", lpScale: scale },
    divisors: divisors ?? undefined,
  });
  return new TracedPool(x, output, trace);
}

/** LP pooling over (N, C, L), e.g. `lpPool1d(x, { normType: 2, kernelSize: 3, stride: 2 })`. */
export function lpPool1d(x: Tensor, options: LpPoolOptions & TraceOptions): TracedPool<WindowTrace>;
export function lpPool1d(x: Tensor, options: LpPoolOptions & { trace?: false }): Tensor;
export function lpPool1d(x: Tensor, options: LpPoolOptions & TraceFlag): Tensor | TracedPool<WindowTrace>;
export function lpPool1d(x: Tensor, options: LpPoolOptions & TraceFlag): Tensor | TracedPool<WindowTrace> {
  return lpPoolNd("lpPool1d", x, 1, options);
}

/** LP pooling over (N, C, H, W). */
export function lpPool2d(x: Tensor, options: LpPoolOptions & TraceOptions): TracedPool<WindowTrace>;
export function lpPool2d(x: Tensor, options: LpPoolOptions & { trace?: false }): Tensor;
export function lpPool2d(x: Tensor, options: LpPoolOptions & TraceFlag): Tensor | TracedPool<WindowTrace>;
export function lpPool2d(x: Tensor, options: LpPoolOptions & TraceFlag): Tensor | TracedPool<WindowTrace> {
  return lpPoolNd("lpPool2d", x, 2, options);
}

/** LP pooling over (N, C, D, H, W), as PyTorch 2's F.lp_pool3d. */
export function lpPool3d(x: Tensor, options: LpPoolOptions & TraceOptions): TracedPool<WindowTrace>;
export function lpPool3d(x: Tensor, options: LpPoolOptions & { trace?: false }): Tensor;
export function lpPool3d(x: Tensor, options: LpPoolOptions & TraceFlag): Tensor | TracedPool<WindowTrace>;
export function lpPool3d(x: Tensor, options: LpPoolOptions & TraceFlag): Tensor | TracedPool<WindowTrace> {
  return lpPoolNd("lpPool3d", x, 3, options);
}
