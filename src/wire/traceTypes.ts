/**
 * The trace of a pooling op: how every output cell was computed, described by per-axis geometry and small
 * arrays, never by a list of every window. It travels inside the display payload (since payload version 2;
 * version 3 adds the stripFusion kind), so the renderer can link an output cell to its window. The module is
 * pure data (no Node, no DOM) because the JupyterLab renderer imports it.
 *
 * Reading a trace: an output cell with spatial index (i0, i1, …) pooled the Cartesian product of the windows
 * `axes[a]` gives for `ia` (see windowExtent / axisTaps in shape/window.ts: a sliding axis is
 * start = i·stride − padBefore with taps start + t·dilation; a bins axis lists [start, end) per output index).
 * Taps outside [0, size) are padding.
 */
import type { AxisWindows } from "../geometry/window.js";

export type { AxisWindows, AxisGeometry } from "../geometry/window.js";

/** Arrays longer than this are left out of a trace (the renderer can recompute them from the geometry). */
export const TRACE_ARRAY_LIMIT = 65536;

export interface TraceBase {
  /** The public op that produced the output, e.g. "maxPool2d". */
  op: string;
  /** Shapes as laid out in memory. */
  inputShape: number[];
  outputShape: number[];
  /** "first": (N, C, spatial…), PyTorch; "last": (N, spatial…, C), TensorFlow/Keras. */
  channels: "first" | "last";
}

/**
 * Sliding-window pooling (max, average, LP, TF same/valid), adaptive and global pooling, and strip pooling:
 * one window per output position, the same for every (N, C) plane.
 */
export interface WindowTrace extends TraceBase {
  kind: "window";
  /** Which family of windows: sliding (kernel/stride/padding), adaptive bins, global (one bin), strips. */
  family: "sliding" | "adaptive" | "global" | "strip";
  /** How a window is reduced. */
  reduce: "max" | "avg" | "lp";
  /** One entry per spatial axis. */
  axes: AxisWindows[];
  /** Strip pooling: "horizontal" averages each row (H×1), "vertical" each column (1×W). */
  strip?: "horizontal" | "vertical";
  /**
   * Max pooling: for output element k (the output's own row-major order), the row-major spatial offset of the
   * winning input cell within its plane (PyTorch's indices). Left out above TRACE_ARRAY_LIMIT elements.
   */
  argmax?: number[];
  /**
   * Average pooling: the divisor of each output position of one plane (row-major over the output's spatial
   * dims), shared by all planes; 0 marks a window with no input cell. Left out above TRACE_ARRAY_LIMIT.
   */
  divisors?: number[];
  /** Average pooling: whether padded cells count in the divisor, or a fixed divisorOverride. */
  countIncludePad?: boolean;
  divisorOverride?: number;
  /**
   * LP pooling: p ("Infinity" / "-Infinity" for the max / min of |x|, as JSON cannot hold them), and the factor
   * PyTorch multiplies the in-window mean by (the full kernel volume).
   */
  normType?: number | "Infinity" | "-Infinity";
  lpScale?: number;
}

/** One level of a spatial pyramid. */
export interface SppLevelTrace {
  /** The requested bins per axis (n, or [nh, nw]). */
  requested: [number, number];
  /** The bins the rule really produced per axis (the paper rule can give more than requested). */
  bins: [number, number];
  /** Where this level's features start in a sample's output row (channel-major: offset + c·bh·bw + i·bw + j). */
  offset: number;
  axes: AxisWindows[];
  /** Max mode: argmax per output element of this level in (N, C, bh, bw) order, within the H×W plane. */
  argmax?: number[];
}

export interface SppTrace extends TraceBase {
  kind: "spp";
  mode: "max" | "avg";
  rule: "adaptive" | "paper" | "corrected";
  levels: SppLevelTrace[];
}

/** One region of interest: its box, the feature-map region it maps to and its bins there. */
export interface RoiRegionTrace {
  batchIndex: number;
  /** [x1, y1, x2, y2] as given, in input-image coordinates. */
  box: [number, number, number, number];
  /**
   * The box on the feature map, per axis (H, W): [start, end) after scaling by spatialScale and rounding, before
   * clipping to the map (it may reach off it). Optional: traces saved before it was added leave it out.
   */
  rect?: [[number, number], [number, number]];
  /**
   * Bins on the feature map per axis (H, W), already shifted by the region start and clipped to the map. For
   * RoIAlign, the hull of the cells each bin's samples weigh ([0, 0] when none is on the map).
   */
  axes: AxisWindows[];
  /**
   * RoIAlign only: the box on the map as continuous edges per axis (H, W), in cell units (cell i spans
   * [i, i + 1)), so a renderer draws it where the samples see it.
   */
  edges?: [[number, number], [number, number]];
  /**
   * RoIAlign only: per axis (H, W), per bin, the sample coordinates (cell i's centre is at i). A bin averages
   * the bilinear reads at every (y, x) pair of its row and column samples; a sample beyond the map's one-cell
   * margin (coordinate < −1 or > size) reads 0.
   */
  samples?: [number[][], number[][]];
}

export interface RoiTrace extends TraceBase {
  kind: "roi";
  /** "max": RoI pooling (roiPool); "align": RoIAlign's average of bilinear samples. Absent in older traces: max. */
  mode?: "max" | "align";
  spatialScale: number;
  /** RoIAlign: samples per bin per axis as asked (≤ 0: adaptive), and whether boxes were shifted by −0.5. */
  samplingRatio?: number;
  aligned?: boolean;
  regions: RoiRegionTrace[];
  /** Argmax per output element (K, C, ph, pw) within the H×W plane; −1 for an empty bin (output 0). */
  argmax?: number[];
}

/**
 * SPNet's Strip Pooling Module: the two strips and the map they fuse into, per (N, C) plane. The fused map (the
 * attention σ(conv₁ₓ₁(ReLU(expand(conv₃ₓ₁ rows) + expand(conv₁ₓ₃ cols))))) is the traced result's output, so
 * outputShape equals inputShape; fused cell (i, j) is made from row strip i and column strip j (and, through
 * the 3-tap convolutions, their neighbours i ± 1, j ± 1).
 */
export interface StripFusionTrace extends TraceBase {
  kind: "stripFusion";
  /**
   * Row means, the H×1 strip: (N, C, H) row-major, as base64 of little-endian float32 like the payload's data
   * (exact, and NaN / ±Inf survive JSON). Left out above TRACE_ARRAY_LIMIT values.
   */
  rows?: string;
  /** Column means, the 1×W strip: (N, C, W) row-major, encoded the same way. Left out above TRACE_ARRAY_LIMIT. */
  cols?: string;
  /** Taps of the strip convolutions along the strip (3 in SPNet: fused row i reads rows i − 1 … i + 1). */
  taps: number;
  /** Channels between the strip convolutions and the 1×1 convolution. */
  midChannels: number;
}

/**
 * Max unpooling: each input value was written at the flat index the max pooling recorded, inside that pooling's
 * window over this op's output. `axes` is that pooling's geometry over the output (size = the output's, outSize
 * = the input's), so input cell i's window and target are where unpooling may and did put it.
 */
export interface UnpoolTrace extends TraceBase {
  kind: "unpool";
  axes: AxisWindows[];
  /**
   * For input element k (row-major over N, C, spatial), the flat spatial index in the output it was written to
   * (the indices given). Left out above TRACE_ARRAY_LIMIT elements.
   */
  targets?: number[];
}

export type PoolTrace = WindowTrace | SppTrace | RoiTrace | StripFusionTrace | UnpoolTrace;

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
