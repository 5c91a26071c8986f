/**
 * Global pooling: the max or mean over all spatial dims of (N, C, spatial…), kept as (N, C, 1, …, 1) like
 * PyTorch's AdaptiveMaxPool/AdaptiveAvgPool with output 1 (to which it is equal by construction: one bin
 * spanning each axis).
 */
import { ParameterError } from "../core/errors.js";
import { checkTensor } from "../geometry/params.js";
import type { Tensor } from "../core/tensor.js";
import { TracedMaxPool, TracedPool } from "../trace/result.js";
import type { WindowTrace } from "../wire/traceTypes.js";
import { adaptiveGeometry, binsTrace, poolOverBins } from "./adaptivePool.js";
import type { TraceFlag, TraceOptions } from "./resultOptions.js";

export interface GlobalPoolOptions {
  /** Write the output into this preallocated tensor (N, C, 1, …, 1) and return it. */
  out?: Tensor;
}

function globalCore(op: string, x: Tensor, mode: "max" | "avg", options: GlobalPoolOptions & TraceFlag) {
  checkTensor(op, "x", x);
  const nd = x.rank - 2;
  if (nd < 1) throw new ParameterError(op, "x.shape", x.shape, "must have at least 3 dims (N, C, spatial…)");
  const o = options ?? {};
  return poolOverBins(x, adaptiveGeometry(op, x.shape, nd, 1), mode, Boolean(o.trace), o.out, op);
}

/** Max over all spatial positions of each (N, C) plane. */
export function globalMaxPool(x: Tensor, options: GlobalPoolOptions & TraceOptions): TracedMaxPool<WindowTrace>;
export function globalMaxPool(x: Tensor, options?: GlobalPoolOptions & { trace?: false }): Tensor;
export function globalMaxPool(x: Tensor, options?: GlobalPoolOptions & TraceFlag): Tensor | TracedMaxPool<WindowTrace>;
export function globalMaxPool(
  x: Tensor,
  options: GlobalPoolOptions & TraceFlag = {},
): Tensor | TracedMaxPool<WindowTrace> {
  const core = globalCore("globalMaxPool", x, "max", options);
  if (!options.trace) return core.output;
  return new TracedMaxPool(
    x,
    core.output,
    binsTrace("globalMaxPool", x, core, "max", "global"),
    core.indices as Tensor,
  );
}

/** Mean over all spatial positions of each (N, C) plane. */
export function globalAvgPool(x: Tensor, options: GlobalPoolOptions & TraceOptions): TracedPool<WindowTrace>;
export function globalAvgPool(x: Tensor, options?: GlobalPoolOptions & { trace?: false }): Tensor;
export function globalAvgPool(x: Tensor, options?: GlobalPoolOptions & TraceFlag): Tensor | TracedPool<WindowTrace>;
export function globalAvgPool(
  x: Tensor,
  options: GlobalPoolOptions & TraceFlag = {},
): Tensor | TracedPool<WindowTrace> {
  const core = globalCore("globalAvgPool", x, "avg", options);
  return options.trace
    ? new TracedPool(x, core.output, binsTrace("globalAvgPool", x, core, "avg", "global"))
    : core.output;
}
