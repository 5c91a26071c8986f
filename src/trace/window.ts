/**
 * The one builder of a WindowTrace (sliding, adaptive, global and strip pooling). Key order is part of the
 * format as the notebooks store it (the payload is JSON), so it is fixed here: the common fields, then the
 * op's own extras in the order given, then argmax and divisors (each left out past TRACE_ARRAY_LIMIT).
 */
import type { Tensor } from "../core/tensor.js";
import type { AxisWindows } from "../geometry/window.js";
import type { WindowTrace } from "../wire/traceTypes.js";
import { smallArray } from "./result.js";

type Extras = Pick<WindowTrace, "countIncludePad" | "divisorOverride" | "normType" | "lpScale" | "strip">;

export interface WindowTraceParts {
  op: string;
  input: Tensor;
  output: Tensor;
  family: WindowTrace["family"];
  reduce: WindowTrace["reduce"];
  axes: AxisWindows[];
  /** Default false: (N, C, spatial…). */
  channelsLast?: boolean;
  /** Fields of one family; an undefined value is left out. */
  extras?: Extras;
  /** Max pooling's indices (flat within each input plane). */
  argmax?: ArrayLike<number>;
  /** Average pooling's per-position divisors of one plane. */
  divisors?: ArrayLike<number>;
}

export function windowTrace(p: WindowTraceParts): WindowTrace {
  const trace: WindowTrace = {
    kind: "window",
    family: p.family,
    reduce: p.reduce,
    op: p.op,
    inputShape: [...p.input.shape],
    outputShape: [...p.output.shape],
    channels: p.channelsLast ? "last" : "first",
    axes: p.axes,
  };
  for (const [key, value] of Object.entries(p.extras ?? {})) {
    if (value !== undefined) Object.assign(trace, { [key]: value });
  }
  const argmax = p.argmax && smallArray(p.argmax);
  if (argmax) trace.argmax = argmax;
  const divisors = p.divisors && smallArray(p.divisors);
  if (divisors) trace.divisors = divisors;
  return trace;
}
