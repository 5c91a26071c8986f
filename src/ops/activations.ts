/** Element-wise activations used around pooling (a CNN stage, the strip pooling module). */
import { checkTensor } from "../geometry/params.js";
import { Tensor } from "../core/tensor.js";

/** max(x, 0); NaN stays NaN, as torch.relu. */
export function relu(x: Tensor): Tensor {
  checkTensor("relu", "x", x);
  return new Tensor(
    x.data.map((v) => (v < 0 ? 0 : v)),
    x.shape,
  );
}

/** 1 / (1 + e^−x). */
export function sigmoid(x: Tensor): Tensor {
  checkTensor("sigmoid", "x", x);
  return new Tensor(
    x.data.map((v) => 1 / (1 + Math.exp(-v))),
    x.shape,
  );
}
