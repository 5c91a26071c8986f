/**
 * Adaptive pooling in 1, 2 and 3 spatial dims, as PyTorch's F.adaptive_{max,avg}_pool{1,2,3}d: output bin i
 * of an axis covers [floor(i·n/o), ceil((i+1)·n/o)); bins may overlap and differ in size. outputSize is a
 * scalar or one entry per dim, null keeping that input size. Max follows max pooling's tie and NaN rules.
 *
 * Results: a Tensor; for max `{ output, indices }` with `returnIndices: true`; with `trace: true` a traced result
 * whose trace lists the bins of every axis.
 */
import { ParameterError } from "../core/errors.js";
import { axisNames, checkTensor, expandOutputSize, spatialShape } from "../geometry/params.js";
import { adaptiveAxis, type AxisWindows } from "../geometry/window.js";
import { Tensor } from "../core/tensor.js";
import { TracedMaxPool, TracedPool } from "../trace/result.js";
import { windowTrace } from "../trace/window.js";
import type { WindowTrace } from "../wire/traceTypes.js";
import type { PoolWithIndices } from "./maxPool.js";
import { run } from "../backend/index.js";
import { checkOut, intoOut } from "./out.js";
import { unravel } from "../backend/js/windowPlan.js";
import { shapeSize } from "../core/shape.js";
import type { IndicesOptions, ResultFlags, TraceFlag, TraceOptions } from "./resultOptions.js";

export type OutputSize = number | readonly (number | null)[];

export interface AdaptivePoolOptions {
  /** Bins per spatial dim: a scalar, or a list with null for "same as input". */
  outputSize: OutputSize;
  /** Write the output into this preallocated tensor (of the output's shape) and return it. */
  out?: Tensor;
}

/** Max takes the same options; `returnIndices` is a result flag (see resultOptions.ts). */
export type AdaptiveMaxPoolOptions = AdaptivePoolOptions;

export interface AdaptiveCore {
  output: Tensor;
  /** Max: argmax within each plane. */
  indices?: Tensor;
  /** Avg: the bin volume of each output position of a plane. */
  divisors?: Float32Array;
  axes: AxisWindows[];
}

/** The bins of every axis; shared by the forward and backward passes. */
export function adaptiveGeometry(
  op: string,
  shape: readonly number[],
  nd: number,
  outputSize: OutputSize,
): AxisWindows[] {
  const sizes = spatialShape(op, shape, nd);
  const outs = expandOutputSize(op, outputSize, sizes);
  const names = axisNames(nd);
  return sizes.map((size, a) => adaptiveAxis(op, names[a], size, outs[a]));
}

/** Divisor of each output position: the product of its bins' lengths. */
export function binVolumes(axes: readonly AxisWindows[]): Float32Array {
  const sizes = axes.map((a) => (a.kind === "bins" ? a.bins.length : a.geometry.outSize));
  const count = shapeSize(sizes);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const idx = unravel(i, sizes);
    out[i] = axes.reduce(
      (n, axis, a) => (axis.kind === "bins" ? n * (axis.bins[idx[a]][1] - axis.bins[idx[a]][0]) : n),
      1,
    );
  }
  return out;
}

/**
 * Max or mean over the given bins of every (N, C) plane of a channels-first tensor. `wantIndices` false lets
 * the fast path skip max's indices; `out` receives the output.
 */
export function poolOverBins(
  x: Tensor,
  axes: AxisWindows[],
  mode: "max" | "avg",
  wantIndices = true,
  out?: Tensor,
  op = "pool",
): AdaptiveCore {
  const planes = x.shape[0] * x.shape[1];
  const outShape = [
    x.shape[0],
    x.shape[1],
    ...axes.map((a) => (a.kind === "bins" ? a.bins.length : a.geometry.outSize)),
  ];
  checkOut(op, out, outShape);
  const divisors = mode === "avg" ? binVolumes(axes) : undefined;
  const r = run("binsPool", x.data, planes, x.shape.slice(2), axes, mode, divisors, wantIndices, out?.data);
  const output = intoOut(r.values, outShape, out);
  if (mode === "avg") return { output, divisors, axes };
  return { output, indices: r.indices && new Tensor(r.indices, outShape), axes };
}

export function adaptivePoolNd(
  op: string,
  x: Tensor,
  nd: number,
  mode: "max" | "avg",
  options: AdaptivePoolOptions & ResultFlags,
  wantAll = true,
): AdaptiveCore {
  checkTensor(op, "x", x);
  if (typeof options !== "object" || options === null) {
    throw new ParameterError(op, "options", options, "must be an object with outputSize, e.g. { outputSize: 1 }");
  }
  const wantIndices = mode === "max" && (wantAll || Boolean(options.returnIndices || options.trace));
  return poolOverBins(x, adaptiveGeometry(op, x.shape, nd, options.outputSize), mode, wantIndices, options.out, op);
}

/** Builds the window trace of a bins-based pooling (adaptive, global, strips). */
export function binsTrace(
  op: string,
  x: Tensor,
  core: AdaptiveCore,
  mode: "max" | "avg",
  family: WindowTrace["family"],
): WindowTrace {
  return windowTrace({
    op,
    input: x,
    output: core.output,
    family,
    reduce: mode,
    axes: core.axes,
    ...(mode === "max" ? { argmax: core.indices?.data } : { divisors: core.divisors }),
  });
}

function maxResult(op: string, x: Tensor, nd: number, o: MaxO & ResultFlags): Tensor | PoolWithIndices | TracedMax {
  const core = adaptivePoolNd(op, x, nd, "max", o, false);
  const indices = core.indices as Tensor;
  if (o.trace) return new TracedMaxPool(x, core.output, binsTrace(op, x, core, "max", "adaptive"), indices);
  if (o.returnIndices) return { output: core.output, indices };
  return core.output;
}

function avgResult(op: string, x: Tensor, nd: number, o: AvgO & TraceFlag): Tensor | TracedAvg {
  const core = adaptivePoolNd(op, x, nd, "avg", o, false);
  return o.trace ? new TracedPool(x, core.output, binsTrace(op, x, core, "avg", "adaptive")) : core.output;
}

type TracedMax = TracedMaxPool<WindowTrace>;
type TracedAvg = TracedPool<WindowTrace>;
type MaxO = AdaptiveMaxPoolOptions;
type AvgO = AdaptivePoolOptions;

/**
 * Adaptive max pooling over (N, C, L) to outputSize bins.
 * With `returnIndices: true`, `{ output, indices }`; with `trace: true`, the traced result.
 */
export function adaptiveMaxPool1d(x: Tensor, options: MaxO & TraceOptions): TracedMax;
export function adaptiveMaxPool1d(x: Tensor, options: MaxO & IndicesOptions): PoolWithIndices;
export function adaptiveMaxPool1d(x: Tensor, options: MaxO & { returnIndices?: false; trace?: false }): Tensor;
export function adaptiveMaxPool1d(x: Tensor, options: MaxO & ResultFlags): Tensor | PoolWithIndices | TracedMax;
export function adaptiveMaxPool1d(x: Tensor, options: MaxO & ResultFlags): Tensor | PoolWithIndices | TracedMax {
  return maxResult("adaptiveMaxPool1d", x, 1, options);
}

/**
 * Adaptive max pooling over (N, C, H, W), e.g. `adaptiveMaxPool2d(x, { outputSize: [3, 4] })`.
 * With `returnIndices: true`, `{ output, indices }`; with `trace: true`, the traced result.
 */
export function adaptiveMaxPool2d(x: Tensor, options: MaxO & TraceOptions): TracedMax;
export function adaptiveMaxPool2d(x: Tensor, options: MaxO & IndicesOptions): PoolWithIndices;
export function adaptiveMaxPool2d(x: Tensor, options: MaxO & { returnIndices?: false; trace?: false }): Tensor;
export function adaptiveMaxPool2d(x: Tensor, options: MaxO & ResultFlags): Tensor | PoolWithIndices | TracedMax;
export function adaptiveMaxPool2d(x: Tensor, options: MaxO & ResultFlags): Tensor | PoolWithIndices | TracedMax {
  return maxResult("adaptiveMaxPool2d", x, 2, options);
}

/**
 * Adaptive max pooling over (N, C, D, H, W).
 * With `returnIndices: true`, `{ output, indices }`; with `trace: true`, the traced result.
 */
export function adaptiveMaxPool3d(x: Tensor, options: MaxO & TraceOptions): TracedMax;
export function adaptiveMaxPool3d(x: Tensor, options: MaxO & IndicesOptions): PoolWithIndices;
export function adaptiveMaxPool3d(x: Tensor, options: MaxO & { returnIndices?: false; trace?: false }): Tensor;
export function adaptiveMaxPool3d(x: Tensor, options: MaxO & ResultFlags): Tensor | PoolWithIndices | TracedMax;
export function adaptiveMaxPool3d(x: Tensor, options: MaxO & ResultFlags): Tensor | PoolWithIndices | TracedMax {
  return maxResult("adaptiveMaxPool3d", x, 3, options);
}

/** Adaptive average pooling over (N, C, L). */
export function adaptiveAvgPool1d(x: Tensor, options: AvgO & TraceOptions): TracedAvg;
export function adaptiveAvgPool1d(x: Tensor, options: AvgO & { trace?: false }): Tensor;
export function adaptiveAvgPool1d(x: Tensor, options: AvgO & TraceFlag): Tensor | TracedAvg;
export function adaptiveAvgPool1d(x: Tensor, options: AvgO & TraceFlag): Tensor | TracedAvg {
  return avgResult("adaptiveAvgPool1d", x, 1, options);
}

/** Adaptive average pooling over (N, C, H, W), e.g. `adaptiveAvgPool2d(x, { outputSize: [null, 1] })`. */
export function adaptiveAvgPool2d(x: Tensor, options: AvgO & TraceOptions): TracedAvg;
export function adaptiveAvgPool2d(x: Tensor, options: AvgO & { trace?: false }): Tensor;
export function adaptiveAvgPool2d(x: Tensor, options: AvgO & TraceFlag): Tensor | TracedAvg;
export function adaptiveAvgPool2d(x: Tensor, options: AvgO & TraceFlag): Tensor | TracedAvg {
  return avgResult("adaptiveAvgPool2d", x, 2, options);
}

/** Adaptive average pooling over (N, C, D, H, W). */
export function adaptiveAvgPool3d(x: Tensor, options: AvgO & TraceOptions): TracedAvg;
export function adaptiveAvgPool3d(x: Tensor, options: AvgO & { trace?: false }): Tensor;
export function adaptiveAvgPool3d(x: Tensor, options: AvgO & TraceFlag): Tensor | TracedAvg;
export function adaptiveAvgPool3d(x: Tensor, options: AvgO & TraceFlag): Tensor | TracedAvg {
  return avgResult("adaptiveAvgPool3d", x, 3, options);
}
