/**
 * The trace of a pooling op: how every output cell was computed, described by per-axis geometry and small
 * arrays, never by a list of every window. It travels inside the display payload (since payload version 2;
 * version 3 adds the stripFusion kind), so the renderer can link an output cell to its window. The module is
 * pure data (no Node, no DOM) because the JupyterLab renderer imports it.
 *
 * Reading a trace: an output cell with spatial index (i0, i1, …) pooled the Cartesian product of the windows
 * `axes[a]` gives for `ia` (see windowExtent / axisTaps in geometry/window.ts: a sliding axis is
 * start = i·stride − padBefore with taps start + t·dilation; a bins axis lists [start, end) per output index).
 * Taps outside [0, size) are padding.
 */
import type {
  BASE_FIELDS,
  FromTable,
  ROI_FIELDS,
  ROI_REGION_FIELDS,
  SPP_FIELDS,
  SPP_LEVEL_FIELDS,
  STRIP_FUSION_FIELDS,
  TRACE_KINDS,
  UNPOOL_FIELDS,
  WINDOW_FIELDS,
} from "./traceSchema.js";

export type { AxisWindows, AxisGeometry } from "../geometry/window.js";

export { TRACE_ARRAY_LIMIT } from "./traceSchema.js";

// Every field below is declared, documented and validated once, in traceSchema.ts's tables; these types are
// read off those tables, so the validator and the types cannot disagree.

export type TraceBase = FromTable<typeof BASE_FIELDS>;

/**
 * Sliding-window pooling (max, average, LP, TF same/valid), adaptive and global pooling, and strip pooling:
 * one window per output position, the same for every (N, C) plane.
 */
export interface WindowTrace extends TraceBase, FromTable<typeof WINDOW_FIELDS> {
  kind: "window";
}

/** One level of a spatial pyramid. */
export type SppLevelTrace = FromTable<typeof SPP_LEVEL_FIELDS>;

export interface SppTrace extends TraceBase, FromTable<typeof SPP_FIELDS> {
  kind: "spp";
}

/** One region of interest: its box, the feature-map region it maps to and its bins there. */
export type RoiRegionTrace = FromTable<typeof ROI_REGION_FIELDS>;

export interface RoiTrace extends TraceBase, FromTable<typeof ROI_FIELDS> {
  kind: "roi";
}

/**
 * SPNet's Strip Pooling Module: the two strips and the map they fuse into, per (N, C) plane. The fused map (the
 * attention σ(conv₁ₓ₁(ReLU(expand(conv₃ₓ₁ rows) + expand(conv₁ₓ₃ cols))))) is the traced result's output, so
 * outputShape equals inputShape; fused cell (i, j) is made from row strip i and column strip j (and, through
 * the 3-tap convolutions, their neighbours i ± 1, j ± 1).
 */
export interface StripFusionTrace extends TraceBase, FromTable<typeof STRIP_FUSION_FIELDS> {
  kind: "stripFusion";
}

/**
 * Max unpooling: each input value was written at the flat index the max pooling recorded, inside that pooling's
 * window over this op's output. `axes` is that pooling's geometry over the output (size = the output's, outSize
 * = the input's), so input cell i's window and target are where unpooling may and did put it.
 */
export interface UnpoolTrace extends TraceBase, FromTable<typeof UNPOOL_FIELDS> {
  kind: "unpool";
}

export type PoolTrace = WindowTrace | SppTrace | RoiTrace | StripFusionTrace | UnpoolTrace;

// compile-time: PoolTrace's kinds are exactly the table's (a kind added to TRACE_KINDS needs its type here)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatch: Same<PoolTrace["kind"], keyof typeof TRACE_KINDS> = true;
void kindsMatch;

/**
 * The max pooling an unpool trace inverts, as a window trace of its own (its input is the unpooled output, its
 * output the unpool's input, its argmax the targets): how a renderer or the PNG draws unpooling's windows.
 */
export function unpoolAsWindow(t: UnpoolTrace): WindowTrace {
  const w: WindowTrace = {
    kind: "window",
    family: "sliding",
    reduce: "max",
    op: t.op,
    inputShape: [...t.outputShape],
    outputShape: [...t.inputShape],
    channels: t.channels,
    axes: t.axes,
  };
  if (t.targets) w.argmax = t.targets;
  return w;
}
