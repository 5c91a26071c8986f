/**
 * Constructors beside tensor() and zeros(): ones, full, the *Like forms, eye and linspace, with torch's
 * argument order (arange is in ops/random.ts, as torch.arange).
 */
import { ParameterError } from "../core/errors.js";
import { checkShape, shapeSize } from "../core/shape.js";
import { Tensor } from "../core/tensor.js";
import { allocValues } from "../core/storage.js";

/** A tensor of shape filled with fillValue (torch.full). */
export function full(shape: readonly number[], fillValue: number): Tensor {
  checkShape("full", shape);
  if (typeof fillValue !== "number") throw new ParameterError("full", "fillValue", fillValue, "must be a number");
  return new Tensor(allocValues("full", shapeSize(shape), false, shape).fill(fillValue), shape);
}

/** A tensor of ones (torch.ones). */
export function ones(shape: readonly number[]): Tensor {
  checkShape("ones", shape);
  return new Tensor(allocValues("ones", shapeSize(shape), false, shape).fill(1), shape);
}

function likeShape(op: string, input: unknown): readonly number[] {
  if (!(input instanceof Tensor)) throw new ParameterError(op, "input", input, "must be a Tensor");
  return input.shape;
}

/** Zeros of input's shape (torch.zeros_like). */
export function zerosLike(input: Tensor): Tensor {
  return full(likeShape("zerosLike", input), 0);
}

/** Ones of input's shape (torch.ones_like). */
export function onesLike(input: Tensor): Tensor {
  return full(likeShape("onesLike", input), 1);
}

/** fillValue in input's shape (torch.full_like). */
export function fullLike(input: Tensor, fillValue: number): Tensor {
  return full(likeShape("fullLike", input), fillValue);
}

/** The n×m identity: ones on the diagonal (torch.eye; m defaults to n). */
export function eye(n: number, m = n): Tensor {
  for (const [name, v] of [
    ["n", n],
    ["m", m],
  ] as const) {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
      throw new ParameterError("eye", name, v, "must be a whole number ≥ 0");
  }
  const out = allocValues("eye", n * m, true, [n, m]);
  for (let i = 0; i < Math.min(n, m); i++) out[i * m + i] = 1;
  return new Tensor(out, [n, m]);
}

/**
 * steps values from start to end, evenly spaced (torch.linspace). As PyTorch's float32 kernel: the first half
 * counts up from start, the second half down from end, so both ends are exact.
 */
export function linspace(start: number, end: number, steps: number): Tensor {
  for (const [name, v] of [
    ["start", start],
    ["end", end],
  ] as const) {
    if (typeof v !== "number" || Number.isNaN(v)) throw new ParameterError("linspace", name, v, "must be a number");
  }
  if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 0)
    throw new ParameterError("linspace", "steps", steps, "must be a whole number ≥ 0");
  const out = allocValues("linspace", steps, false);
  if (steps === 1) out[0] = start;
  if (steps > 1) {
    const a = Math.fround(start);
    const b = Math.fround(end);
    const step = Math.fround(Math.fround(b - a) / (steps - 1));
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) out[i] = i < half ? a + step * i : b - step * (steps - i - 1);
  }
  return new Tensor(out, [steps]);
}
