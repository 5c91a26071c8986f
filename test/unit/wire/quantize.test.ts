import { describe, expect, it } from "vitest";
import {
  dequantize,
  MAX_BITS,
  MIN_BITS,
  packedBytes,
  quantInfo,
  quantize,
  quantLevels,
  quantStep,
} from "../../../src/wire/quantize.js";

// deterministic values with a spread of magnitudes and both signs
const wave = (n: number): Float32Array => Float32Array.from({ length: n }, (_, k) => Math.sin(k * 0.7) * 3 + k * 1e-3);

describe("quantised values", () => {
  it("read back within half a step at every bit depth, the range's ends exactly", () => {
    const values = wave(1001);
    for (let bits = MIN_BITS; bits <= MAX_BITS; bits++) {
      const { bytes, info } = quantize(values, bits);
      expect(bytes.length).toBe(packedBytes(values.length, bits));
      const back = dequantize(bytes, values.length, info)!;
      const half = quantStep(info) / 2;
      let worst = 0;
      for (let k = 0; k < values.length; k++) worst = Math.max(worst, Math.abs(back[k] - values[k]));
      // float32 rounding of the levels adds a few ulps to the half step
      expect(worst).toBeLessThanOrEqual(half * (1 + 1e-5) + 1e-6);
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      expect(info).toEqual({ bits, lo, hi });
      expect(back[values.indexOf(lo)]).toBe(lo);
      expect(back[values.indexOf(hi)]).toBe(hi);
    }
  });

  it("keeps NaN and ±Inf exactly, out of the range", () => {
    const values = Float32Array.of(1, NaN, -2, Infinity, -Infinity, 0.5);
    for (const bits of [4, 6, 8, 13, 16]) {
      const { bytes, info } = quantize(values, bits);
      expect([info.lo, info.hi]).toEqual([-2, 1]);
      const back = Array.from(dequantize(bytes, values.length, info)!);
      expect(back.slice(0, 5)).toEqual([1, NaN, -2, Infinity, -Infinity]);
      expect(Math.abs(back[5] - 0.5)).toBeLessThanOrEqual(quantStep(info) / 2 + 1e-7);
    }
  });

  it("uses a given range (the exact stats) instead of scanning, and handles a constant tensor", () => {
    const q = quantize(Float32Array.of(0, 1, 2), 8, { min: -1, max: 3 });
    expect(q.info).toMatchObject({ lo: -1, hi: 3 });
    // 253 finite levels at 8 bits: code (v + 1) / 4 · 252, rounded
    expect(Array.from(q.bytes)).toEqual([63, 126, 189]);
    const flat = quantize(Float32Array.of(7, 7, 7), 6);
    expect(Array.from(dequantize(flat.bytes, 3, flat.info)!)).toEqual([7, 7, 7]);
    const none = quantize(Float32Array.of(NaN), 8);
    expect(none.info).toMatchObject({ lo: 0, hi: 0 });
  });

  it("packs codes least-significant bit first, across byte boundaries", () => {
    // 6-bit codes 0, 60 (the top of 61 levels, 0b111100), 0, 60, each code's lowest bit first in the stream
    const { bytes } = quantize(Float32Array.of(0, 1, 0, 1), 6);
    expect(quantLevels(6)).toBe(61);
    expect(Array.from(bytes)).toEqual([0b00000000, 0b00001111, 0b11110000]);
  });

  it("refuses too few bytes and malformed descriptions", () => {
    expect(dequantize(new Uint8Array(2), 3, { bits: 8, lo: 0, hi: 1 })).toBeNull();
    expect(quantInfo({ bits: 8, lo: 0, hi: 1 })).toEqual({ bits: 8, lo: 0, hi: 1 });
    expect(quantInfo({ bits: 3, lo: 0, hi: 1 })).toMatch(/bits/);
    expect(quantInfo({ bits: 17, lo: 0, hi: 1 })).toMatch(/bits/);
    expect(quantInfo({ bits: 8.5, lo: 0, hi: 1 })).toMatch(/bits/);
    expect(quantInfo({ bits: 8, lo: 2, hi: 1 })).toMatch(/lo and hi/);
    expect(quantInfo({ bits: 8, lo: null, hi: 1 })).toMatch(/lo and hi/);
    expect(quantInfo([8])).toMatch(/not an object/);
  });
});
