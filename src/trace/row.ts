/**
 * Several results in one row: `show([a, b, …], { titles, scale })` of tensors and traced results renders them
 * side by side, each under its title, on one colour scale with one legend ("shared", the default: the colours
 * compare across items) or each on its own ("each"). Each item keeps its own view (a traced result stays
 * linked), so hovering works in every item as in a single output.
 */
import { toRowBundle, type DisplayBundle, type DisplayItem } from "../display/bundle.js";
import { ParameterError } from "../core/errors.js";
import { JUPYTER_DISPLAY, Tensor } from "../core/tensor.js";
import { ROW_LIMIT, ROW_SCALES, type RowScale } from "../wire/payload.js";
import { TracedPool } from "./result.js";
import { TracedStripPooling } from "./stripResult.js";

/** What `show` draws: a tensor, or a pooling op's traced result (`trace: true`). */
export type Showable = Tensor | TracedPool | TracedStripPooling;

export interface ShowOptions {
  /** A caption per item, in order (missing ones: a traced result's op, nothing for a tensor). */
  titles?: readonly string[];
  /** "shared" (default): one colour scale and one legend for the row; "each": every item on its own. */
  scale?: RowScale;
}

export class ShownRow {
  constructor(
    readonly items: readonly DisplayItem[],
    readonly scale: RowScale,
  ) {}

  toString(): string {
    return `show: ${this.items.map((it) => it.title ?? `[${it.output.shape.join(", ")}]`).join(" | ")}`;
  }

  [JUPYTER_DISPLAY](): DisplayBundle {
    return toRowBundle(this.items, this.scale);
  }
}

export function show(items: readonly Showable[], options: ShowOptions = {}): ShownRow {
  const op = "show";
  if (!Array.isArray(items) || items.length < 1 || items.length > ROW_LIMIT) {
    throw new ParameterError(op, "items", items, `must be a list of 1 to ${ROW_LIMIT} tensors or traced results`);
  }
  const scale = options.scale ?? "shared";
  if (!ROW_SCALES.includes(scale)) {
    throw new ParameterError(op, "scale", scale, `must be ${ROW_SCALES.map((s) => `"${s}"`).join(" or ")}`);
  }
  const titles = options.titles ?? [];
  if (!Array.isArray(titles) || titles.length > items.length || titles.some((t) => typeof t !== "string")) {
    throw new ParameterError(op, "titles", titles, `must be a list of at most ${items.length} strings, one per item`);
  }
  return new ShownRow(
    items.map((x, k) => {
      const item = displayItem(x, k);
      if (titles[k] !== undefined) item.title = titles[k];
      return item;
    }),
    scale,
  );
}

function displayItem(x: Showable, k: number): DisplayItem {
  if (x instanceof Tensor) return { output: x };
  if (x instanceof TracedStripPooling)
    return { output: x.attention, input: x.input, trace: x.trace, title: "stripPoolingModule (fused)" };
  if (x instanceof TracedPool) return { output: x.output, input: x.input, trace: x.trace, title: x.trace.op };
  throw new ParameterError(
    "show",
    `items[${k}]`,
    x,
    "must be a Tensor or a traced result (a pooling op called with trace: true)",
  );
}
