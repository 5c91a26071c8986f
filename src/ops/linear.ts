/**
 * A dense layer, as PyTorch's F.linear: y = x·Wᵀ + b, x (…, in), weight (out, in), bias (out). What an SPP or
 * global-pooling output feeds into.
 */
import { ParameterError } from "../core/errors.js";
import { checkTensor } from "../geometry/params.js";
import { Tensor } from "../core/tensor.js";
import { allocValues } from "../core/storage.js";

const OP = "linear";

export function linear(x: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  checkTensor(OP, "x", x);
  checkTensor(OP, "weight", weight);
  if (x.rank < 1) throw new ParameterError(OP, "x.shape", x.shape, "must have at least 1 dim (…, in)");
  if (weight.rank !== 2) throw new ParameterError(OP, "weight.shape", weight.shape, "must have 2 dims (out, in)");
  const [out, inF] = weight.shape;
  const k = x.shape[x.rank - 1];
  if (k !== inF)
    throw new ParameterError(
      OP,
      "weight.shape",
      weight.shape,
      `must take ${k} input features (x.shape [${x.shape.join(", ")}])`,
    );
  if (bias !== undefined && bias !== null) {
    checkTensor(OP, "bias", bias);
    if (bias.rank !== 1 || bias.shape[0] !== out)
      throw new ParameterError(OP, "bias.shape", bias.shape, `must be [${out}]`);
  }
  const rows = k === 0 ? x.size : x.size / k;
  const y = allocValues("linear", rows * out);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < out; o++) {
      let sum = bias ? bias.data[o] : 0;
      for (let i = 0; i < k; i++) sum += x.data[r * k + i] * weight.data[o * k + i];
      y[r * out + o] = sum;
    }
  }
  return new Tensor(y, [...x.shape.slice(0, -1), out]);
}
