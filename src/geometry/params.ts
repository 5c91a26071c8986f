/**
 * Option normalisation at the edge of every op: PyTorch accepts a scalar or one value per spatial dim, and so
 * do we. Errors name the op, the option and the value given.
 */
import { ParameterError } from "../core/errors.js";

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

/** Channel layouts by spatial rank: channels first (PyTorch) or channels last (TensorFlow/Keras). */
export type DataFormat = "NCL" | "NLC" | "NCHW" | "NHWC" | "NCDHW" | "NDHWC";

const FORMATS: Record<number, readonly [DataFormat, DataFormat]> = {
  1: ["NCL", "NLC"],
  2: ["NCHW", "NHWC"],
  3: ["NCDHW", "NDHWC"],
};

/** True when `dataFormat` puts channels last; undefined means channels first. */
export function isChannelsLast(op: string, dataFormat: unknown, nd: number): boolean {
  if (dataFormat === undefined) return false;
  const [first, last] = FORMATS[nd];
  if (dataFormat === first) return false;
  if (dataFormat === last) return true;
  throw new ParameterError(op, "dataFormat", dataFormat, `must be "${first}" or "${last}"`);
}

/**
 * Adaptive pooling's output size: a scalar or one entry per dim, where null keeps that input size (PyTorch's
 * None).
 */
export function expandOutputSize(
  op: string,
  value: number | readonly (number | null)[],
  sizes: readonly number[],
): number[] {
  const nd = sizes.length;
  const values =
    typeof value === "number" ? new Array<number | null>(nd).fill(value) : Array.isArray(value) ? [...value] : null;
  if (values === null || values.length !== nd) {
    throw new ParameterError(op, "outputSize", value, `must be a number or a list of ${nd} numbers (or null)`);
  }
  return values.map((v, a) => {
    if (v === null) return sizes[a];
    if (!Number.isInteger(v) || v < 1)
      throw new ParameterError(op, "outputSize", value, "must hold positive whole numbers");
    return v;
  });
}

/** Checks that an argument is a poolscope Tensor (a plain array passed by mistake gets a clear message). */
export function checkTensor(op: string, name: string, x: unknown): void {
  if (
    typeof x !== "object" ||
    x === null ||
    !("shape" in x) ||
    !((x as unknown as { data: unknown }).data instanceof Float32Array)
  ) {
    throw new ParameterError(
      op,
      name,
      typeof x === "object" ? "a non-tensor object" : x,
      "must be a Tensor (see tensor())",
    );
  }
  if ((x as { disposed?: unknown }).disposed === true) {
    throw new ParameterError(op, name, "a disposed tensor", "was disposed (dispose() or tidy()) and holds no values");
  }
}

/** Names of the spatial axes, for messages: L; H, W; D, H, W. */
export function axisNames(nd: number): string[] {
  return [["L"], ["H", "W"], ["D", "H", "W"]][nd - 1] ?? Array.from({ length: nd }, (_, i) => `dim${i}`);
}
