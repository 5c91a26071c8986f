/**
 * Backward of average pooling (gradY → gradX), as PyTorch's avg_pool*d backward: each output's gradient is
 * divided by that window's divisor (the same one the forward used) and added to every in-bounds cell of the
 * window; padded cells absorb their share, which is why borders get less with countIncludePad.
 */
import { Tensor } from "../../core/tensor.js";
import { avgPoolNd, type AvgPoolOptions } from "../avgPool.js";
import { toChannelsFirst, toChannelsLast } from "../layout.js";
import { planWindows, spreadOverPlan } from "../../backend/js/windowPlan.js";
import { checkGradY } from "./checkGrad.js";

/** The forward options; `trace` is not among them, so there is nothing to leave out. */
export type AvgPoolBackwardOptions = AvgPoolOptions;

function avgPoolBackwardNd(op: string, nd: number, gradY: Tensor, x: Tensor, options: AvgPoolBackwardOptions): Tensor {
  const core = avgPoolNd(op, x, nd, options);
  checkGradY(op, gradY, core.output.shape);
  const g = core.channelsLast ? toChannelsFirst(gradY, op) : gradY;
  const planes = g.shape[0] * g.shape[1];
  const data = spreadOverPlan(g.data, planes, planWindows(core.axes), core.divisors);
  const gradX = new Tensor(data, [g.shape[0], g.shape[1], ...core.axes.map((a) => a.size)]);
  return core.channelsLast ? toChannelsLast(gradX, op) : gradX;
}

/** gradX of avgPool1d(x, options) given gradY. */
export function avgPool1dBackward(gradY: Tensor, x: Tensor, options: AvgPoolBackwardOptions): Tensor {
  return avgPoolBackwardNd("avgPool1dBackward", 1, gradY, x, options);
}

/** gradX of avgPool2d(x, options) given gradY. */
export function avgPool2dBackward(gradY: Tensor, x: Tensor, options: AvgPoolBackwardOptions): Tensor {
  return avgPoolBackwardNd("avgPool2dBackward", 2, gradY, x, options);
}

/** gradX of avgPool3d(x, options) given gradY. */
export function avgPool3dBackward(gradY: Tensor, x: Tensor, options: AvgPoolBackwardOptions): Tensor {
  return avgPoolBackwardNd("avgPool3dBackward", 3, gradY, x, options);
}
