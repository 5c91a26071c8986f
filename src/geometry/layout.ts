/**
 * Channel layout moves on bare values, the one place they are computed: (N, spatial…, C) → (N, C, spatial…).
 * The op toChannelsFirst wraps it for tensors; the renderer calls it (through poolscope/wire) to draw a
 * channels-last tensor one plane per channel. No imports, so it is browser-safe.
 */

/** Values moved channels-first, with the permutation back to the source's own index. */
export interface ChannelsFirst {
  shape: number[];
  values: Float32Array;
  /** The source's own index from a moved one: own[k] = moved[perm[k]]. */
  perm: number[];
}

/** (N, spatial…, C) values as (N, C, spatial…); null below rank 3 or when the values do not fill the shape. */
export function channelsFirstValues(shape: readonly number[], values: ArrayLike<number>): ChannelsFirst | null {
  const r = shape.length;
  if (r < 3) return null;
  const n = shape[0];
  const c = shape[r - 1];
  const plane = shape.slice(1, r - 1).reduce((a, d) => a * d, 1);
  if (n * plane * c !== values.length) return null;
  const out = new Float32Array(values.length);
  for (let b = 0; b < n; b++) {
    const base = b * plane * c;
    for (let p = 0; p < plane; p++) for (let k = 0; k < c; k++) out[base + k * plane + p] = values[base + p * c + k];
  }
  // moved (n, c, s1…) → own (n, s1…, c)
  const perm = [0, ...Array.from({ length: r - 2 }, (_, k) => k + 2), 1];
  return { shape: [n, c, ...shape.slice(1, r - 1)], values: out, perm };
}
