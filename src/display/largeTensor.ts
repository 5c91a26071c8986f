/**
 * The size budget of a tensor's display bundle, in two steps. A tensor over MAX_EMBEDDED_VALUES is embedded as a
 * reduced view (reduce.ts: first planes, f×f block means, at most 2^18 values) with stats over all of its values
 * and a `reduced` field, so the renderer shows it with a visible notice (an embedded 64×512×512 tensor took 17 s
 * and 89.5 MB). A traced result's input is bounded the same way. Then all parts of a bundle share EMBED_BYTES:
 * exact float32 where they fit, else quantised codes (wire/quantize.ts) of as many bits as fit (embedBits), so a
 * 2^20-value tensor, or a traced pooling of one, stays under 1.5 MB in the notebook.
 */
import type { Tensor } from "../core/tensor.js";
import type { PayloadPart } from "../wire/payload.js";
import { reduceView, type ReducedInfo } from "../wire/reduce.js";
import { computeStats, summaryFields } from "../wire/stats.js";
import { reducedHow } from "../wire/words.js";
import { say } from "../core/messages.js";
import { MAX_BITS, MIN_BITS } from "../wire/quantize.js";
import { shapeSize } from "../core/shape.js";

/** The most float32 values a bundle embeds whole (4 MiB, about 5.6 MB of base64 in the notebook). */
export const MAX_EMBEDDED_VALUES = 2 ** 20;

/**
 * Bytes of values one bundle embeds, over all its parts: 1 MiB, about 1.4 MB of base64. Exact float32 fits 2^18
 * values; 2^20 values travel as 8-bit codes, a traced pooling of them (1.25·2^20 values with W1's output) as 6-bit.
 */
export const EMBED_BYTES = 2 ** 20;

/**
 * Per part (by value count), undefined for exact float32 or the bits of its codes. Everything is exact when it
 * fits; else the smallest parts stay exact as long as the rest keeps 8 bits (a pooled output or an SPP vector is
 * small and is what a read-out is about), and the rest share what is left, MIN_BITS to MAX_BITS each.
 */
export function embedBits(counts: readonly number[], budgetBytes = EMBED_BYTES): (number | undefined)[] {
  const budget = budgetBytes * 8;
  let values = counts.reduce((a, b) => a + b, 0);
  const bits: (number | undefined)[] = counts.map(() => undefined);
  if (32 * values <= budget) return bits;
  let left = budget;
  const order = counts.map((n, k) => ({ n, k })).sort((a, b) => a.n - b.n);
  let first = 0;
  for (; first < order.length; first++) {
    const { n } = order[first];
    if (32 * n + 8 * (values - n) > left) break;
    left -= 32 * n;
    values -= n;
  }
  const each = Math.min(MAX_BITS, Math.max(MIN_BITS, Math.floor(left / Math.max(1, values))));
  for (let r = first; r < order.length; r++) bits[order[r].k] = each;
  return bits;
}

/** The tensor as the payload embeds it, with its stats (computed here, once): whole, or a reduced view. */
export function boundedPart(t: Pick<Tensor, "shape" | "data">): PayloadPart {
  if (t.data.length <= MAX_EMBEDDED_VALUES) return { shape: t.shape, values: t.data, stats: computeStats(t.data) };
  const view = reduceView(t.shape, t.data);
  return { shape: view.shape, values: view.data, stats: computeStats(t.data), reduced: view.info };
}

/** The text line of a reduced tensor: exact stats over the real shape, and what the view shows. */
export function largeTensorText(part: PayloadPart): string {
  const shape = part.reduced?.originalShape ?? part.shape;
  const line = say("tensorSummary", {
    fields: summaryFields(shape, part.stats ?? computeStats(part.values)).join(" "),
  });
  if (!part.reduced) return line;
  const how = reducedNote(part.reduced, part.shape);
  return `${line}\n${say("reducedText", { total: shapeSize(shape), max: MAX_EMBEDDED_VALUES, shape: part.shape.join(", "), how })}`;
}

/** How a reduced view was made from its tensor, in the print options' language (wire/words.ts's reducedHow). */
export function reducedNote(info: ReducedInfo, viewShape: readonly number[]): string {
  return reducedHow(info, viewShape, say);
}
