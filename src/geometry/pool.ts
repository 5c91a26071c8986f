/**
 * Option resolution for sliding-window pooling: PyTorch's explicit padding (with its checks and the ceil-mode
 * rule) or TensorFlow/Keras' "same" / "valid". Every pooling op gets its axes from here.
 */
import { ParameterError } from "../core/errors.js";
import { axisNames, expandParam, type PerDim } from "./params.js";
import { poolAxis, tfPoolAxis, type AxisGeometry } from "./window.js";

export type TfPadding = "same" | "valid";

export interface SlidingPoolOptions {
  /** The window's size: one number for every spatial axis, or one per axis, e.g. [3, 2]. */
  kernelSize: PerDim;
  /** Defaults to kernelSize (null too, as PyTorch's None). */
  stride?: PerDim | null;
  /** Explicit padding on both sides (PyTorch), or "same" / "valid" (TensorFlow/Keras). Default 0. */
  padding?: PerDim | TfPadding;
  /** Spacing between the window's taps (1 = adjacent cells, PyTorch's dilation). Default 1. */
  dilation?: PerDim;
  /** Round the output size up instead of down, so a partial window at the end still counts. Default false. */
  ceilMode?: boolean;
}

export function isTfPadding(padding: unknown): padding is TfPadding {
  return padding === "same" || padding === "valid";
}

/** The geometry of every spatial axis; `allowDilation` is false for average and LP pooling (PyTorch has none). */
export function slidingPoolAxes(
  op: string,
  sizes: readonly number[],
  o: SlidingPoolOptions & { dilation?: PerDim },
  allowDilation: boolean,
): AxisGeometry[] {
  const nd = sizes.length;
  const names = axisNames(nd);
  if (typeof o !== "object" || o === null) {
    throw new ParameterError(op, "options", o, "must be an object with at least kernelSize");
  }
  if (o.kernelSize === undefined) throw new ParameterError(op, "kernelSize", undefined, "is required");
  const kernel = expandParam(op, "kernelSize", o.kernelSize, nd, 1);
  const stride = o.stride === undefined || o.stride === null ? kernel : expandParam(op, "stride", o.stride, nd, 1);
  if (!allowDilation && o.dilation !== undefined) {
    throw new ParameterError(op, "dilation", o.dilation, "is not an option of this op (PyTorch has none)");
  }
  const dilation = expandParam(op, "dilation", o.dilation ?? 1, nd, 1);
  if (typeof o.padding === "string") {
    if (!isTfPadding(o.padding))
      throw new ParameterError(op, "padding", o.padding, 'must be a number, a list, "same" or "valid"');
    if (o.ceilMode) {
      throw new ParameterError(
        op,
        "ceilMode",
        o.ceilMode,
        `is not available with padding "${o.padding}" (TensorFlow has no ceil mode)`,
      );
    }
    const pad = o.padding;
    return sizes.map((size, a) =>
      tfPoolAxis(op, names[a], size, { kernel: kernel[a], stride: stride[a], dilation: dilation[a], padding: pad }),
    );
  }
  const padding = expandParam(op, "padding", o.padding ?? 0, nd, 0);
  return sizes.map((size, a) =>
    poolAxis(op, names[a], size, {
      kernel: kernel[a],
      stride: stride[a],
      padding: padding[a],
      dilation: dilation[a],
      ceilMode: o.ceilMode ?? false,
    }),
  );
}

/** PyTorch's avg_pool3d also requires every input dim to hold a whole kernel (pool3d_shape_check). */
export function checkInputCoversKernel(op: string, axes: readonly AxisGeometry[]): void {
  const names = axisNames(axes.length);
  axes.forEach((axis, a) => {
    if (axis.size < axis.kernel) {
      throw new ParameterError(
        op,
        "kernelSize",
        axis.kernel,
        `must not exceed the input size ${names[a]}=${axis.size} (axis ${names[a]})`,
      );
    }
  });
}
