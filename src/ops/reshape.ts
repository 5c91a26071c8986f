/** Shape-only ops: views, the values are shared (row-major order does not change), only the shape changes. */
import { ParameterError } from "../core/errors.js";
import { checkTensor } from "../geometry/params.js";
import { Tensor, viewOf } from "../core/tensor.js";
import { shapeSize } from "../core/shape.js";
import { valuesOf } from "../core/storage.js";
import { stridesOf, viewStrides } from "../core/strides.js";

/**
 * A new shape with the same number of values; one entry may be −1 (inferred), as torch.reshape: a view when
 * PyTorch's would be one (always for a tensor PyTorch calls contiguous), else, as PyTorch, a copy.
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  return reshaped("reshape", x, shape);
}

/**
 * reshape, or (op "view") Tensor.view, which refuses with PyTorch's words where PyTorch's strides allow no
 * view (after a transpose, say), instead of copying.
 */
export function reshaped(op: "reshape" | "view", x: Tensor, shape: readonly number[]): Tensor {
  checkTensor(op, "x", x);
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new ParameterError(op, "shape", shape, "must be a list of whole numbers ≥ 0 (one may be −1)");
  }
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1) throw new ParameterError(op, "shape", shape, "may hold at most one −1");
  const known = shape.reduce((n, d) => (d === -1 ? n : n * d), 1);
  const resolved = shape.map((d) => (d === -1 ? (known === 0 ? 0 : x.size / known) : d));
  const size = shapeSize(resolved);
  if (size !== x.size || resolved.some((d) => !Number.isInteger(d))) {
    throw new ParameterError(op, "shape", shape, `does not hold the ${x.size} values of shape [${x.shape.join(", ")}]`);
  }
  return moved(op, x, resolved);
}

/** x under a new shape of as many values: a view with PyTorch's strides, or a copy / refusal where none fits. */
function moved(op: string, x: Tensor, shape: readonly number[]): Tensor {
  const strides = viewStrides(x.shape, stridesOf(x), shape);
  if (strides) return viewOf(x, shape, 0, strides);
  if (op === "view")
    throw new ParameterError(
      "view",
      "shape",
      shape,
      "is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous " +
        `subspaces, as after a transpose: input of shape [${x.shape.join(", ")}]). Use .reshape(...) instead`,
    );
  // PyTorch's reshape copies here: a tensor of its own, row-major
  return new Tensor(valuesOf(op, x.data), shape);
}

/** Merges dims startDim..endDim into one, as torch.flatten (default: all but the batch dim). */
export function flatten(x: Tensor, startDim = 1, endDim = -1): Tensor {
  checkTensor("flatten", "x", x);
  const r = x.rank;
  const s = startDim < 0 ? startDim + r : startDim;
  const e = endDim < 0 ? endDim + r : endDim;
  if (!Number.isInteger(s) || s < 0 || s >= Math.max(r, 1))
    throw new ParameterError("flatten", "startDim", startDim, `must index one of ${r} dims`);
  if (!Number.isInteger(e) || e < s || e >= Math.max(r, 1))
    throw new ParameterError("flatten", "endDim", endDim, `must index a dim from startDim ${s} to ${r - 1}`);
  if (r === 0) return viewOf(x, [1]);
  const merged = shapeSize(x.shape.slice(s, e + 1));
  // as torch.flatten, a reshape: a view where one fits
  return moved("flatten", x, [...x.shape.slice(0, s), merged, ...x.shape.slice(e + 1)]);
}
