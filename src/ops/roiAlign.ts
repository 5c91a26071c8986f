/**
 * RoIAlign, as torchvision.ops.roi_align (Mask R-CNN): like RoI pooling, regions of one feature map (N, C, H, W)
 * given as rows [batchIndex, x1, y1, x2, y2] become (K, C, ph, pw), but nothing is rounded. The scaled box is cut
 * into equal bins, each bin averages gy × gx bilinear samples, so a box moved by a fraction of a cell moves the
 * output too (RoI pooling's rounding is what Mask R-CNN removed). `aligned: true` shifts boxes by −0.5 so that
 * a box edge at pixel x lies on cell x's edge (Detectron2); the default is the legacy op.
 */
import { ParameterError } from "../core/errors.js";
import type { PerDim } from "../geometry/params.js";
import { alignBinSpan, roiAlignAxis, type AlignAxis } from "../geometry/roi.js";
import { Tensor } from "../core/tensor.js";
import { allocValues } from "../core/storage.js";
import { roiArgs, roiRow } from "./roiArgs.js";
import { TracedPool } from "../trace/result.js";
import { TRACE_ARRAY_LIMIT, type RoiRegionTrace, type RoiTrace } from "../wire/traceTypes.js";
import type { TraceFlag, TraceOptions } from "./resultOptions.js";

export interface RoiAlignOptions {
  /** Bins per region: [ph, pw] or a scalar. */
  outputSize: PerDim;
  /** Maps box coordinates onto the feature map, e.g. 1/16 for a stride-16 backbone. Default 1. */
  spatialScale?: number;
  /** With `trace`: a name per row of boxes (e.g. "cat"), shown on its box and bins; default, its index. */
  names?: readonly string[];
  /** Samples per bin along each axis; ≤ 0 (default −1) picks ⌈bin size⌉ per region and axis. */
  samplingRatio?: number;
  /** Shift boxes by −0.5 (pixel-aligned, Detectron2). Default false, the legacy op. */
  aligned?: boolean;
}

const OP = "roiAlign";
const f = Math.fround;

export function roiAlign(x: Tensor, boxes: Tensor, options: RoiAlignOptions & TraceOptions): TracedPool<RoiTrace>;
export function roiAlign(x: Tensor, boxes: Tensor, options: RoiAlignOptions & { trace?: false }): Tensor;
export function roiAlign(x: Tensor, boxes: Tensor, options: RoiAlignOptions & TraceFlag): Tensor | TracedPool<RoiTrace>;
export function roiAlign(
  x: Tensor,
  boxes: Tensor,
  options: RoiAlignOptions & TraceFlag,
): Tensor | TracedPool<RoiTrace> {
  const { n, c, height, width, k, ph, pw, spatialScale: scale, names } = roiArgs(OP, x, boxes, options);
  const ratio = options.samplingRatio ?? -1;
  if (!Number.isInteger(ratio)) {
    throw new ParameterError(OP, "samplingRatio", ratio, "must be a whole number (≤ 0 for adaptive)");
  }
  const aligned = options.aligned ?? false;
  if (typeof aligned !== "boolean") throw new ParameterError(OP, "aligned", aligned, "must be true or false");
  const plane = height * width;
  const out = allocValues("roiAlign", k * c * ph * pw);
  const regions: RoiRegionTrace[] = [];
  for (let r = 0; r < k; r++) {
    const row = roiRow(OP, boxes, r, n);
    const batch = row[0];
    const ys = roiAlignAxis(row[2], row[4], scale, ph, height, ratio, aligned);
    const xs = roiAlignAxis(row[1], row[3], scale, pw, width, ratio, aligned);
    const count = Math.max(ys.grid * xs.grid, 1);
    for (let bi = 0; bi < ph; bi++) {
      for (let bj = 0; bj < pw; bj++) {
        const taps = binTaps(ys, xs, bi, bj, width);
        for (let ch = 0; ch < c; ch++) {
          const base = (batch * c + ch) * plane;
          let acc = 0;
          // torchvision's order: the four weighted reads summed left to right, then added to the bin's total
          for (let t = 0; t < taps.pos.length; t += 4) {
            let s = f(taps.w[t] * x.data[base + taps.pos[t]]);
            s = f(s + f(taps.w[t + 1] * x.data[base + taps.pos[t + 1]]));
            s = f(s + f(taps.w[t + 2] * x.data[base + taps.pos[t + 2]]));
            s = f(s + f(taps.w[t + 3] * x.data[base + taps.pos[t + 3]]));
            acc = f(acc + s);
          }
          out[((r * c + ch) * ph + bi) * pw + bj] = f(acc / count);
        }
      }
    }
    if (options.trace) regions.push(regionTrace(row, ys, xs, height, width));
  }
  const output = new Tensor(out, [k, c, ph, pw]);
  if (!options.trace) return output;
  // sample points, like every trace array, stay out of a trace past TRACE_ARRAY_LIMIT (boxes and bins remain)
  const points = regions.reduce((t, r) => t + r.samples![0].flat().length + r.samples![1].flat().length, 0);
  if (points > TRACE_ARRAY_LIMIT) for (const r of regions) delete r.samples;
  const trace: RoiTrace = {
    kind: "roi",
    mode: "align",
    op: OP,
    inputShape: [...x.shape],
    outputShape: [...output.shape],
    channels: "first",
    spatialScale: scale,
    samplingRatio: ratio,
    aligned,
    regions,
  };
  if (names) trace.names = names;
  return new TracedPool(x, output, trace);
}

/**
 * The reads of bin (bi, bj): four (cell, weight) pairs per sample, row samples outer. A sample off the map reads
 * cell 0 with weight 0, as torchvision does, so a NaN there still reaches the output (0·NaN).
 */
function binTaps(ys: AlignAxis, xs: AlignAxis, bi: number, bj: number, width: number) {
  const pos: number[] = [];
  const w: number[] = [];
  for (const sy of ys.bins[bi]) {
    for (const sx of xs.bins[bj]) {
      if (!sy.inside || !sx.inside) {
        pos.push(0, 0, 0, 0);
        w.push(0, 0, 0, 0);
        continue;
      }
      const hy = f(1 - sy.frac);
      const hx = f(1 - sx.frac);
      pos.push(sy.low * width + sx.low, sy.low * width + sx.high, sy.high * width + sx.low, sy.high * width + sx.high);
      w.push(f(hy * hx), f(hy * sx.frac), f(sy.frac * hx), f(sy.frac * sx.frac));
    }
  }
  return { pos, w };
}

function regionTrace(row: Float32Array, ys: AlignAxis, xs: AlignAxis, height: number, width: number): RoiRegionTrace {
  // continuous edges in cell units: sample coordinate v sits at v + 0.5 (cell i's centre)
  const edges = (a: AlignAxis): [number, number] => [a.start + 0.5, a.start + a.extent + 0.5];
  const ey = edges(ys);
  const ex = edges(xs);
  const bins = (a: AlignAxis, size: number) => ({ kind: "bins" as const, size, bins: a.bins.map(alignBinSpan) });
  return {
    batchIndex: row[0],
    box: [row[1], row[2], row[3], row[4]],
    rect: [
      [Math.floor(ey[0]), Math.ceil(ey[1])],
      [Math.floor(ex[0]), Math.ceil(ex[1])],
    ],
    edges: [ey, ex],
    axes: [bins(ys, height), bins(xs, width)],
    samples: [ys.bins.map((b) => b.map((s) => s.coord)), xs.bins.map((b) => b.map((s) => s.coord))],
  };
}
