/**
 * The size budget of a tensor's display bundle. A tensor over MAX_EMBEDDED_VALUES is embedded as a reduced
 * view (reduce.ts: first planes, f×f block means, at most 2^18 values) with stats over all of its values and a
 * `reduced` field, so the renderer shows it with a visible notice (an embedded 64×512×512 tensor took 17 s and
 * 89.5 MB). A traced result's input is bounded the same way.
 */
import type { Tensor } from "../core/tensor.js";
import type { PayloadPart } from "../wire/payload.js";
import { reducedNote, reduceView } from "../wire/reduce.js";
import { computeStats, summaryLine } from "../wire/stats.js";
import { shapeSize } from "../core/shape.js";

/** The most float32 values a bundle embeds whole (4 MiB, about 5.6 MB of base64 in the notebook). */
export const MAX_EMBEDDED_VALUES = 2 ** 20;

/** The tensor as the payload embeds it: whole, or past the budget a reduced view with exact stats. */
export function boundedPart(t: Pick<Tensor, "shape" | "data">): PayloadPart {
  if (t.data.length <= MAX_EMBEDDED_VALUES) return { shape: t.shape, values: t.data };
  const view = reduceView(t.shape, t.data);
  return { shape: view.shape, values: view.data, stats: computeStats(t.data), reduced: view.info };
}

/** The text line of a reduced tensor: exact stats over the real shape, and what the view shows. */
export function largeTensorText(part: PayloadPart): string {
  const shape = part.reduced?.originalShape ?? part.shape;
  const line = summaryLine(shape, part.stats ?? computeStats(part.values));
  if (!part.reduced) return line;
  const total = shapeSize(shape);
  return (
    `${line}\n(${total} values: more than the ${MAX_EMBEDDED_VALUES} embedded whole, so the view and the image ` +
    `show [${part.shape.join(", ")}], ${reducedNote(part.reduced, part.shape)}; the stats are over all values)`
  );
}
