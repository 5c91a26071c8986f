/**
 * Max pooling in 1, 2 and 3 spatial dims, as PyTorch's F.max_pool{1,2,3}d: padding is −∞ and never wins,
 * ties keep the first maximum in scan order, a NaN wins and the last NaN's index is kept. Indices are flat
 * within each (D)HW plane, as PyTorch returns them. `padding: "same" | "valid"` and `dataFormat: "NHWC"` give
 * TensorFlow/Keras pooling (SAME puts the odd extra pad at the end). Ties and NaN follow PyTorch in both
 * flavours, and indices are always PyTorch's per-plane spatial offsets (laid out like the output, so NHWC
 * indices are in NHWC order), not TensorFlow's (y·W + x)·C + c.
 *
 * Results: a Tensor; `{ output, indices }` with `returnIndices: true`; a TracedMaxPool (output, indices, trace,
 * renders in Jupyter) with `trace: true`.
 */
import { checkTensor, isChannelsLast, spatialShape, type DataFormat } from "../geometry/params.js";
import { slidingPoolAxes, type SlidingPoolOptions } from "../geometry/pool.js";
import { sliding, type AxisGeometry } from "../geometry/window.js";
import { Tensor } from "../core/tensor.js";
import { TracedMaxPool } from "../trace/result.js";
import { windowTrace } from "../trace/window.js";
import type { WindowTrace } from "../wire/traceTypes.js";
import { run, tryFast } from "../backend/index.js";
import { checkOut, intoOut } from "./out.js";
import { toChannelsFirst, toChannelsLast } from "./layout.js";
import type { IndicesOptions, ResultFlags, TraceOptions } from "./resultOptions.js";

export interface MaxPoolOptions extends SlidingPoolOptions {
  /** Channel layout; channels last (e.g. "NHWC") is TensorFlow's. Default channels first. */
  dataFormat?: DataFormat;
  /** Write the output into this preallocated tensor (of the output's shape) and return it. */
  out?: Tensor;
}

export interface PoolWithIndices {
  output: Tensor;
  /** Argmax per output, flat within the input plane (float32 numbers). */
  indices: Tensor;
}

export interface MaxPoolCore extends PoolWithIndices {
  axes: AxisGeometry[];
  channelsLast: boolean;
}

/** Normalises options and checks every axis; shared by the forward and backward passes. */
export function maxPoolGeometry(
  op: string,
  shape: readonly number[],
  nd: number,
  o: MaxPoolOptions,
): { axes: AxisGeometry[]; channelsLast: boolean } {
  const channelsLast = isChannelsLast(op, o?.dataFormat, nd);
  const firstShape =
    channelsLast && shape.length === nd + 2 ? [shape[0], shape[nd + 1], ...shape.slice(1, nd + 1)] : shape;
  const sizes = spatialShape(op, firstShape, nd);
  return { axes: slidingPoolAxes(op, sizes, o, true), channelsLast };
}

/**
 * The generic max pooling of every (N, C) plane of a channels-first or channels-last tensor. Without
 * `wantIndices` the indices are not computed (an empty placeholder), which lets the SIMD path skip them.
 */
export function maxPoolNd(op: string, x: Tensor, nd: number, options: MaxPoolOptions, wantIndices = true): MaxPoolCore {
  checkTensor(op, "x", x);
  const { axes, channelsLast } = maxPoolGeometry(op, x.shape, nd, options);
  const [n, c] = channelsLast ? [x.shape[0], x.shape[nd + 1]] : [x.shape[0], x.shape[1]];
  const spatialOut = axes.map((a) => a.outSize);
  const outShape = channelsLast ? [n, ...spatialOut, c] : [n, c, ...spatialOut];
  const out = checkOut(op, options.out, outShape);
  if (!channelsLast) {
    const r = run("maxPool", x.data, n * c, axes, wantIndices, out?.data);
    const indices = r.indices ? new Tensor(r.indices, outShape) : NO_INDICES;
    return { output: intoOut(r.values, outShape, out), indices, axes, channelsLast };
  }
  if (!wantIndices) {
    const values = tryFast("poolChannelsLast", x.data, x.shape, axes, "max", null, out?.data);
    if (values) return { output: intoOut(values, outShape, out), indices: NO_INDICES, axes, channelsLast };
  }
  // channels last otherwise: pooled channels first, moved back
  const firstShape = [n, c, ...spatialOut];
  const r = run("maxPool", toChannelsFirst(x, op).data, n * c, axes, wantIndices);
  const output = toChannelsLast(new Tensor(r.values, firstShape), op);
  const indices = r.indices ? toChannelsLast(new Tensor(r.indices, firstShape), op) : NO_INDICES;
  return { output: intoOut(output.data, outShape, out), indices, axes, channelsLast };
}

/** Stands in for indices that were not asked for (never returned to a caller). */
const NO_INDICES = new Tensor(new Float32Array(0), [0]);

/** Shapes the core result as the options ask: a Tensor, { output, indices } or a traced result. */
export function maxPoolResult(
  op: string,
  x: Tensor,
  core: MaxPoolCore,
  options: MaxPoolOptions & ResultFlags,
): Tensor | PoolWithIndices | TracedMaxPool<WindowTrace> {
  if (options.trace) {
    const trace = windowTrace({
      op,
      input: x,
      output: core.output,
      family: "sliding",
      reduce: "max",
      axes: core.axes.map(sliding),
      channelsLast: core.channelsLast,
      argmax: core.indices.data,
    });
    return new TracedMaxPool(x, core.output, trace, core.indices);
  }
  if (options.returnIndices) return { output: core.output, indices: core.indices };
  return core.output;
}

type Traced = TracedMaxPool<WindowTrace>;

const wantsIndices = (o: ResultFlags): boolean => Boolean(o?.returnIndices || o?.trace);

/**
 * 1-d max pooling over (N, C, L), e.g. `maxPool1d(x, { kernelSize: 2 })`.
 * With `returnIndices: true`, `{ output, indices }`; with `trace: true`, the traced result.
 */
export function maxPool1d(x: Tensor, options: MaxPoolOptions & TraceOptions): Traced;
export function maxPool1d(x: Tensor, options: MaxPoolOptions & IndicesOptions): PoolWithIndices;
export function maxPool1d(x: Tensor, options: MaxPoolOptions & { returnIndices?: false; trace?: false }): Tensor;
export function maxPool1d(x: Tensor, options: MaxPoolOptions & ResultFlags): Tensor | PoolWithIndices | Traced;
export function maxPool1d(x: Tensor, options: MaxPoolOptions & ResultFlags): Tensor | PoolWithIndices | Traced {
  return maxPoolResult("maxPool1d", x, maxPoolNd("maxPool1d", x, 1, options, wantsIndices(options)), options);
}

/**
 * 2-d max pooling over (N, C, H, W), e.g. `maxPool2d(x, { kernelSize: 2 })`.
 * With `returnIndices: true`, `{ output, indices }`; with `trace: true`, the traced result.
 */
export function maxPool2d(x: Tensor, options: MaxPoolOptions & TraceOptions): Traced;
export function maxPool2d(x: Tensor, options: MaxPoolOptions & IndicesOptions): PoolWithIndices;
export function maxPool2d(x: Tensor, options: MaxPoolOptions & { returnIndices?: false; trace?: false }): Tensor;
export function maxPool2d(x: Tensor, options: MaxPoolOptions & ResultFlags): Tensor | PoolWithIndices | Traced;
export function maxPool2d(x: Tensor, options: MaxPoolOptions & ResultFlags): Tensor | PoolWithIndices | Traced {
  return maxPoolResult("maxPool2d", x, maxPoolNd("maxPool2d", x, 2, options, wantsIndices(options)), options);
}

/**
 * 3-d max pooling over (N, C, D, H, W).
 * With `returnIndices: true`, `{ output, indices }`; with `trace: true`, the traced result.
 */
export function maxPool3d(x: Tensor, options: MaxPoolOptions & TraceOptions): Traced;
export function maxPool3d(x: Tensor, options: MaxPoolOptions & IndicesOptions): PoolWithIndices;
export function maxPool3d(x: Tensor, options: MaxPoolOptions & { returnIndices?: false; trace?: false }): Tensor;
export function maxPool3d(x: Tensor, options: MaxPoolOptions & ResultFlags): Tensor | PoolWithIndices | Traced;
export function maxPool3d(x: Tensor, options: MaxPoolOptions & ResultFlags): Tensor | PoolWithIndices | Traced {
  return maxPoolResult("maxPool3d", x, maxPoolNd("maxPool3d", x, 3, options, wantsIndices(options)), options);
}
