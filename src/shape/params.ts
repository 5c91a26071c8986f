/**
 * Option normalisation at the edge of every op: PyTorch accepts a scalar or one value per spatial dim, and so
 * do we. Errors name the op, the option and the value given.
 */
import { ParameterError } from "../errors.js";

export type PerDim = number | readonly number[];

/** Expands a scalar or per-dim option to `nd` integers, checking each against `min`. */
export function expandParam(op: string, name: string, value: PerDim, nd: number, min: number): number[] {
  const values = typeof value === "number" ? new Array<number>(nd).fill(value) : [...value];
  if (!Array.isArray(value) && typeof value !== "number") {
    throw new ParameterError(op, name, value, `must be a number or a list of ${nd} numbers`);
  }
  if (values.length !== nd) {
    throw new ParameterError(op, name, value, `must be a number or a list of ${nd} numbers`);
  }
  for (const v of values) {
    if (!Number.isInteger(v)) throw new ParameterError(op, name, value, "must be a whole number");
    if (v < min) throw new ParameterError(op, name, value, `must be at least ${min}`);
  }
  return values;
}

/** Checks that `x` has rank 2 + nd (N, C, spatial...) and returns its spatial sizes. */
export function spatialShape(op: string, shape: readonly number[], nd: number): number[] {
  if (shape.length !== nd + 2) {
    throw new ParameterError(op, "x.shape", shape, `must have ${nd + 2} dims (N, C, ${spatialNames(nd)})`);
  }
  return shape.slice(2);
}

export function spatialNames(nd: number): string {
  return ["L", "H, W", "D, H, W"][nd - 1] ?? `${nd} spatial dims`;
}
