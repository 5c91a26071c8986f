/**
 * Max unpooling, as PyTorch's F.max_unpool2d: the partial inverse of max pooling. Every input value is written
 * at its index (flat within the output H×W plane, as maxPool2d's indices), everything else is 0. With an
 * explicit outputSize the same flat indices are re-read with the new width, as PyTorch does (ONNX differs).
 */
import { ParameterError } from "../errors.js";
import { checkTensor, expandParam, spatialShape, type PerDim } from "../shape/params.js";
import { unpoolOutputSizes } from "../shape/window.js";
import { Tensor } from "../tensor.js";

export interface MaxUnpoolOptions {
  kernelSize: PerDim;
  /** Defaults to kernelSize. */
  stride?: PerDim | null;
  padding?: PerDim;
  /** [H, W] (or [N, C, H, W]) of the output; default (in − 1)·stride − 2·padding + kernel. */
  outputSize?: readonly number[];
}

const OP = "maxUnpool2d";

export function maxUnpool2d(x: Tensor, indices: Tensor, options: MaxUnpoolOptions): Tensor {
  checkTensor(OP, "x", x);
  checkTensor(OP, "indices", indices);
  const sizes = spatialShape(OP, x.shape, 2);
  if (indices.shape.length !== x.shape.length || indices.shape.some((d, i) => d !== x.shape[i])) {
    throw new ParameterError(OP, "indices.shape", indices.shape, `must equal x.shape [${x.shape.join(", ")}]`);
  }
  if (typeof options !== "object" || options === null)
    throw new ParameterError(OP, "options", options, "must be an object with kernelSize");
  const kernel = expandParam(OP, "kernelSize", options.kernelSize, 2, 1);
  const stride =
    options.stride === undefined || options.stride === null ? kernel : expandParam(OP, "stride", options.stride, 2, 1);
  const padding = expandParam(OP, "padding", options.padding ?? 0, 2, 0);
  let requested = options.outputSize;
  if (requested !== undefined) {
    if (!Array.isArray(requested) || (requested.length !== 2 && requested.length !== 4)) {
      throw new ParameterError(OP, "outputSize", requested, "must be [H, W] or [N, C, H, W]");
    }
    requested = requested.slice(-2);
  }
  const [oh, ow] = unpoolOutputSizes(OP, sizes, kernel, stride, padding, requested);
  const [n, c, h, w] = x.shape;
  const outPlane = oh * ow;
  const y = new Float32Array(n * c * outPlane);
  for (let p = 0; p < n * c; p++) {
    for (let i = 0; i < h * w; i++) {
      const idx = indices.data[p * h * w + i];
      if (!Number.isInteger(idx) || idx < 0 || idx >= outPlane) {
        throw new ParameterError(
          OP,
          "indices",
          idx,
          `must be whole numbers in [0, ${outPlane}) for an output of ${oh}×${ow}`,
        );
      }
      y[p * outPlane + idx] = x.data[p * h * w + i];
    }
  }
  return new Tensor(y, [n, c, oh, ow]);
}
