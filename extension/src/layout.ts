/**
 * Channels-last tensors (N, spatial…, C), as TensorFlow lays them out, drawn channels-first: the same values
 * moved to (N, C, spatial…) so each channel is a plane, and the permutation that gives back the tensor's own
 * index for read-outs. Only moves values; nothing is computed.
 */
export interface Relaid {
  shape: number[];
  values: Float32Array;
  /** The tensor's own index from a drawn one: own[k] = drawn[perm[k]]. */
  perm: number[];
}

export function channelsFirst(shape: readonly number[], values: Float32Array): Relaid | null {
  const r = shape.length;
  if (r < 3) return null;
  const n = shape[0];
  const c = shape[r - 1];
  const spatial = shape.slice(1, r - 1).reduce((a, d) => a * d, 1);
  if (n * spatial * c !== values.length) return null;
  const out = new Float32Array(values.length);
  for (let b = 0; b < n; b++) {
    for (let s = 0; s < spatial; s++) {
      const from = (b * spatial + s) * c;
      for (let k = 0; k < c; k++) out[(b * c + k) * spatial + s] = values[from + k];
    }
  }
  // drawn (n, c, s1…) → own (n, s1…, c)
  const perm = [0, ...Array.from({ length: r - 2 }, (_, k) => k + 2), 1];
  return { shape: [n, c, ...shape.slice(1, r - 1)], values: out, perm };
}
