/** Element-wise activations used around pooling (a CNN stage, the strip pooling module). */
import { checkTensor } from "../geometry/params.js";
import { Tensor } from "../core/tensor.js";
import { allocValues } from "../core/storage.js";
import { tryFast } from "../backend/index.js";

/** max(x, 0); NaN stays NaN, as torch.relu. */
export function relu(x: Tensor): Tensor {
  checkTensor("relu", "x", x);
  // SIMD where the backend has it: in JS the branch on random signs costs ~10 ns a value in mispredictions
  const fast = tryFast("relu", x.data);
  if (fast) return new Tensor(fast, x.shape);
  return elementwise("relu", x, (v) => (v < 0 ? 0 : v));
}

/** 1 / (1 + e^−x). */
export function sigmoid(x: Tensor): Tensor {
  checkTensor("sigmoid", "x", x);
  return elementwise("sigmoid", x, (v) => 1 / (1 + Math.exp(-v)));
}

/** f of every value, into a new tensor where the backend keeps them (not `data.map`, which makes a plain array). */
function elementwise(op: string, x: Tensor, f: (v: number) => number): Tensor {
  const src = x.data;
  const y = allocValues(op, src.length, false);
  for (let i = 0; i < src.length; i++) y[i] = f(src[i]);
  return new Tensor(y, x.shape);
}
