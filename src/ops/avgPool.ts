/**
 * Average pooling in 1, 2 and 3 spatial dims, as PyTorch's F.avg_pool{1,2,3}d. The divisor is, in order of
 * precedence: divisorOverride; with countIncludePad (the default) the window clipped to the padded input, so
 * a ceil-mode overhang past the right pad does not count; otherwise the number of in-bounds cells.
 * With `padding: "same" | "valid"` (TensorFlow/Keras) padded cells are excluded: countIncludePad defaults to
 * false there.
 *
 * Results: a Tensor, or with `trace: true` a TracedPool (output, trace with the divisors; renders in Jupyter).
 */
import { ParameterError } from "../core/errors.js";
import { checkTensor, isChannelsLast, spatialShape, type DataFormat } from "../geometry/params.js";
import { checkInputCoversKernel, slidingPoolAxes, type SlidingPoolOptions } from "../geometry/pool.js";
import { sliding, windowSpanWithPad, windowTaps, type AxisGeometry } from "../geometry/window.js";
import { Tensor } from "../core/tensor.js";
import { TracedPool } from "../trace/result.js";
import { windowTrace } from "../trace/window.js";
import type { WindowTrace } from "../wire/traceTypes.js";
import { run, tryFast } from "../backend/index.js";
import { checkOut, intoOut } from "./out.js";
import { toChannelsFirst, toChannelsLast } from "./layout.js";
import { unravel } from "../backend/js/windowPlan.js";
import { shapeSize } from "../core/shape.js";
import type { TraceFlag, TraceOptions } from "./resultOptions.js";

export interface AvgPoolOptions extends Omit<SlidingPoolOptions, "dilation"> {
  /** Count padded cells in the divisor. Default true, as PyTorch (false with "same"/"valid", as TensorFlow). */
  countIncludePad?: boolean;
  /** Divide every window by this instead. */
  divisorOverride?: number;
  /** Channel layout; channels last (e.g. "NHWC") is TensorFlow's. Default channels first. */
  dataFormat?: DataFormat;
  /** Write the output into this preallocated tensor (of the output's shape) and return it. */
  out?: Tensor;
}

export interface AvgPoolCore {
  output: Tensor;
  /** The divisor of each output position of a plane. */
  divisors: Float32Array;
  axes: AxisGeometry[];
  channelsLast: boolean;
  countIncludePad: boolean;
}

export function avgPoolGeometry(
  op: string,
  shape: readonly number[],
  nd: number,
  o: AvgPoolOptions,
): { axes: AxisGeometry[]; channelsLast: boolean; countIncludePad: boolean } {
  const channelsLast = isChannelsLast(op, o?.dataFormat, nd);
  const firstShape =
    channelsLast && shape.length === nd + 2 ? [shape[0], shape[nd + 1], ...shape.slice(1, nd + 1)] : shape;
  const axes = slidingPoolAxes(op, spatialShape(op, firstShape, nd), o, false);
  const countIncludePad = o.countIncludePad ?? typeof o.padding !== "string";
  return { axes, channelsLast, countIncludePad };
}

/** Divisor of every output position of a plane; 0 marks a window with no in-bounds cell (output 0). */
export function avgDivisors(
  op: string,
  axes: readonly AxisGeometry[],
  o: { countIncludePad: boolean; divisorOverride?: number },
): Float32Array {
  if (
    o.divisorOverride !== undefined &&
    (typeof o.divisorOverride !== "number" || !Number.isFinite(o.divisorOverride) || o.divisorOverride === 0)
  ) {
    throw new ParameterError(op, "divisorOverride", o.divisorOverride, "must be a non-zero number");
  }
  const key = `${JSON.stringify(axes)}|${o.countIncludePad}|${o.divisorOverride}`;
  const hit = divisorCache.get(key);
  if (hit) return hit;
  const sizes = axes.map((a) => a.outSize);
  const count = shapeSize(sizes);
  const divisors = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const idx = unravel(i, sizes);
    const inBounds = axes.reduce((n, axis, a) => n * windowTaps(axis, idx[a]).length, 1);
    if (inBounds === 0) continue;
    if (o.divisorOverride !== undefined) divisors[i] = o.divisorOverride;
    else if (o.countIncludePad) divisors[i] = axes.reduce((n, axis, a) => n * windowSpanWithPad(axis, idx[a]), 1);
    else divisors[i] = inBounds;
  }
  if (divisorCache.size >= DIVISOR_CACHE) divisorCache.clear();
  divisorCache.set(key, divisors);
  return divisors;
}

/**
 * Divisors depend only on the geometry; building them per output cell cost ~50 µs a call on W2 (more than the
 * kernel), so recent ones are kept. Callers never write into them.
 */
const divisorCache = new Map<string, Float32Array>();
const DIVISOR_CACHE = 64;

export function avgPoolNd(op: string, x: Tensor, nd: number, options: AvgPoolOptions): AvgPoolCore {
  checkTensor(op, "x", x);
  const { axes, channelsLast, countIncludePad } = avgPoolGeometry(op, x.shape, nd, options);
  if (nd === 3 && typeof options.padding !== "string") checkInputCoversKernel(op, axes);
  const divisors = avgDivisors(op, axes, { countIncludePad, divisorOverride: options.divisorOverride });
  const [n, c] = channelsLast ? [x.shape[0], x.shape[nd + 1]] : [x.shape[0], x.shape[1]];
  const spatialOut = axes.map((a) => a.outSize);
  const outShape = channelsLast ? [n, ...spatialOut, c] : [n, c, ...spatialOut];
  const out = checkOut(op, options.out, outShape);
  const core = { divisors, axes, channelsLast, countIncludePad };
  if (!channelsLast)
    return { output: intoOut(run("avgPool", x.data, n * c, axes, divisors, out?.data), outShape, out), ...core };
  const direct = tryFast("poolChannelsLast", x.data, x.shape, axes, "avg", divisors, out?.data);
  if (direct) return { output: intoOut(direct, outShape, out), ...core };
  // pooled channels first, moved back
  const y = run("avgPool", toChannelsFirst(x, op).data, n * c, axes, divisors);
  const output = toChannelsLast(new Tensor(y, [n, c, ...spatialOut]), op);
  return { output: intoOut(output.data, outShape, out), ...core };
}

export function avgPoolResult(
  op: string,
  x: Tensor,
  core: AvgPoolCore,
  options: AvgPoolOptions & TraceFlag,
): Tensor | TracedPool<WindowTrace> {
  if (!options.trace) return core.output;
  const trace = windowTrace({
    op,
    input: x,
    output: core.output,
    family: "sliding",
    reduce: "avg",
    axes: core.axes.map(sliding),
    channelsLast: core.channelsLast,
    extras: { countIncludePad: core.countIncludePad, divisorOverride: options.divisorOverride },
    divisors: core.divisors,
  });
  return new TracedPool(x, core.output, trace);
}

type Traced = TracedPool<WindowTrace>;

/** 1-d average pooling over (N, C, L). */
export function avgPool1d(x: Tensor, options: AvgPoolOptions & TraceOptions): Traced;
export function avgPool1d(x: Tensor, options: AvgPoolOptions & { trace?: false }): Tensor;
export function avgPool1d(x: Tensor, options: AvgPoolOptions & TraceFlag): Tensor | Traced;
export function avgPool1d(x: Tensor, options: AvgPoolOptions & TraceFlag): Tensor | Traced {
  return avgPoolResult("avgPool1d", x, avgPoolNd("avgPool1d", x, 1, options), options);
}

/** 2-d average pooling over (N, C, H, W), e.g. `avgPool2d(x, { kernelSize: 2 })`. */
export function avgPool2d(x: Tensor, options: AvgPoolOptions & TraceOptions): Traced;
export function avgPool2d(x: Tensor, options: AvgPoolOptions & { trace?: false }): Tensor;
export function avgPool2d(x: Tensor, options: AvgPoolOptions & TraceFlag): Tensor | Traced;
export function avgPool2d(x: Tensor, options: AvgPoolOptions & TraceFlag): Tensor | Traced {
  return avgPoolResult("avgPool2d", x, avgPoolNd("avgPool2d", x, 2, options), options);
}

/** 3-d average pooling over (N, C, D, H, W). */
export function avgPool3d(x: Tensor, options: AvgPoolOptions & TraceOptions): Traced;
export function avgPool3d(x: Tensor, options: AvgPoolOptions & { trace?: false }): Tensor;
export function avgPool3d(x: Tensor, options: AvgPoolOptions & TraceFlag): Tensor | Traced;
export function avgPool3d(x: Tensor, options: AvgPoolOptions & TraceFlag): Tensor | Traced {
  return avgPoolResult("avgPool3d", x, avgPoolNd("avgPool3d", x, 3, options), options);
}
