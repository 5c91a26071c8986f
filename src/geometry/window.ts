/**
 * src/geometry/: the only place window taps, bins, output sizes and parameter normalisation are computed
 * (window.ts sliding and adaptive axes, pool.ts pooling options, params.ts shapes and per-dim options, spp.ts
 * pyramid bins, roi.ts region bins and RoIAlign samples, explain.ts worked output-size formulas). Pure and
 * browser-safe: the ops compute with it and the renderer redraws windows with it, through wire/.
 *
 * Window and output-size arithmetic: the one place every op gets its geometry from.
 *
 * One spatial axis is described by an AxisGeometry: input size, kernel, stride, dilation, padding at each end
 * and the output size. A window is then a function of (axis, output index) and nothing else, which is also
 * what a trace records, so a renderer can redraw any window from a few numbers.
 */
import { ParameterError } from "../core/errors.js";

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
export function convOutputSize(
  size: number,
  kernel: number,
  stride: number,
  padding: number,
  dilation: number,
): number {
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

/**
 * The windows of one axis, in the two forms pooling uses: sliding windows (kernel, stride, padding, dilation)
 * or explicit bins [start, end) (adaptive pooling, SPP levels, strips, RoI bins). Both are a few numbers per
 * axis, so a trace can carry them and a renderer can redraw any window.
 */
export type AxisWindows =
  | { readonly kind: "sliding"; readonly geometry: AxisGeometry }
  | { readonly kind: "bins"; readonly size: number; readonly bins: readonly (readonly [number, number])[] };

export function sliding(geometry: AxisGeometry): AxisWindows {
  return { kind: "sliding", geometry };
}

/** Number of windows along the axis. */
export function axisOutSize(axis: AxisWindows): number {
  return axis.kind === "sliding" ? axis.geometry.outSize : axis.bins.length;
}

/** Input length along the axis. */
export function axisInSize(axis: AxisWindows): number {
  return axis.kind === "sliding" ? axis.geometry.size : axis.size;
}

/** The in-bounds input positions of window `i`, in scan order. */
export function axisTaps(axis: AxisWindows, i: number): number[] {
  if (axis.kind === "sliding") return windowTaps(axis.geometry, i);
  const [start, end] = axis.bins[i];
  const taps: number[] = [];
  for (let p = Math.max(start, 0); p < Math.min(end, axis.size); p++) taps.push(p);
  return taps;
}

/**
 * The extent of window `i`: first and one-past-last position (padding included) and how many of its taps fall
 * in the padding before and after the input.
 */
export function windowExtent(
  axis: AxisWindows,
  i: number,
): { start: number; end: number; padBefore: number; padAfter: number; taps: number[] } {
  const taps = axisTaps(axis, i);
  if (axis.kind === "bins") {
    const [start, end] = axis.bins[i];
    return { start, end, padBefore: Math.max(0, -start), padAfter: Math.max(0, end - axis.size), taps };
  }
  const g = axis.geometry;
  const start = windowStart(g, i);
  const end = start + g.dilation * (g.kernel - 1) + 1;
  let padBefore = 0;
  let padAfter = 0;
  for (let t = 0; t < g.kernel; t++) {
    const p = start + t * g.dilation;
    if (p < 0) padBefore++;
    else if (p >= g.size) padAfter++;
  }
  return { start, end, padBefore, padAfter, taps };
}

/** One position a window covers along an axis; `pad` when it lies outside the input (in the padding). */
export interface WindowPosition {
  p: number;
  pad: boolean;
}

/**
 * Every position window `i` covers, padding included, in scan order: what a renderer draws (padding as
 * virtual cells); axisTaps is its in-bounds part.
 */
export function windowPositions(axis: AxisWindows, i: number): WindowPosition[] {
  const out: WindowPosition[] = [];
  if (axis.kind === "sliding") {
    const g = axis.geometry;
    const start = windowStart(g, i);
    for (let t = 0; t < g.kernel; t++) {
      const p = start + t * g.dilation;
      out.push({ p, pad: p < 0 || p >= g.size });
    }
  } else {
    const bin = axis.bins[i];
    if (bin) for (let p = bin[0]; p < bin[1]; p++) out.push({ p, pad: p < 0 || p >= axis.size });
  }
  return out;
}

/** The windows along the axis that contain input position `p`, ascending: the reverse of windowPositions. */
export function windowsContaining(axis: AxisWindows, p: number): number[] {
  const out: number[] = [];
  if (axis.kind === "sliding") {
    const g = axis.geometry;
    for (let t = 0; t < g.kernel; t++) {
      const q = p + g.padBefore - t * g.dilation;
      if (q >= 0 && q % g.stride === 0 && q / g.stride < g.outSize) out.push(q / g.stride);
    }
    return [...new Set(out)].sort((a, b) => a - b);
  }
  axis.bins.forEach(([s, e], o) => {
    if (p >= s && p < e) out.push(o);
  });
  return out;
}

/**
 * Adaptive pooling's bins along one axis (PyTorch AdaptivePooling.h, integer arithmetic). `out` may exceed
 * `size` (bins then overlap, upsampling).
 */
export function adaptiveAxis(op: string, axisName: string, size: number, out: number): AxisWindows {
  if (size < 1) throw new ParameterError(op, "x.shape", size, `must be at least 1 along axis ${axisName}`);
  if (!Number.isInteger(out) || out < 1) {
    throw new ParameterError(op, "outputSize", out, `must be a positive whole number (axis ${axisName})`);
  }
  return { kind: "bins", size, bins: Array.from({ length: out }, (_, i) => adaptiveRange(i, out, size)) };
}

/**
 * TensorFlow/Keras pooling geometry for one axis. "valid": no padding, out = ceil((n − ek + 1)/s). "same":
 * out = ceil(n/s), the total pad split with the odd cell at the end. TF has no ceil mode and no pad limit.
 */
export function tfPoolAxis(
  op: string,
  axisName: string,
  size: number,
  o: { kernel: number; stride: number; dilation: number; padding: "same" | "valid" },
): AxisGeometry {
  if (o.kernel <= 0) throw new ParameterError(op, "kernelSize", o.kernel, `must be positive (axis ${axisName})`);
  if (o.stride <= 0) throw new ParameterError(op, "stride", o.stride, `must be positive (axis ${axisName})`);
  if (o.dilation <= 0) throw new ParameterError(op, "dilation", o.dilation, `must be positive (axis ${axisName})`);
  const effective = o.dilation * (o.kernel - 1) + 1;
  const [padBefore, padAfter] = o.padding === "same" ? samePadding(size, o.kernel, o.stride, o.dilation) : [0, 0];
  const outSize = o.padding === "same" ? Math.ceil(size / o.stride) : Math.ceil((size - effective + 1) / o.stride);
  if (outSize < 1) {
    throw new ParameterError(
      op,
      "kernelSize",
      o.kernel,
      `gives an empty output with padding "${o.padding}": input ${axisName}=${size} is smaller than the effective ` +
        `kernel ${effective} (axis ${axisName})`,
    );
  }
  return { size, kernel: o.kernel, stride: o.stride, dilation: o.dilation, padBefore, padAfter, outSize };
}

/**
 * Convolution geometry of one axis (zero padding on both sides, no pad limit), as F.conv2d checks it: positive
 * kernel, stride and dilation, non-negative padding, and an output of at least one.
 */
export function convAxis(
  op: string,
  axisName: string,
  size: number,
  o: { kernel: number; stride: number; padding: number; dilation: number },
): AxisGeometry {
  if (o.kernel <= 0)
    throw new ParameterError(op, "weight.shape", o.kernel, `kernel must be positive (axis ${axisName})`);
  if (o.stride <= 0) throw new ParameterError(op, "stride", o.stride, `must be positive (axis ${axisName})`);
  if (o.dilation <= 0) throw new ParameterError(op, "dilation", o.dilation, `must be positive (axis ${axisName})`);
  if (o.padding < 0) throw new ParameterError(op, "padding", o.padding, `must be non-negative (axis ${axisName})`);
  const outSize = convOutputSize(size, o.kernel, o.stride, o.padding, o.dilation);
  if (outSize < 1) {
    const effective = o.dilation * (o.kernel - 1) + 1;
    throw new ParameterError(
      op,
      "weight.shape",
      o.kernel,
      `kernel (effective ${effective}) is larger than input ${axisName}=${size} + padding ${2 * o.padding}`,
    );
  }
  return {
    size,
    kernel: o.kernel,
    stride: o.stride,
    dilation: o.dilation,
    padBefore: o.padding,
    padAfter: o.padding,
    outSize,
  };
}

/** MaxUnpool's default output length: (in − 1)·s − 2p + k (torch.nn.functional._unpool_output_size). */
export function unpoolOutputSize(size: number, kernel: number, stride: number, padding: number): number {
  return (size - 1) * stride - 2 * padding + kernel;
}

/**
 * MaxUnpool's output sizes: the default per axis, or a requested one, which PyTorch accepts only strictly
 * between default − stride and default + stride.
 */
export function unpoolOutputSizes(
  op: string,
  sizes: readonly number[],
  kernel: readonly number[],
  stride: readonly number[],
  padding: readonly number[],
  requested?: readonly number[],
): number[] {
  return sizes.map((size, a) => {
    const def = unpoolOutputSize(size, kernel[a], stride[a], padding[a]);
    if (requested === undefined) {
      if (def < 1)
        throw new ParameterError(
          op,
          "padding",
          padding[a],
          `leaves an empty output (axis ${a}: (${size}−1)·${stride[a]} − 2·${padding[a]} + ${kernel[a]} = ${def})`,
        );
      return def;
    }
    const want = requested[a];
    if (!(want > def - stride[a] && want < def + stride[a])) {
      throw new ParameterError(
        op,
        "outputSize",
        requested,
        `must be between ${def - stride[a] + 1} and ${def + stride[a] - 1} on axis ${a} (default ${def})`,
      );
    }
    return want;
  });
}
