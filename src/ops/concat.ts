/** Concatenation along one dim, as torch.cat (e.g. SPP levels, or feature maps of parallel branches). */
import { ParameterError } from "../core/errors.js";
import { checkTensor } from "../geometry/params.js";
import { Tensor } from "../core/tensor.js";
import { allocValues } from "../core/storage.js";
import { shapeSize } from "../core/shape.js";

export function concat(list: readonly Tensor[], dim = 0): Tensor {
  const tensors: readonly Tensor[] = list;
  if (!Array.isArray(list) || tensors.length === 0)
    throw new ParameterError("concat", "tensors", tensors, "must be a non-empty list of tensors");
  tensors.forEach((t, i) => checkTensor("concat", `tensors[${i}]`, t));
  const first = tensors[0];
  const r = first.rank;
  const d = dim < 0 ? dim + r : dim;
  if (!Number.isInteger(d) || d < 0 || d >= r)
    throw new ParameterError("concat", "dim", dim, `must index one of ${r} dims`);
  tensors.forEach((t, i) => {
    if (t.rank !== r || t.shape.some((s, a) => a !== d && s !== first.shape[a])) {
      throw new ParameterError(
        "concat",
        `tensors[${i}].shape`,
        t.shape,
        `must match [${first.shape.join(", ")}] except in dim ${d}`,
      );
    }
  });
  const outer = shapeSize(first.shape.slice(0, d));
  const inner = shapeSize(first.shape.slice(d + 1));
  const total = tensors.reduce((n, t) => n + t.shape[d], 0);
  const y = allocValues("concat", outer * total * inner, false);
  let off = 0;
  for (const t of tensors) {
    const block = t.shape[d] * inner;
    for (let o = 0; o < outer; o++) y.set(t.data.subarray(o * block, (o + 1) * block), o * total * inner + off);
    off += block;
  }
  const shape = [...first.shape];
  shape[d] = total;
  return new Tensor(y, shape);
}
