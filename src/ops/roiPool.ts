/**
 * RoI max pooling, as torchvision.ops.roi_pool: regions of one shared feature map (N, C, H, W), given as rows
 * [batchIndex, x1, y1, x2, y2] in input-image coordinates, each max-pooled to outputSize bins → (K, C, ph, pw).
 * This is how SPP-net and Fast R-CNN pool detection proposals from a single convolutional pass. An empty bin
 * (the box lies off the map) gives 0. Unlike max pooling a NaN never wins (torchvision compares with `>`).
 */
import type { PerDim } from "../geometry/params.js";
import { roiAxisBins, roiAxisSpan } from "../geometry/roi.js";
import { Tensor } from "../core/tensor.js";
import { allocValues } from "../core/storage.js";
import { roiArgs, roiRow } from "./roiArgs.js";
import { smallArray, TracedMaxPool } from "../trace/result.js";
import type { RoiRegionTrace, RoiTrace } from "../wire/traceTypes.js";
import { planAxes } from "../backend/js/windowPlan.js";
import type { TraceFlag, TraceOptions } from "./resultOptions.js";

export interface RoiPoolOptions {
  /** Bins per region: [ph, pw] or a scalar. */
  outputSize: PerDim;
  /** Maps box coordinates onto the feature map, e.g. 1/16 for a stride-16 backbone. Default 1. */
  spatialScale?: number;
  /** With `trace`: a name per row of boxes (e.g. "cat"), shown on its box and bins; default, its index. */
  names?: readonly string[];
}

const OP = "roiPool";
const FLT_MAX = 3.4028234663852886e38;

export function roiPool(x: Tensor, boxes: Tensor, options: RoiPoolOptions & TraceOptions): TracedMaxPool<RoiTrace>;
export function roiPool(x: Tensor, boxes: Tensor, options: RoiPoolOptions & { trace?: false }): Tensor;
export function roiPool(
  x: Tensor,
  boxes: Tensor,
  options: RoiPoolOptions & TraceFlag,
): Tensor | TracedMaxPool<RoiTrace>;
export function roiPool(
  x: Tensor,
  boxes: Tensor,
  options: RoiPoolOptions & TraceFlag,
): Tensor | TracedMaxPool<RoiTrace> {
  const { n, c, height, width, k, ph, pw, spatialScale: scale, names } = roiArgs(OP, x, boxes, options);
  const plane = height * width;
  const out = allocValues("roiPool", k * c * ph * pw);
  const argmax = new Int32Array(out.length);
  const regions: RoiRegionTrace[] = [];
  for (let r = 0; r < k; r++) {
    const row = roiRow(OP, boxes, r, n);
    const batch = row[0];
    const axes = [roiAxisBins(row[2], row[4], scale, ph, height), roiAxisBins(row[1], row[3], scale, pw, width)];
    regions.push({
      batchIndex: batch,
      box: [row[1], row[2], row[3], row[4]],
      rect: [roiAxisSpan(row[2], row[4], scale), roiAxisSpan(row[1], row[3], scale)],
      axes,
    });
    const plan = planAxes(axes, OP);
    for (let ch = 0; ch < c; ch++) {
      const inBase = (batch * c + ch) * plane;
      const outBase = (r * c + ch) * ph * pw;
      for (let o = 0; o < ph * pw; o++) {
        const t0 = plan.tapStart[o];
        const t1 = plan.tapStart[o + 1];
        let best = t1 > t0 ? -FLT_MAX : 0;
        let idx = -1;
        for (let t = t0; t < t1; t++) {
          const v = x.data[inBase + plan.taps[t]];
          if (v > best) {
            best = v;
            idx = plan.taps[t];
          }
        }
        out[outBase + o] = best;
        argmax[outBase + o] = idx;
      }
    }
  }
  const output = new Tensor(out, [k, c, ph, pw]);
  if (!options.trace) return output;
  const trace: RoiTrace = {
    kind: "roi",
    op: OP,
    inputShape: [...x.shape],
    outputShape: [...output.shape],
    channels: "first",
    spatialScale: scale,
    regions,
  };
  if (names) trace.names = names;
  const am = smallArray(argmax);
  if (am) trace.argmax = am;
  return new TracedMaxPool(x, output, trace, new Tensor(Float32Array.from(argmax), output.shape));
}
