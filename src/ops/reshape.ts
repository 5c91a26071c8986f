/** Shape-only ops: views, the values are shared (row-major order does not change), only the shape changes. */
import { ParameterError } from "../core/errors.js";
import { checkTensor } from "../geometry/params.js";
import { Tensor, viewOf } from "../core/tensor.js";
import { shapeSize } from "../core/shape.js";

/** A new shape with the same number of values; one entry may be −1 (inferred), as torch.reshape. */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  checkTensor("reshape", "x", x);
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new ParameterError("reshape", "shape", shape, "must be a list of whole numbers ≥ 0 (one may be −1)");
  }
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1) throw new ParameterError("reshape", "shape", shape, "may hold at most one −1");
  const known = shape.reduce((n, d) => (d === -1 ? n : n * d), 1);
  const resolved = shape.map((d) => (d === -1 ? (known === 0 ? 0 : x.size / known) : d));
  const size = shapeSize(resolved);
  if (size !== x.size || resolved.some((d) => !Number.isInteger(d))) {
    throw new ParameterError(
      "reshape",
      "shape",
      shape,
      `does not hold the ${x.size} values of shape [${x.shape.join(", ")}]`,
    );
  }
  return viewOf(x, resolved);
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
  return viewOf(x, [...x.shape.slice(0, s), merged, ...x.shape.slice(e + 1)]);
}
