/**
 * src/core/: the tensor and its constructors (this file, random.ts), its errors (errors.ts), shape sizes
 * (shape.ts) and the backend choice (backend.ts) — what every other folder builds on, and nothing of presentation.
 *
 * The float32 tensor: a shape and its row-major data. Layout is NCHW unless an op says otherwise.
 *
 * Imports nothing of display: src/display/index.ts installs `[JUPYTER_DISPLAY]` on Tensor when it loads (the
 * library's entry point loads it), so the core type does not pull in PNG encoding and the bitmap font.
 */
import { ParameterError } from "./errors.js";
import { formatTensor } from "./print.js";
import { checkShape, shapeSize } from "./shape.js";
import { isContiguousLayout, setStrides, stridesOf } from "./strides.js";
import { adopt, allocValues, copiedBy, markCopy, release, shareValues, valuesOf } from "./storage.js";

/** Deno's rich-display protocol, which the poolscope kernel honours for a cell's last value. */
export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

export type NestedNumbers = number | readonly NestedNumbers[];

export class Tensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;

  constructor(data: Float32Array, shape: readonly number[]) {
    checkShape("tensor", shape);
    const size = shapeSize(shape);
    if (data.length !== size) {
      throw new ParameterError(
        "tensor",
        "data",
        data.length,
        `must hold ${size} values for shape [${shape.join(", ")}]`,
      );
    }
    this.shape = Object.freeze([...shape]);
    this.data = data;
    adopt(this, data);
  }

  /** True after `dispose()`. */
  get disposed(): boolean {
    return this.data === DISPOSED;
  }

  /**
   * Gives the values back now instead of when the collector finds them (on the wasm backend, their block of
   * the module's memory; shared with other tensors, e.g. a reshape, the last one's dispose frees it). The
   * tensor cannot be used afterwards, nor a `data` array read from it before.
   */
  dispose(): void {
    if (this.data === DISPOSED) return;
    release(this.data);
    // the field is readonly to users; only dispose replaces it
    (this as { data: Float32Array }).data = DISPOSED;
  }

  get rank(): number {
    return this.shape.length;
  }

  get size(): number {
    return this.data.length;
  }

  /** The value at a full index, e.g. `t.get(0, 1, 2, 3)`. */
  get(...index: number[]): number {
    return this.data[flatIndex(this.shape, index)];
  }

  /** Nested arrays of numbers (Tensor.tolist; a 0-d tensor gives its number). */
  tolist(): NestedNumbers {
    return this.toArray();
  }

  /**
   * Whether PyTorch would call this tensor contiguous (Tensor.is_contiguous): false after a transpose, a
   * stepped slice, an expand, a select on an inner dim, true again after transposing back. The values here
   * are stored row-major either way; core/strides.ts keeps the strides PyTorch's view ops would give.
   */
  isContiguous(): boolean {
    return isContiguousLayout(this.shape, stridesOf(this));
  }

  /** This tensor if isContiguous(), otherwise a row-major copy (Tensor.contiguous), free to be written into. */
  contiguous(): Tensor {
    return this.isContiguous() ? this : new Tensor(copyOf(this.data), this.shape);
  }

  /** Nested arrays, the inverse of `tensor(nested)` (the same as tolist). */
  toArray(): NestedNumbers {
    const build = (dim: number, offset: number): NestedNumbers => {
      if (dim === this.shape.length) return this.data[offset];
      const stride = shapeSize(this.shape.slice(dim + 1));
      return Array.from({ length: this.shape[dim] }, (_, i) => build(dim + 1, offset + i * stride));
    };
    return build(0, 0);
  }

  /** The values as PyTorch prints them: `tensor([[1., 2.], [3., 4.]])`, summarised past 1000 values. */
  toString(): string {
    return formatTensor(this);
  }

  /** What console.log and Node's util.inspect show: the same as toString. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return formatTensor(this);
  }
}

/**
 * Builds a float32 tensor. `tensor([[1, 2], [3, 4]])` infers the shape; `tensor([1, 2, 3, 4], [1, 1, 2, 2])`
 * takes flat data and a shape. The data is always copied.
 */
export function tensor(data: NestedNumbers | ArrayLike<number>, shape?: readonly number[]): Tensor {
  if (shape !== undefined) {
    checkShape("tensor", shape);
    // a copy, as torch.tensor makes: later writes to the caller's array must not change the tensor
    // (`new Tensor(data, shape)` shares a Float32Array on purpose, e.g. for wasm-resident memory)
    return new Tensor(
      copyOf(ArrayBuffer.isView(data) ? (data as ArrayLike<number>) : flatten(data as NestedNumbers)),
      shape,
    );
  }
  if (data instanceof Float32Array || ArrayBuffer.isView(data)) {
    return new Tensor(copyOf(data as ArrayLike<number>), [(data as ArrayLike<number>).length]);
  }
  const inferred = inferShape(data as NestedNumbers);
  return new Tensor(copyOf(flatten(data as NestedNumbers)), inferred);
}

/**
 * A view: a tensor of `shape` sharing `base`'s values from `offset` on (one contiguous run of them), so writes
 * through either reach the other, with `strides` as PyTorch's view would have them (row-major unless given).
 * A base that is a copy made where PyTorch views (copiedBy) passes that on.
 */
export function viewOf(base: Tensor, shape: readonly number[], offset = 0, strides?: readonly number[]): Tensor {
  const t = new Tensor(shareValues(base.data, offset, shapeSize(shape)), shape);
  const by = copiedBy(base);
  if (by !== undefined) markCopy(t, by);
  if (strides) setStrides(t, strides);
  return t;
}

/** The values as a new Float32Array where the backend keeps tensors (resident on the wasm backend). */
function copyOf(values: ArrayLike<number>): Float32Array {
  return valuesOf("tensor", values);
}

/** A tensor of zeros. */
export function zeros(shape: readonly number[]): Tensor {
  checkShape("zeros", shape);
  return new Tensor(newValues("zeros", shape), shape);
}

/**
 * A zeroed Float32Array for `shape` where the backend keeps tensors (core/storage.ts); a ResourceError naming
 * the size when the engine cannot make one.
 */
export function newValues(op: string, shape: readonly number[]): Float32Array {
  return allocValues(op, shapeSize(shape), true, shape);
}

/** What a disposed tensor holds: no values (ops refuse it, see geometry/params.ts checkTensor). */
const DISPOSED = new Float32Array(0);

function flatIndex(shape: readonly number[], index: readonly number[]): number {
  if (index.length !== shape.length) {
    throw new ParameterError("Tensor.get", "index", index, `must have ${shape.length} entries`);
  }
  let flat = 0;
  for (let i = 0; i < shape.length; i++) {
    if (!Number.isInteger(index[i]) || index[i] < 0 || index[i] >= shape[i]) {
      throw new ParameterError("Tensor.get", "index", index, `is out of range for shape [${shape.join(", ")}]`);
    }
    flat = flat * shape[i] + index[i];
  }
  return flat;
}

function inferShape(data: NestedNumbers): number[] {
  const shape: number[] = [];
  let level: NestedNumbers = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = (level as readonly NestedNumbers[])[0];
  }
  return shape;
}

function flatten(data: NestedNumbers | ArrayLike<number>): number[] {
  if (typeof data === "number") return [data];
  const out: number[] = [];
  const walk = (v: NestedNumbers | ArrayLike<number>): void => {
    if (typeof v === "number") out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else for (let i = 0; i < (v as ArrayLike<number>).length; i++) out.push((v as ArrayLike<number>)[i]);
  };
  walk(data);
  return out;
}
