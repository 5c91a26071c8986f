/**
 * Seeded random tensors and ranges, so a notebook's numbers are the same on every run. The generator is
 * mulberry32 (32-bit state, fast, good enough for teaching data, not for cryptography); normals come from the
 * Box–Muller transform.
 */
import { ParameterError } from "./errors.js";
import { checkShape, shapeSize } from "./shape.js";
import { allocValues } from "./storage.js";
import { Tensor } from "./tensor.js";

export interface RandomOptions {
  /** Any integer; the same seed gives the same tensor. Default 0. */
  seed?: number;
}

/** A uniform generator on [0, 1) from a seed. */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkSeed(op: string, seed: unknown): number {
  if (seed === undefined) return 0;
  if (typeof seed !== "number" || !Number.isInteger(seed))
    throw new ParameterError(op, "seed", seed, "must be a whole number");
  return seed;
}

/** Uniform values on [0, 1). */
export function rand(shape: readonly number[], options: RandomOptions = {}): Tensor {
  checkShape("rand", shape);
  const next = seededUniform(checkSeed("rand", options.seed));
  const data = allocValues("rand", shapeSize(shape), false, shape);
  for (let i = 0; i < data.length; i++) data[i] = next();
  return new Tensor(data, shape);
}

/** Standard normal values (mean 0, std 1). */
export function randn(shape: readonly number[], options: RandomOptions = {}): Tensor {
  checkShape("randn", shape);
  const next = seededUniform(checkSeed("randn", options.seed));
  const data = allocValues("randn", shapeSize(shape), false, shape);
  for (let i = 0; i < data.length; i += 2) {
    const u1 = 1 - next(); // in (0, 1], so log is finite
    const u2 = next();
    const r = Math.sqrt(-2 * Math.log(u1));
    data[i] = r * Math.cos(2 * Math.PI * u2);
    if (i + 1 < data.length) data[i + 1] = r * Math.sin(2 * Math.PI * u2);
  }
  return new Tensor(data, shape);
}

/** start, start+step, … below end, as torch.arange; `arange(n)` is 0..n−1. Pass a shape to reshape it. */
export function arange(start: number, end?: number, step = 1): Tensor {
  const [a, b] = end === undefined ? [0, start] : [start, end];
  for (const [name, v] of [
    ["start", a],
    ["end", b],
    ["step", step],
  ] as const) {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new ParameterError("arange", name, v, "must be a finite number");
  }
  if (step === 0) throw new ParameterError("arange", "step", step, "must not be 0");
  const count = Math.max(0, Math.ceil((b - a) / step));
  if (count > 1 << 28) throw new ParameterError("arange", "end", b, `gives ${count} values, too many`);
  const data = allocValues("arange", count, false);
  for (let i = 0; i < count; i++) data[i] = a + i * step;
  return new Tensor(data, [count]);
}
