// libstdc++'s orderings as ops/stdOrder.ts repeats them: what the standard promises (the golden topk cases
// pin the tie order, which it does not), on sizes that reach introsort's partitions and its heap fallback.
import { describe, expect, it } from "vitest";
import { nthElement, partialSort, stdSort } from "../../../src/ops/stdOrder.js";

/** A deterministic shuffle of 0..n-1 (values distinct: the promised result is then unique). */
function shuffled(n: number, seed: number): Int32Array {
  const q = Int32Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [q[i], q[j]] = [q[j], q[i]];
  }
  return q;
}

const less = (a: number, b: number): boolean => a < b;

describe("stdOrder", () => {
  for (const n of [1, 2, 3, 4, 15, 16, 17, 100, 1000]) {
    it(`sorts, partial-sorts and nth-elements ${n} values as the standard promises`, () => {
      const sorted = Array.from({ length: n }, (_, i) => i);
      const a = shuffled(n, n);
      stdSort(a, 0, n, less);
      expect(Array.from(a)).toEqual(sorted);
      const k = Math.ceil(n / 3);
      const b = shuffled(n, n + 1);
      partialSort(b, 0, k, n, less);
      expect(Array.from(b.subarray(0, k))).toEqual(sorted.slice(0, k));
      const c = shuffled(n, n + 2);
      const nth = n - 1 - Math.floor(n / 4);
      nthElement(c, 0, nth, n, less);
      expect(c[nth]).toBe(nth);
      expect(Array.from(c.subarray(0, nth)).every((v) => v < nth)).toBe(true);
    });
  }

  it("keeps working on an already sorted run (the pivots' worst case)", () => {
    const q = Int32Array.from({ length: 5000 }, (_, i) => i);
    nthElement(q, 0, 10, 5000, (a, b) => a > b);
    expect(q[10]).toBe(4989);
    stdSort(q, 0, 5000, (a, b) => a > b);
    expect(q[0]).toBe(4999);
    expect(q[4999]).toBe(0);
  });
});
