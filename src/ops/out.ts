/**
 * The `out` option every pooling op takes, on any backend: its check against the output shape, and the
 * write of a kernel's values into it (skipped when the kernel already wrote there).
 */
import { ParameterError } from "../core/errors.js";
import { Tensor } from "../core/tensor.js";
import { checkWritable } from "../core/storage.js";

/** Checks `out` against the output shape; returns it (or undefined when not given). */
export function checkOut(op: string, out: unknown, shape: readonly number[]): Tensor | undefined {
  if (out === undefined) return undefined;
  if (!(out instanceof Tensor)) throw new ParameterError(op, "out", "a non-tensor value", "must be a Tensor");
  if (out.shape.length !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
    throw new ParameterError(op, "out", out.shape, `must have the output shape [${shape.join(", ")}]`);
  }
  // a copy where PyTorch views (a transpose, say): writing it would not reach what the caller means
  checkWritable(op, "out", out, out.shape);
  return out;
}

/** Writes `values` into `out` (if given and not already its storage) and returns the output tensor. */
export function intoOut(values: Float32Array, shape: readonly number[], out: Tensor | undefined): Tensor {
  if (!out) return new Tensor(values, shape);
  if (values !== out.data) out.data.set(values);
  return out;
}
