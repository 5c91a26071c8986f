/**
 * A tensor's values in fewer bits than float32, for bundles whose exact values would not fit the notebook's size
 * budget (display/largeTensor.ts decides). Uniform levels over the finite range [lo, hi] of the values embedded,
 * so the smallest and largest values are exact and every other one is within half a step; the top three codes
 * are NaN, +Inf and −Inf, so non-finite values survive exactly. Codes are packed `bits` at a time,
 * least-significant bit first. Pure and browser-safe: the kernel encodes, the renderer decodes.
 */

/** How a payload part's data was quantised: its data is packed codes, not float32. */
export interface QuantInfo {
  /** Bits per value, MIN_BITS to MAX_BITS. */
  bits: number;
  /** The value of code 0 and of the highest finite code. */
  lo: number;
  hi: number;
}

export const MIN_BITS = 4;
export const MAX_BITS = 16;

/** Finite levels of a bit depth: every code but the three non-finite ones. */
export function quantLevels(bits: number): number {
  return 2 ** bits - 3;
}

/** Distance between neighbouring levels: twice the largest error of a finite value. */
export function quantStep(q: QuantInfo): number {
  return (q.hi - q.lo) / Math.max(1, quantLevels(q.bits) - 1);
}

/** Bytes of `count` packed codes. */
export function packedBytes(count: number, bits: number): number {
  return Math.ceil((count * bits) / 8);
}

/**
 * The codes of `values` at `bits` per value, over their finite range: `range` when the caller has it (the exact
 * stats of these values), else found here.
 */
export function quantize(
  values: Float32Array,
  bits: number,
  range?: { min: number | null; max: number | null },
): { bytes: Uint8Array; info: QuantInfo } {
  let lo = range ? (range.min ?? 0) : Infinity;
  let hi = range ? (range.max ?? 0) : -Infinity;
  if (!range) {
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      // v - v is 0 for finite values only, so NaN and ±Inf leave the range alone
      if (v - v === 0) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (lo > hi) lo = hi = 0;
  }
  const info: QuantInfo = { bits, lo, hi };
  const levels = quantLevels(bits);
  const nan = levels;
  const scale = hi > lo ? (levels - 1) / (hi - lo) : 0;
  const bytes = new Uint8Array(packedBytes(values.length, bits));
  // a bit accumulator: whole bytes leave it as soon as they are full (8 bits: one byte a value, at once)
  let acc = 0;
  let held = 0;
  let o = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const c = v - v === 0 ? Math.floor((v - lo) * scale + 0.5) : v !== v ? nan : v > 0 ? nan + 1 : nan + 2;
    acc |= c << held;
    held += bits;
    while (held >= 8) {
      bytes[o++] = acc & 255;
      acc >>>= 8;
      held -= 8;
    }
  }
  if (held > 0) bytes[o] = acc & 255;
  return { bytes, info };
}

/** The values `count` packed codes stand for; null when the bytes are too few for them. */
export function dequantize(bytes: Uint8Array, count: number, q: QuantInfo): Float32Array | null {
  const { bits } = q;
  if (bytes.length < packedBytes(count, bits)) return null;
  const levels = quantLevels(bits);
  const table = new Float32Array(2 ** bits);
  const step = quantStep(q);
  for (let c = 0; c < levels; c++) table[c] = c === levels - 1 && levels > 1 ? q.hi : q.lo + c * step;
  table[levels] = NaN;
  table[levels + 1] = Infinity;
  table[levels + 2] = -Infinity;
  const out = new Float32Array(count);
  if (bits === 8) {
    for (let k = 0; k < count; k++) out[k] = table[bytes[k]];
  } else if (bits === 16) {
    for (let k = 0; k < count; k++) out[k] = table[bytes[2 * k] | (bytes[2 * k + 1] << 8)];
  } else {
    const mask = (1 << bits) - 1;
    let acc = 0;
    let held = 0;
    let i = 0;
    for (let k = 0; k < count; k++) {
      while (held < bits) {
        acc |= bytes[i++] << held;
        held += 8;
      }
      out[k] = table[acc & mask];
      acc >>>= bits;
      held -= bits;
    }
  }
  return out;
}

/** Validates a `quantized` description of untrusted JSON; a string says what is wrong. */
export function quantInfo(raw: unknown): QuantInfo | string {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "is not an object";
  const r = raw as Record<string, unknown>;
  if (!Number.isInteger(r.bits) || (r.bits as number) < MIN_BITS || (r.bits as number) > MAX_BITS)
    return `bits must be a whole number from ${MIN_BITS} to ${MAX_BITS}`;
  const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
  if (!finite(r.lo) || !finite(r.hi) || r.lo > r.hi) return "lo and hi must be finite numbers, lo ≤ hi";
  return { bits: r.bits as number, lo: r.lo, hi: r.hi };
}
