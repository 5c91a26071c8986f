/**
 * Average pooling in 1, 2 and 3 spatial dims, as PyTorch's F.avg_pool{1,2,3}d. The divisor is, in order of
 * precedence: divisorOverride; with countIncludePad (the default) the window clipped to the padded input, so
 * a ceil-mode overhang past the right pad does not count; otherwise the number of in-bounds cells.
 */
import { ParameterError } from "../errors.js";
import { Tensor } from "../tensor.js";
import { expandParam, spatialShape, type PerDim } from "../shape/params.js";
import { poolAxis, windowSpanWithPad, windowTaps, type AxisGeometry } from "../shape/window.js";
import { planWindows, unravel } from "./windowPlan.js";

export interface AvgPoolOptions {
  kernelSize: PerDim;
  /** Defaults to kernelSize. */
  stride?: PerDim;
  /** Implicit zero padding on both sides, at most half the kernel. Default 0. */
  padding?: PerDim;
  ceilMode?: boolean;
  /** Count padded cells in the divisor. Default true, as PyTorch. */
  countIncludePad?: boolean;
  /** Divide every window by this instead (2d and 3d in PyTorch). */
  divisorOverride?: number;
}

export interface AvgPoolResult {
  output: Tensor;
  /** The divisor of each output position of a plane. */
  divisors: Float32Array;
  axes: readonly AxisGeometry[];
}

export function avgPoolGeometry(op: string, shape: readonly number[], nd: number, o: AvgPoolOptions): AxisGeometry[] {
  const sizes = spatialShape(op, shape, nd);
  const kernel = expandParam(op, "kernelSize", o.kernelSize, nd, 1);
  const stride = o.stride === undefined ? kernel : expandParam(op, "stride", o.stride, nd, 1);
  const padding = expandParam(op, "padding", o.padding ?? 0, nd, 0);
  return sizes.map((size, a) =>
    poolAxis(op, String(a), size, {
      kernel: kernel[a],
      stride: stride[a],
      padding: padding[a],
      dilation: 1,
      ceilMode: o.ceilMode ?? false,
    }),
  );
}

/** Divisor of every output position of a plane; 0 marks a window with no in-bounds cell (output 0). */
export function avgDivisors(op: string, axes: readonly AxisGeometry[], o: AvgPoolOptions): Float32Array {
  if (o.divisorOverride !== undefined && (!Number.isFinite(o.divisorOverride) || o.divisorOverride === 0)) {
    throw new ParameterError(op, "divisorOverride", o.divisorOverride, "must be a non-zero number");
  }
  const sizes = axes.map((a) => a.outSize);
  const count = sizes.reduce((n, s) => n * s, 1);
  const divisors = new Float32Array(count);
  const includePad = o.countIncludePad ?? true;
  for (let i = 0; i < count; i++) {
    const idx = unravel(i, sizes);
    const inBounds = axes.reduce((n, axis, a) => n * windowTaps(axis, idx[a]).length, 1);
    if (inBounds === 0) continue;
    if (o.divisorOverride !== undefined) divisors[i] = o.divisorOverride;
    else if (includePad) divisors[i] = axes.reduce((n, axis, a) => n * windowSpanWithPad(axis, idx[a]), 1);
    else divisors[i] = inBounds;
  }
  return divisors;
}

export function avgPoolNd(op: string, x: Tensor, nd: number, options: AvgPoolOptions): AvgPoolResult {
  const axes = avgPoolGeometry(op, x.shape, nd, options);
  const divisors = avgDivisors(op, axes, options);
  const plan = planWindows(axes);
  const planes = x.shape[0] * x.shape[1];
  const y = new Float32Array(planes * plan.outPlane);
  const { tapStart, taps } = plan;
  const src = x.data;
  for (let p = 0; p < planes; p++) {
    const inBase = p * plan.inPlane;
    const outBase = p * plan.outPlane;
    for (let o = 0; o < plan.outPlane; o++) {
      const div = divisors[o];
      if (div === 0) continue;
      let sum = 0;
      for (let t = tapStart[o]; t < tapStart[o + 1]; t++) sum += src[inBase + taps[t]];
      y[outBase + o] = sum / div;
    }
  }
  const outShape = [x.shape[0], x.shape[1], ...axes.map((a) => a.outSize)];
  return { output: new Tensor(y, outShape), divisors, axes };
}

/** 1-d average pooling over (N, C, L). */
export function avgPool1d(x: Tensor, options: AvgPoolOptions): Tensor {
  return avgPoolNd("avgPool1d", x, 1, options).output;
}

/** 2-d average pooling over (N, C, H, W), e.g. `avgPool2d(x, { kernelSize: 2 })`. */
export function avgPool2d(x: Tensor, options: AvgPoolOptions): Tensor {
  return avgPoolNd("avgPool2d", x, 2, options).output;
}

/** 3-d average pooling over (N, C, D, H, W). */
export function avgPool3d(x: Tensor, options: AvgPoolOptions): Tensor {
  return avgPoolNd("avgPool3d", x, 3, options).output;
}
