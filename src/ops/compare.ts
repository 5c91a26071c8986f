/** Whole-tensor comparisons that answer yes or no: allclose and equal, as PyTorch's. */
import { broadcastShapes } from "../core/broadcast.js";
import { ParameterError } from "../core/errors.js";
import { installMethods } from "../core/methods.js";
import { Tensor } from "../core/tensor.js";
import { shapeSize } from "../core/shape.js";
import { broadcastTo } from "./elementwise.js";

/** allclose's keyword options, PyTorch's defaults. */
export interface AllcloseOptions {
  rtol?: number;
  atol?: number;
  equalNan?: boolean;
}

/** True when |input − other| ≤ atol + rtol·|other| everywhere, broadcast (torch.allclose; rtol 1e-5, atol 1e-8). */
export function allclose(input: Tensor, other: Tensor, options: AllcloseOptions = {}): boolean {
  for (const [name, v] of [
    ["input", input],
    ["other", other],
  ] as const) {
    if (!(v instanceof Tensor)) throw new ParameterError("allclose", name, v, "must be a Tensor");
  }
  const { rtol = 1e-5, atol = 1e-8, equalNan = false } = options;
  const shape = broadcastShapes("allclose", "other", input.shape, other.shape);
  // equal shapes (the usual case) are read in place; only a broadcast expands an operand, and only that one
  const expanded = (t: Tensor): Float32Array => (t.size === shapeSize(shape) ? t.data : broadcastTo(t, shape).data);
  const a = expanded(input);
  const b = expanded(other);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x !== x || y !== y) {
      if (equalNan && x !== x && y !== y) continue;
      return false;
    }
    // infinities are close only to themselves (handled by x === y above)
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (Math.abs(x - y) > atol + rtol * Math.abs(y)) return false;
  }
  return true;
}

/** True when input and other have the same shape and the same values (torch.equal; NaN equals nothing). */
export function equal(input: Tensor, other: Tensor): boolean {
  for (const [name, v] of [
    ["input", input],
    ["other", other],
  ] as const) {
    if (!(v instanceof Tensor)) throw new ParameterError("equal", name, v, "must be a Tensor");
  }
  if (input.rank !== other.rank || input.shape.some((s, i) => s !== other.shape[i])) return false;
  for (let i = 0; i < input.size; i++) if (input.data[i] !== other.data[i]) return false;
  return true;
}

declare module "../core/tensor.js" {
  interface Tensor {
    /** True when every value is within atol + rtol·|other| of other's (torch.allclose). */
    allclose(other: Tensor, options?: AllcloseOptions): boolean;
    /** True when other has this shape and these values (torch.equal). */
    equal(other: Tensor): boolean;
  }
}

installMethods({
  allclose(other: Tensor, options?: AllcloseOptions) {
    return allclose(this, other, options);
  },
  equal(other: Tensor) {
    return equal(this, other);
  },
});
