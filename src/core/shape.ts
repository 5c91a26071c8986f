/**
 * Shape arithmetic every layer shares: the one place a shape's value count is computed. A leaf (it imports only
 * the error class), so geometry, the browser-safe wire contract and display use it without loading Tensor.
 */
import { ParameterError } from "./errors.js";

/** The number of values of a tensor of this shape (1 for a scalar's empty shape). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function checkShape(op: string, shape: readonly number[]): void {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new ParameterError(op, "shape", shape, "must be a list of non-negative integers");
  }
}
