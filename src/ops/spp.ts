/**
 * Spatial pyramid pooling (SPP-net): pool (N, C, H, W) at every pyramid level, flatten each sample channel-
 * major, and concatenate the levels, giving N × C·Σ(bins). The output length depends only on C and the
 * levels (not on H, W) for the "adaptive" and "corrected" rules; the "paper" rule's real bin counts are in the
 * trace (and in sppBins). See geometry/spp.ts for the three rules.
 */
import { ParameterError } from "../core/errors.js";
import { checkTensor, spatialShape } from "../geometry/params.js";
import { SPP_RULES, sppLevelAxis, type SppRule } from "../geometry/spp.js";
import { axisOutSize, type AxisGeometry, type AxisWindows } from "../geometry/window.js";
import { Tensor } from "../core/tensor.js";
import { allocValues } from "../core/storage.js";
import { smallArray, TracedPool } from "../trace/result.js";
import type { SppLevelTrace, SppTrace } from "../wire/traceTypes.js";
import { binVolumes } from "./adaptivePool.js";
import { avgDivisors } from "./avgPool.js";
import { tryFast } from "../backend/index.js";
import { binRanges } from "../backend/wasm/dispatch.js";
import type { Ranges } from "../backend/wasm/kernels.js";
import { checkOut } from "./out.js";
import { sppTable } from "../backend/wasm/sppTable.js";
import { maxOverPlan, meanOverPlan, planAxes } from "../backend/js/windowPlan.js";
import type { TraceFlag, TraceOptions } from "./resultOptions.js";

export interface SppOptions {
  /** Bins per level: n for n×n, or [nh, nw]. E.g. [4, 2, 1] (21 bins) or [6, 3, 2, 1] (50 bins). */
  levels: readonly (number | readonly [number, number])[];
  /** Default "max", as in the paper. */
  mode?: "max" | "avg";
  /** Default "adaptive". */
  rule?: SppRule;
  /** Write the output (N, C·Σ bins) into this preallocated tensor and return it. */
  out?: Tensor;
}

const OP = "spatialPyramidPool";

export function spatialPyramidPool(x: Tensor, options: SppOptions & TraceOptions): TracedPool<SppTrace>;
export function spatialPyramidPool(x: Tensor, options: SppOptions & { trace?: false }): Tensor;
export function spatialPyramidPool(x: Tensor, options: SppOptions & TraceFlag): Tensor | TracedPool<SppTrace>;
export function spatialPyramidPool(x: Tensor, options: SppOptions & TraceFlag): Tensor | TracedPool<SppTrace> {
  checkTensor(OP, "x", x);
  if (typeof options !== "object" || options === null)
    throw new ParameterError(OP, "options", options, "must be an object with levels");
  const [height, width] = spatialShape(OP, x.shape, 2);
  const mode = options.mode ?? "max";
  if (mode !== "max" && mode !== "avg") throw new ParameterError(OP, "mode", mode, 'must be "max" or "avg"');
  const rule = options.rule ?? "adaptive";
  if (!SPP_RULES.includes(rule))
    throw new ParameterError(OP, "rule", rule, `must be one of ${SPP_RULES.map((r) => `"${r}"`).join(", ")}`);
  if (!Array.isArray(options.levels) || options.levels.length === 0) {
    throw new ParameterError(OP, "levels", options.levels, "must be a non-empty list of bin counts, e.g. [4, 2, 1]");
  }
  const [n, c] = x.shape;
  const planes = n * c;
  const plan = sppPlan(height, width, options.levels, rule, mode);
  const perSample = c * plan.bins;
  const out = checkOut(OP, options.out, [n, perSample]);
  // the fast path skips the argmax, which only a trace shows
  const fast =
    plan.table !== null && !(mode === "max" && options.trace)
      ? tryFast("sppPool", x.data, n, c, height, width, plan.table, plan.levels.length, plan.bins, mode, out?.data)
      : null;
  let y: Float32Array;
  const argmaxes: (Int32Array | undefined)[] = plan.levels.map(() => undefined);
  if (fast) y = fast;
  else {
    y = out ? out.data : allocValues(OP, n * perSample, false);
    plan.levels.forEach((level, li) => {
      let values: Float32Array;
      if (mode === "max") {
        const r = maxOverPlan(x.data, planes, planAxes(level.axes, OP));
        values = r.values;
        argmaxes[li] = r.indices;
      } else values = meanOverPlan(x.data, planes, planAxes(level.axes, OP), level.divisors as Float32Array);
      const cells = c * level.bins[0] * level.bins[1];
      // (N, C, bh, bw) row-major is already channel-major within a sample: copy each sample's block.
      const offset = c * level.before;
      for (let b = 0; b < n; b++) y.set(values.subarray(b * cells, (b + 1) * cells), b * perSample + offset);
    });
  }
  const output = out ?? new Tensor(y, [n, perSample]);
  if (!options.trace) return output;
  const traces = plan.levels.map((level, li): SppLevelTrace => {
    const t: SppLevelTrace = {
      requested: level.requested,
      bins: level.bins,
      offset: c * level.before,
      axes: level.axes,
    };
    const am = argmaxes[li] && smallArray(argmaxes[li] as Int32Array);
    if (am) t.argmax = am;
    return t;
  });
  const trace: SppTrace = {
    kind: "spp",
    op: OP,
    inputShape: [...x.shape],
    outputShape: [...output.shape],
    channels: "first",
    mode,
    rule,
    levels: traces,
  };
  return new TracedPool(x, output, trace);
}

interface SppLevelPlan {
  requested: [number, number];
  axes: AxisWindows[];
  bins: [number, number];
  divisors: Float32Array | null;
  /** Bins of the levels before this one, per channel: its offset in a sample's row is c times this. */
  before: number;
}

interface SppPlan {
  levels: SppLevelPlan[];
  /** Σ bins over the levels (per channel). */
  bins: number;
  /** The wasm kernel's level table, or null when some level's windows are not plain rectangles. */
  table: Int32Array | null;
}

/** Plans depend only on (H, W, levels, rule, mode): a small cache spares repeated calls the window maths. */
const plans = new Map<string, SppPlan>();
const PLAN_CACHE = 64;

function sppPlan(
  height: number,
  width: number,
  levels: SppOptions["levels"],
  rule: SppRule,
  mode: "max" | "avg",
): SppPlan {
  const key = `${height},${width},${rule},${mode},${JSON.stringify(levels)}`;
  const hit = plans.get(key);
  if (hit) return hit;
  const planned = levels.map((lv, i): SppLevelPlan => {
    const [nh, nw] = typeof lv === "number" ? [lv, lv] : Array.isArray(lv) && lv.length === 2 ? lv : [NaN, NaN];
    if (Number.isNaN(nh)) throw new ParameterError(OP, "levels", lv, `level ${i} must be a number or [nh, nw]`);
    const axes: AxisWindows[] = [sppLevelAxis(OP, height, nh, rule, i, "H"), sppLevelAxis(OP, width, nw, rule, i, "W")];
    const divisors =
      mode === "max"
        ? null
        : axes[0].kind === "sliding" && axes[1].kind === "sliding"
          ? avgDivisors(
              OP,
              axes.map((a) => (a as { geometry: AxisGeometry }).geometry),
              { countIncludePad: true },
            )
          : binVolumes(axes);
    return { requested: [nh, nw], axes, bins: [axisOutSize(axes[0]), axisOutSize(axes[1])], divisors, before: 0 };
  });
  planned.reduce((sum, l) => ((l.before = sum), sum + l.bins[0] * l.bins[1]), 0);
  const ranges = planned.map((l) => binRanges(l.axes));
  const table = ranges.every((r) => r !== null)
    ? sppTable(
        planned.map((l, i) => ({ nh: l.bins[0], nw: l.bins[1], ranges: ranges[i] as Ranges, divisors: l.divisors })),
        mode,
      )
    : null;
  const plan = { levels: planned, bins: planned.reduce((s, l) => s + l.bins[0] * l.bins[1], 0), table };
  if (plans.size >= PLAN_CACHE) plans.clear();
  plans.set(key, plan);
  return plan;
}
