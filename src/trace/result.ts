/**
 * src/trace/: building traced results — TracedPool / TracedMaxPool (this file), the one WindowTrace builder
 * (window.ts), the strip pooling module's result (stripResult.ts) and compareSpp (compare.ts). The trace
 * format itself is wire/'s; ops import from here, never the other way round.
 *
 * The result of a pooling op called with `trace: true`: input, output and trace together. Being the last
 * value of a notebook cell, it renders through the Jupyter display protocol as the output tensor with the input
 * and the trace in its payload, so the renderer can link each output cell to its window.
 */
import { say } from "../core/messages.js";
import { toDisplayBundle, type CaptionOptions, type DisplayBundle } from "../display/bundle.js";
import { JUPYTER_DISPLAY, type Tensor } from "../core/tensor.js";
import { TRACE_ARRAY_LIMIT, type PoolTrace } from "../wire/traceTypes.js";

export class TracedPool<T extends PoolTrace = PoolTrace> {
  constructor(
    readonly input: Tensor,
    readonly output: Tensor,
    readonly trace: T,
  ) {}

  toString(): string {
    const [input, output] = [this.input.shape.join(", "), this.output.shape.join(", ")];
    return say("tracedString", { op: this.trace.op, input, output });
  }

  [JUPYTER_DISPLAY](options?: CaptionOptions): DisplayBundle {
    return toDisplayBundle(this.output, options?.title ?? this.trace.op, { input: this.input, trace: this.trace });
  }
}

/** A traced max pooling: also PyTorch's indices (flat within each input plane, as float32). */
export class TracedMaxPool<T extends PoolTrace = PoolTrace> extends TracedPool<T> {
  constructor(
    input: Tensor,
    output: Tensor,
    trace: T,
    readonly indices: Tensor,
  ) {
    super(input, output, trace);
  }
}

/** A copy as a plain number array, or undefined when longer than TRACE_ARRAY_LIMIT (traces stay small). */
export function smallArray(values: ArrayLike<number>): number[] | undefined {
  return values.length <= TRACE_ARRAY_LIMIT ? Array.from(values) : undefined;
}
