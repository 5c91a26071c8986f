/**
 * RoI max pooling, as torchvision.ops.roi_pool: regions of one shared feature map (N, C, H, W), given as rows
 * [batchIndex, x1, y1, x2, y2] in input-image coordinates, each max-pooled to outputSize bins → (K, C, ph, pw).
 * This is how SPP-net and Fast R-CNN pool detection proposals from a single convolutional pass. An empty bin
 * (the box lies off the map) gives 0. Unlike max pooling a NaN never wins (torchvision compares with `>`).
 */
import { ParameterError } from "../errors.js";
import { checkTensor, expandParam, spatialShape, type PerDim } from "../shape/params.js";
import { roiAxisBins, roiAxisSpan } from "../shape/roi.js";
import { Tensor } from "../tensor.js";
import { smallArray, TracedMaxPool } from "../trace/result.js";
import type { RoiRegionTrace, RoiTrace } from "../trace/types.js";
import { planAxes } from "./windowPlan.js";

export interface RoiPoolOptions {
  /** Bins per region: [ph, pw] or a scalar. */
  outputSize: PerDim;
  /** Maps box coordinates onto the feature map, e.g. 1/16 for a stride-16 backbone. Default 1. */
  spatialScale?: number;
  /** Return a TracedMaxPool (every region's bins, argmax). */
  trace?: boolean;
}

const OP = "roiPool";
const FLT_MAX = 3.4028234663852886e38;

export function roiPool(x: Tensor, boxes: Tensor, options: RoiPoolOptions & { trace: true }): TracedMaxPool<RoiTrace>;
export function roiPool(x: Tensor, boxes: Tensor, options: RoiPoolOptions & { trace?: false }): Tensor;
export function roiPool(x: Tensor, boxes: Tensor, options: RoiPoolOptions): Tensor | TracedMaxPool<RoiTrace>;
export function roiPool(x: Tensor, boxes: Tensor, options: RoiPoolOptions): Tensor | TracedMaxPool<RoiTrace> {
  checkTensor(OP, "x", x);
  checkTensor(OP, "boxes", boxes);
  const [height, width] = spatialShape(OP, x.shape, 2);
  if (boxes.rank !== 2 || boxes.shape[1] !== 5) {
    throw new ParameterError(OP, "boxes.shape", boxes.shape, "must be [K, 5], rows [batchIndex, x1, y1, x2, y2]");
  }
  if (typeof options !== "object" || options === null)
    throw new ParameterError(OP, "options", options, "must be an object with outputSize");
  const [ph, pw] = expandParam(OP, "outputSize", options.outputSize, 2, 1);
  const scale = options.spatialScale ?? 1;
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0) {
    throw new ParameterError(OP, "spatialScale", scale, "must be a positive number");
  }
  const [n, c] = x.shape;
  const k = boxes.shape[0];
  const plane = height * width;
  const out = new Float32Array(k * c * ph * pw);
  const argmax = new Int32Array(out.length);
  const regions: RoiRegionTrace[] = [];
  for (let r = 0; r < k; r++) {
    const row = boxes.data.subarray(r * 5, r * 5 + 5);
    const batch = row[0];
    if (!Number.isInteger(batch) || batch < 0 || batch >= n) {
      throw new ParameterError(OP, "boxes", [...row], `row ${r}: batch index must be a whole number in [0, ${n})`);
    }
    const axes = [roiAxisBins(row[2], row[4], scale, ph, height), roiAxisBins(row[1], row[3], scale, pw, width)];
    regions.push({
      batchIndex: batch,
      box: [row[1], row[2], row[3], row[4]],
      rect: [roiAxisSpan(row[2], row[4], scale), roiAxisSpan(row[1], row[3], scale)],
      axes,
    });
    const plan = planAxes(axes);
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
  const am = smallArray(argmax);
  if (am) trace.argmax = am;
  return new TracedMaxPool(x, output, trace, new Tensor(Float32Array.from(argmax), output.shape));
}
