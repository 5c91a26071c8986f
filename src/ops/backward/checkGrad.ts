/** Shared edge checks of the backward passes: gradY must have the forward output's shape. */
import { ParameterError } from "../../core/errors.js";
import { checkTensor } from "../../geometry/params.js";
import type { Tensor } from "../../core/tensor.js";

export function checkGradY(op: string, gradY: Tensor, outShape: readonly number[]): void {
  checkTensor(op, "gradY", gradY);
  if (gradY.shape.length !== outShape.length || gradY.shape.some((d, i) => d !== outShape[i])) {
    throw new ParameterError(
      op,
      "gradY.shape",
      gradY.shape,
      `must equal the forward output shape [${outShape.join(", ")}]`,
    );
  }
}
