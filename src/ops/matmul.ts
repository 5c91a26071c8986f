/**
 * Matrix products as torch.matmul: 1-d·1-d is the dot product (0-d), 2-d·2-d the matrix product, a 1-d
 * operand is treated as a row (left) or column (right) and that dim dropped after, and batch dims (all but
 * the last two) broadcast.
 */
import { broadcastShapes, broadcastStrides } from "../core/broadcast.js";
import { ParameterError } from "../core/errors.js";
import { installMethods } from "../core/methods.js";
import { Tensor } from "../core/tensor.js";
import { shapeSize } from "../core/shape.js";
import { allocValues } from "../core/storage.js";

/** The matrix product of input and other, with PyTorch's rules for 1-d operands and batch dims (torch.matmul). */
export function matmul(input: Tensor, other: Tensor): Tensor {
  for (const [name, v] of [
    ["input", input],
    ["other", other],
  ] as const) {
    if (!(v instanceof Tensor)) throw new ParameterError("matmul", name, v, "must be a Tensor");
    if (v.rank === 0)
      throw new ParameterError("matmul", name, v.shape, "must have at least one dim (both operands of matmul do)");
  }
  const a = input.rank === 1 ? [1, input.shape[0]] : [...input.shape];
  const b = other.rank === 1 ? [other.shape[0], 1] : [...other.shape];
  const n = a[a.length - 2];
  const k = a[a.length - 1];
  const m = b[b.length - 1];
  if (b[b.length - 2] !== k)
    throw new ParameterError(
      "matmul",
      "other",
      other.shape,
      `of shape [${other.shape.join(", ")}] cannot multiply input of shape [${input.shape.join(", ")}] (${k} vs ${b[b.length - 2]})`,
    );
  const batchA = a.slice(0, -2);
  const batchB = b.slice(0, -2);
  const batch = broadcastShapes("matmul", "other", batchA, batchB, "input");
  const sa = broadcastStrides(batchA, batch);
  const sb = broadcastStrides(batchB, batch);
  const count = shapeSize(batch);
  const out = allocValues("matmul", count * n * m);
  const row = new Float64Array(m);
  const idx = new Array<number>(batch.length).fill(0);
  for (let t = 0; t < count; t++) {
    let oa = 0;
    let ob = 0;
    for (let d = 0; d < batch.length; d++) {
      oa += idx[d] * sa[d];
      ob += idx[d] * sb[d];
    }
    const pa = oa * n * k;
    const pb = ob * k * m;
    for (let i = 0; i < n; i++) {
      row.fill(0);
      // i-k-j order: the inner loop runs along a row of other, contiguous
      for (let p = 0; p < k; p++) {
        const v = input.data[pa + i * k + p];
        const base = pb + p * m;
        for (let j = 0; j < m; j++) row[j] += v * other.data[base + j];
      }
      out.set(row, (t * n + i) * m);
    }
    for (let d = batch.length - 1; d >= 0; d--) {
      if (++idx[d] < batch[d]) break;
      idx[d] = 0;
    }
  }
  const shape = [...batch, ...(input.rank === 1 ? [] : [n]), ...(other.rank === 1 ? [] : [m])];
  return new Tensor(out, shape);
}

declare module "../core/tensor.js" {
  interface Tensor {
    /** The matrix product this @ other (torch.matmul). */
    matmul(other: Tensor): Tensor;
  }
}

installMethods({
  matmul(other: Tensor) {
    return matmul(this, other);
  },
});
