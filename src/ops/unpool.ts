/**
 * Max unpooling, as PyTorch's F.max_unpool{1,2,3}d: the partial inverse of max pooling. Every input value is
 * written at its index (flat within the output's spatial (D)H×W volume, as maxPool's indices), everything else
 * is 0; where indices repeat, the last write wins, as in single-threaded PyTorch (multi-threaded, its order
 * varies; a max pool's repeated indices hold equal values). With an explicit outputSize the same flat indices
 * are re-read with the new sizes, as PyTorch does (ONNX differs).
 */
import { ParameterError } from "../core/errors.js";
import { checkTensor, expandParam, spatialNames, spatialShape, type PerDim } from "../geometry/params.js";
import { sliding, unpoolOutputSizes } from "../geometry/window.js";
import { Tensor } from "../core/tensor.js";
import { allocValues } from "../core/storage.js";
import { smallArray, TracedPool } from "../trace/result.js";
import type { UnpoolTrace } from "../wire/traceTypes.js";
import { shapeSize } from "../core/shape.js";
import type { TraceFlag, TraceOptions } from "./resultOptions.js";

export interface MaxUnpoolOptions {
  /** The kernel size of the max pooling being undone. */
  kernelSize: PerDim;
  /** Defaults to kernelSize. */
  stride?: PerDim | null;
  /** The padding of the max pooling being undone. Default 0. */
  padding?: PerDim;
  /** Spatial sizes of the output (or with N, C in front); default (in − 1)·stride − 2·padding + kernel per axis. */
  outputSize?: readonly number[];
}

function maxUnpoolNd(
  op: string,
  nd: number,
  x: Tensor,
  indices: Tensor,
  options: MaxUnpoolOptions & TraceFlag,
): Tensor | TracedPool<UnpoolTrace> {
  checkTensor(op, "x", x);
  checkTensor(op, "indices", indices);
  const sizes = spatialShape(op, x.shape, nd);
  if (indices.shape.length !== x.shape.length || indices.shape.some((d, i) => d !== x.shape[i])) {
    throw new ParameterError(op, "indices.shape", indices.shape, `must equal x.shape [${x.shape.join(", ")}]`);
  }
  if (typeof options !== "object" || options === null)
    throw new ParameterError(op, "options", options, "must be an object with kernelSize");
  const kernel = expandParam(op, "kernelSize", options.kernelSize, nd, 1);
  const stride =
    options.stride === undefined || options.stride === null ? kernel : expandParam(op, "stride", options.stride, nd, 1);
  const padding = expandParam(op, "padding", options.padding ?? 0, nd, 0);
  let requested = options.outputSize;
  if (requested !== undefined) {
    if (!Array.isArray(requested) || (requested.length !== nd && requested.length !== nd + 2)) {
      const dims = spatialNames(nd);
      throw new ParameterError(op, "outputSize", requested, `must be [${dims}] or [N, C, ${dims}]`);
    }
    requested = requested.slice(-nd);
  }
  const outSizes = unpoolOutputSizes(op, sizes, kernel, stride, padding, requested);
  const planes = x.shape[0] * x.shape[1];
  const inVolume = shapeSize(sizes);
  const outVolume = shapeSize(outSizes);
  const y = allocValues("maxUnpool", planes * outVolume);
  for (let p = 0; p < planes; p++) {
    for (let i = 0; i < inVolume; i++) {
      const idx = indices.data[p * inVolume + i];
      if (!Number.isInteger(idx) || idx < 0 || idx >= outVolume) {
        throw new ParameterError(
          op,
          "indices",
          idx,
          `must be whole numbers in [0, ${outVolume}) for an output of ${outSizes.join("×")}`,
        );
      }
      y[p * outVolume + idx] = x.data[p * inVolume + i];
    }
  }
  const output = new Tensor(y, [x.shape[0], x.shape[1], ...outSizes]);
  if (!options.trace) return output;
  // the pooling the indices came from, over this op's output: window i is where input value i may land
  const axes = outSizes.map((size, a) =>
    sliding({
      size,
      kernel: kernel[a],
      stride: stride[a],
      dilation: 1,
      padBefore: padding[a],
      padAfter: padding[a],
      outSize: sizes[a],
    }),
  );
  const trace: UnpoolTrace = {
    kind: "unpool",
    op,
    inputShape: [...x.shape],
    outputShape: [...output.shape],
    channels: "first",
    axes,
  };
  const targets = smallArray(indices.data);
  if (targets) trace.targets = targets;
  return new TracedPool(x, output, trace);
}

/** Max unpooling over (N, C, L), e.g. `maxUnpool1d(r.output, r.indices, { kernelSize: 2 })`. */
export function maxUnpool1d(
  x: Tensor,
  indices: Tensor,
  options: MaxUnpoolOptions & TraceOptions,
): TracedPool<UnpoolTrace>;
export function maxUnpool1d(x: Tensor, indices: Tensor, options: MaxUnpoolOptions & { trace?: false }): Tensor;
export function maxUnpool1d(
  x: Tensor,
  indices: Tensor,
  options: MaxUnpoolOptions & TraceFlag,
): Tensor | TracedPool<UnpoolTrace>;
export function maxUnpool1d(
  x: Tensor,
  indices: Tensor,
  options: MaxUnpoolOptions & TraceFlag,
): Tensor | TracedPool<UnpoolTrace> {
  return maxUnpoolNd("maxUnpool1d", 1, x, indices, options);
}

/** Max unpooling over (N, C, H, W). */
export function maxUnpool2d(
  x: Tensor,
  indices: Tensor,
  options: MaxUnpoolOptions & TraceOptions,
): TracedPool<UnpoolTrace>;
export function maxUnpool2d(x: Tensor, indices: Tensor, options: MaxUnpoolOptions & { trace?: false }): Tensor;
export function maxUnpool2d(
  x: Tensor,
  indices: Tensor,
  options: MaxUnpoolOptions & TraceFlag,
): Tensor | TracedPool<UnpoolTrace>;
export function maxUnpool2d(
  x: Tensor,
  indices: Tensor,
  options: MaxUnpoolOptions & TraceFlag,
): Tensor | TracedPool<UnpoolTrace> {
  return maxUnpoolNd("maxUnpool2d", 2, x, indices, options);
}

/** Max unpooling over (N, C, D, H, W). */
export function maxUnpool3d(
  x: Tensor,
  indices: Tensor,
  options: MaxUnpoolOptions & TraceOptions,
): TracedPool<UnpoolTrace>;
export function maxUnpool3d(x: Tensor, indices: Tensor, options: MaxUnpoolOptions & { trace?: false }): Tensor;
export function maxUnpool3d(
  x: Tensor,
  indices: Tensor,
  options: MaxUnpoolOptions & TraceFlag,
): Tensor | TracedPool<UnpoolTrace>;
export function maxUnpool3d(
  x: Tensor,
  indices: Tensor,
  options: MaxUnpoolOptions & TraceFlag,
): Tensor | TracedPool<UnpoolTrace> {
  return maxUnpoolNd("maxUnpool3d", 3, x, indices, options);
}
