/**
 * Max pooling in 1, 2 and 3 spatial dims, as PyTorch's F.max_pool{1,2,3}d: padding is −∞ and never wins,
 * ties keep the first maximum in scan order, a NaN wins and the last NaN's index is kept. Indices are flat
 * within each (D)HW plane, as PyTorch returns them.
 */
import { Tensor } from "../tensor.js";
import { expandParam, spatialShape, type PerDim } from "../shape/params.js";
import { poolAxis, type AxisGeometry } from "../shape/window.js";
import { planWindows } from "./windowPlan.js";

export interface MaxPoolOptions {
  kernelSize: PerDim;
  /** Defaults to kernelSize. */
  stride?: PerDim;
  /** Implicit −∞ padding on both sides, at most half the kernel. Default 0. */
  padding?: PerDim;
  /** Spacing between taps. Default 1. */
  dilation?: PerDim;
  /** Ceil instead of floor for the output size; the last window must still start inside. Default false. */
  ceilMode?: boolean;
}

export interface MaxPoolResult {
  output: Tensor;
  /** Argmax per output, flat within the input plane (as float32 numbers). */
  indices: Tensor;
  axes: readonly AxisGeometry[];
}

/** Normalises options and checks every axis; shared by the forward and backward passes. */
export function maxPoolGeometry(op: string, shape: readonly number[], nd: number, o: MaxPoolOptions): AxisGeometry[] {
  const sizes = spatialShape(op, shape, nd);
  const kernel = expandParam(op, "kernelSize", o.kernelSize, nd, 1);
  const stride = o.stride === undefined ? kernel : expandParam(op, "stride", o.stride, nd, 1);
  const padding = expandParam(op, "padding", o.padding ?? 0, nd, 0);
  const dilation = expandParam(op, "dilation", o.dilation ?? 1, nd, 1);
  return sizes.map((size, a) =>
    poolAxis(op, String(a), size, {
      kernel: kernel[a],
      stride: stride[a],
      padding: padding[a],
      dilation: dilation[a],
      ceilMode: o.ceilMode ?? false,
    }),
  );
}

export function maxPoolNd(op: string, x: Tensor, nd: number, options: MaxPoolOptions): MaxPoolResult {
  const axes = maxPoolGeometry(op, x.shape, nd, options);
  const plan = planWindows(axes);
  const planes = x.shape[0] * x.shape[1];
  const outShape = [x.shape[0], x.shape[1], ...axes.map((a) => a.outSize)];
  const y = new Float32Array(planes * plan.outPlane);
  const ind = new Float32Array(planes * plan.outPlane);
  const { tapStart, taps } = plan;
  const src = x.data;
  for (let p = 0; p < planes; p++) {
    const inBase = p * plan.inPlane;
    const outBase = p * plan.outPlane;
    for (let o = 0; o < plan.outPlane; o++) {
      const t0 = tapStart[o];
      const t1 = tapStart[o + 1];
      let best = -Infinity;
      let bestIdx = t1 > t0 ? taps[t0] : -1;
      for (let t = t0; t < t1; t++) {
        const v = src[inBase + taps[t]];
        if (v > best || v !== v) {
          best = v;
          bestIdx = taps[t];
        }
      }
      y[outBase + o] = best;
      ind[outBase + o] = bestIdx;
    }
  }
  return { output: new Tensor(y, outShape), indices: new Tensor(ind, outShape), axes };
}

/** 1-d max pooling over (N, C, L). */
export function maxPool1d(x: Tensor, options: MaxPoolOptions): Tensor {
  return maxPoolNd("maxPool1d", x, 1, options).output;
}

/** 2-d max pooling over (N, C, H, W), e.g. `maxPool2d(x, { kernelSize: 2 })`. */
export function maxPool2d(x: Tensor, options: MaxPoolOptions): Tensor {
  return maxPoolNd("maxPool2d", x, 2, options).output;
}

/** 3-d max pooling over (N, C, D, H, W). */
export function maxPool3d(x: Tensor, options: MaxPoolOptions): Tensor {
  return maxPoolNd("maxPool3d", x, 3, options).output;
}
