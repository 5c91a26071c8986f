/**
 * Window and output-size arithmetic: the one place every op gets its geometry from.
 *
 * One spatial axis is described by an AxisGeometry: input size, kernel, stride, dilation, padding at each end
 * and the output size. A window is then a function of (axis, output index) and nothing else, which is also
 * what a trace records, so a renderer can redraw any window from a few numbers.
 */
import { ParameterError } from "../errors.js";

export interface AxisGeometry {
  /** Input length along this axis. */
  readonly size: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padBefore: number;
  readonly padAfter: number;
  /** Output length along this axis. */
  readonly outSize: number;
}

/** floor division rounding toward -infinity, as PyTorch's div_rtn. */
function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/**
 * PyTorch's pooling output size (aten Pool.h, pooling_output_shape_pad_lr). In ceil mode the last window must
 * start inside the input or the left padding; one that would start in the right padding is dropped.
 */
export function poolOutputSize(
  size: number,
  kernel: number,
  stride: number,
  padBefore: number,
  padAfter: number,
  dilation: number,
  ceilMode: boolean,
): number {
  const effective = dilation * (kernel - 1) + 1;
  let out = floorDiv(size + padBefore + padAfter - effective + (ceilMode ? stride - 1 : 0), stride) + 1;
  if (ceilMode && (out - 1) * stride >= size + padBefore) out -= 1;
  return out;
}

/** Convolution output size: floor((n + 2p − d(k−1) − 1)/s) + 1. */
export function convOutputSize(size: number, kernel: number, stride: number, padding: number, dilation: number): number {
  return floorDiv(size + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1;
}

/** TensorFlow SAME: output ceil(n/s); the total pad is split with the odd cell at the end. */
export function samePadding(size: number, kernel: number, stride: number, dilation = 1): [number, number] {
  const effective = dilation * (kernel - 1) + 1;
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + effective - size, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

export interface PoolAxisOptions {
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
  ceilMode: boolean;
}

/**
 * The geometry of one axis of a PyTorch pooling op, checked as PyTorch 1.13 checks it: positive kernel,
 * stride and dilation, padding at most half the kernel, and at least one output.
 */
export function poolAxis(op: string, axisName: string, size: number, o: PoolAxisOptions): AxisGeometry {
  return poolAxisPadded(op, axisName, size, { ...o, padBefore: o.padding, padAfter: o.padding });
}

export function poolAxisPadded(
  op: string,
  axisName: string,
  size: number,
  o: { kernel: number; stride: number; dilation: number; padBefore: number; padAfter: number; ceilMode: boolean },
): AxisGeometry {
  if (o.kernel <= 0) throw new ParameterError(op, "kernelSize", o.kernel, `must be positive (axis ${axisName})`);
  if (o.stride <= 0) throw new ParameterError(op, "stride", o.stride, `must be positive (axis ${axisName})`);
  if (o.dilation <= 0) throw new ParameterError(op, "dilation", o.dilation, `must be positive (axis ${axisName})`);
  if (o.padBefore < 0 || o.padAfter < 0) {
    throw new ParameterError(op, "padding", [o.padBefore, o.padAfter], `must be non-negative (axis ${axisName})`);
  }
  if (o.padBefore * 2 > o.kernel || o.padAfter * 2 > o.kernel) {
    throw new ParameterError(
      op,
      "padding",
      Math.max(o.padBefore, o.padAfter),
      `must be at most half of kernelSize ${o.kernel} (axis ${axisName})`,
    );
  }
  const outSize = poolOutputSize(size, o.kernel, o.stride, o.padBefore, o.padAfter, o.dilation, o.ceilMode);
  if (outSize < 1) {
    const effective = o.dilation * (o.kernel - 1) + 1;
    throw new ParameterError(
      op,
      "kernelSize",
      o.kernel,
      `gives an empty output: input ${axisName}=${size} + padding ${o.padBefore + o.padAfter} is smaller than the ` +
        `effective kernel ${effective} (axis ${axisName})`,
    );
  }
  return {
    size,
    kernel: o.kernel,
    stride: o.stride,
    dilation: o.dilation,
    padBefore: o.padBefore,
    padAfter: o.padAfter,
    outSize,
  };
}

/** First input position of window `i` (may be negative: it starts in the left padding). */
export function windowStart(axis: AxisGeometry, i: number): number {
  return i * axis.stride - axis.padBefore;
}

/** The in-bounds taps of window `i`, in scan order. */
export function windowTaps(axis: AxisGeometry, i: number): number[] {
  const taps: number[] = [];
  const start = windowStart(axis, i);
  for (let t = 0; t < axis.kernel; t++) {
    const p = start + t * axis.dilation;
    if (p >= 0 && p < axis.size) taps.push(p);
  }
  return taps;
}

/**
 * The count-include-pad divisor of an average window along one axis, as PyTorch's AvgPoolKernel computes it:
 * the window clipped to [−padBefore, size + padAfter), so the ceil-mode overhang past the right pad is not
 * counted.
 */
export function windowSpanWithPad(axis: AxisGeometry, i: number): number {
  const start = windowStart(axis, i);
  const end = Math.min(start + axis.kernel, axis.size + axis.padAfter);
  return end - start;
}

/** Adaptive pooling's bin `i` of `out` over `size` inputs: [floor(i·n/o), ceil((i+1)·n/o)), in integers. */
export function adaptiveRange(i: number, out: number, size: number): [number, number] {
  const start = Math.floor((i * size) / out);
  const end = Math.floor(((i + 1) * size + out - 1) / out);
  return [start, end];
}
