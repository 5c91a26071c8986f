/**
 * Backward of adaptive pooling (gradY → gradX), as PyTorch's: adaptive max sends each gradient to its bin's
 * argmax; adaptive average splits it evenly over the bin (bins may overlap, so cells in two bins get both
 * shares).
 */
import { Tensor } from "../../core/tensor.js";
import { adaptivePoolNd, binVolumes, type AdaptivePoolOptions } from "../adaptivePool.js";
import { planAxes, scatterToArgmax, spreadOverPlan } from "../../backend/js/windowPlan.js";
import { checkGradY } from "./checkGrad.js";

type Options = Pick<AdaptivePoolOptions, "outputSize">;

function adaptiveBackwardNd(
  op: string,
  nd: number,
  mode: "max" | "avg",
  gradY: Tensor,
  x: Tensor,
  options: Options,
): Tensor {
  const core = adaptivePoolNd(op, x, nd, mode, { outputSize: options?.outputSize });
  checkGradY(op, gradY, core.output.shape);
  const planes = x.shape[0] * x.shape[1];
  const plan = planAxes(core.axes, op);
  const data =
    mode === "max"
      ? scatterToArgmax(gradY.data, (core.indices as Tensor).data, planes, plan.outPlane, plan.inPlane)
      : spreadOverPlan(gradY.data, planes, plan, binVolumes(core.axes));
  return new Tensor(data, x.shape);
}

export function adaptiveMaxPool1dBackward(gradY: Tensor, x: Tensor, options: Options): Tensor {
  return adaptiveBackwardNd("adaptiveMaxPool1dBackward", 1, "max", gradY, x, options);
}
export function adaptiveMaxPool2dBackward(gradY: Tensor, x: Tensor, options: Options): Tensor {
  return adaptiveBackwardNd("adaptiveMaxPool2dBackward", 2, "max", gradY, x, options);
}
export function adaptiveMaxPool3dBackward(gradY: Tensor, x: Tensor, options: Options): Tensor {
  return adaptiveBackwardNd("adaptiveMaxPool3dBackward", 3, "max", gradY, x, options);
}
export function adaptiveAvgPool1dBackward(gradY: Tensor, x: Tensor, options: Options): Tensor {
  return adaptiveBackwardNd("adaptiveAvgPool1dBackward", 1, "avg", gradY, x, options);
}
export function adaptiveAvgPool2dBackward(gradY: Tensor, x: Tensor, options: Options): Tensor {
  return adaptiveBackwardNd("adaptiveAvgPool2dBackward", 2, "avg", gradY, x, options);
}
export function adaptiveAvgPool3dBackward(gradY: Tensor, x: Tensor, options: Options): Tensor {
  return adaptiveBackwardNd("adaptiveAvgPool3dBackward", 3, "avg", gradY, x, options);
}
