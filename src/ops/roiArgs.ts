/**
 * The arguments RoI pooling and RoIAlign share, checked at the edge in one place: a (N, C, H, W) map, boxes
 * [K, 5] of rows [batchIndex, x1, y1, x2, y2], bins per region, and the scale from image to map.
 */
import { ParameterError } from "../core/errors.js";
import { checkTensor, expandParam, spatialShape, type PerDim } from "../geometry/params.js";
import type { Tensor } from "../core/tensor.js";
import { MAX_NAME } from "../wire/traceSchema.js";

export interface RoiArgs {
  n: number;
  c: number;
  height: number;
  width: number;
  /** Regions (rows of boxes). */
  k: number;
  ph: number;
  pw: number;
  spatialScale: number;
  /** The regions' names, when given (the `names` option), one per row of boxes. */
  names?: string[];
}

export function roiArgs(
  op: string,
  x: Tensor,
  boxes: Tensor,
  options: { outputSize: PerDim; spatialScale?: number; names?: readonly string[] },
): RoiArgs {
  checkTensor(op, "x", x);
  checkTensor(op, "boxes", boxes);
  const [height, width] = spatialShape(op, x.shape, 2);
  if (boxes.rank !== 2 || boxes.shape[1] !== 5) {
    throw new ParameterError(op, "boxes.shape", boxes.shape, "must be [K, 5], rows [batchIndex, x1, y1, x2, y2]");
  }
  if (typeof options !== "object" || options === null)
    throw new ParameterError(op, "options", options, "must be an object with outputSize");
  const [ph, pw] = expandParam(op, "outputSize", options.outputSize, 2, 1);
  const spatialScale = options.spatialScale ?? 1;
  if (typeof spatialScale !== "number" || !Number.isFinite(spatialScale) || spatialScale <= 0) {
    throw new ParameterError(op, "spatialScale", spatialScale, "must be a positive number");
  }
  const [n, c] = x.shape;
  const k = boxes.shape[0];
  const args: RoiArgs = { n, c, height, width, k, ph, pw, spatialScale };
  const names = options.names;
  if (names !== undefined) {
    if (
      !Array.isArray(names) ||
      names.length !== k ||
      names.some((s) => typeof s !== "string" || s.length > MAX_NAME)
    ) {
      throw new ParameterError(
        op,
        "names",
        names,
        `must be a list of ${k} texts (one per row of boxes) of at most ${MAX_NAME} characters`,
      );
    }
    args.names = [...names];
  }
  return args;
}

/** Row r of boxes, its batch index checked against the map's N. */
export function roiRow(op: string, boxes: Tensor, r: number, n: number): Float32Array {
  const row = boxes.data.subarray(r * 5, r * 5 + 5);
  const batch = row[0];
  if (!Number.isInteger(batch) || batch < 0 || batch >= n) {
    throw new ParameterError(op, "boxes", [...row], `row ${r}: batch index must be a whole number in [0, ${n})`);
  }
  return row;
}
