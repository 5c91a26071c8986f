/**
 * Two spatial pyramid poolings side by side: `compareSpp(a, b)` of two traced results (inputs of different
 * sizes, same levels) renders as both feature maps with their bins and both concatenated vectors, linked
 * feature by feature, which shows why SPP gives one vector length whatever the input's H×W.
 */
import { say } from "../core/messages.js";
import { toDisplayBundle, type CaptionOptions, type DisplayBundle } from "../display/bundle.js";
import { ParameterError } from "../core/errors.js";
import { JUPYTER_DISPLAY } from "../core/tensor.js";
import type { TracedPool } from "./result.js";
import type { SppTrace } from "../wire/traceTypes.js";

export class SppComparison {
  constructor(
    readonly a: TracedPool<SppTrace>,
    readonly b: TracedPool<SppTrace>,
  ) {}

  /** Whether both vectors have the same length (same channels and levels). */
  get sameLength(): boolean {
    return this.a.output.shape[1] === this.b.output.shape[1];
  }

  toString(): string {
    const side = (r: TracedPool<SppTrace>): string => `[${r.input.shape.join(", ")}] → [${r.output.shape.join(", ")}]`;
    return say("compareString", { a: side(this.a), b: side(this.b) });
  }

  [JUPYTER_DISPLAY](options?: CaptionOptions): DisplayBundle {
    return toDisplayBundle(this.a.output, options?.title ?? "compareSpp", {
      input: this.a.input,
      trace: this.a.trace,
      compare: { input: this.b.input, output: this.b.output, trace: this.b.trace },
    });
  }
}

/** Puts two traced spatialPyramidPool results into one display: maps, bins and vectors side by side, linked. */
export function compareSpp(a: TracedPool<SppTrace>, b: TracedPool<SppTrace>): SppComparison {
  const op = "compareSpp";
  for (const [name, r] of [
    ["a", a],
    ["b", b],
  ] as const) {
    if (typeof r !== "object" || r === null || r.trace?.kind !== "spp") {
      throw new ParameterError(op, name, r, "must be spatialPyramidPool(x, { levels, trace: true })'s result");
    }
  }
  return new SppComparison(a, b);
}
