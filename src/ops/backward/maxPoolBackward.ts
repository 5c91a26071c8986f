/**
 * Backward of max pooling (gradY → gradX), as PyTorch's max_pool*d backward: each output's gradient goes to
 * the input cell that won its window; a cell that wins several overlapping windows collects all their
 * gradients, and a cell that never wins gets 0. This is "where the gradient goes".
 */
import { Tensor } from "../../core/tensor.js";
import { toChannelsFirst, toChannelsLast } from "../layout.js";
import { maxPoolNd, type MaxPoolOptions } from "../maxPool.js";
import { scatterToArgmax } from "../../backend/js/windowPlan.js";
import { checkGradY } from "./checkGrad.js";

/** The forward options; the result flags are not among them, so there is nothing to leave out. */
export type MaxPoolBackwardOptions = MaxPoolOptions;

function maxPoolBackwardNd(op: string, nd: number, gradY: Tensor, x: Tensor, options: MaxPoolBackwardOptions): Tensor {
  const core = maxPoolNd(op, x, nd, options);
  checkGradY(op, gradY, core.output.shape);
  const g = core.channelsLast ? toChannelsFirst(gradY, op) : gradY;
  const ind = core.channelsLast ? toChannelsFirst(core.indices, op) : core.indices;
  const planes = g.shape[0] * g.shape[1];
  const inPlane = core.axes.reduce((n, a) => n * a.size, 1);
  const outPlane = core.axes.reduce((n, a) => n * a.outSize, 1);
  const gradX = new Tensor(scatterToArgmax(g.data, ind.data, planes, outPlane, inPlane), [
    g.shape[0],
    g.shape[1],
    ...core.axes.map((a) => a.size),
  ]);
  return core.channelsLast ? toChannelsLast(gradX, op) : gradX;
}

/** gradX of maxPool1d(x, options) given gradY. */
export function maxPool1dBackward(gradY: Tensor, x: Tensor, options: MaxPoolBackwardOptions): Tensor {
  return maxPoolBackwardNd("maxPool1dBackward", 1, gradY, x, options);
}

/** gradX of maxPool2d(x, options) given gradY. */
export function maxPool2dBackward(gradY: Tensor, x: Tensor, options: MaxPoolBackwardOptions): Tensor {
  return maxPoolBackwardNd("maxPool2dBackward", 2, gradY, x, options);
}

/** gradX of maxPool3d(x, options) given gradY. */
export function maxPool3dBackward(gradY: Tensor, x: Tensor, options: MaxPoolBackwardOptions): Tensor {
  return maxPoolBackwardNd("maxPool3dBackward", 3, gradY, x, options);
}
