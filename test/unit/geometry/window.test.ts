import { describe, expect, it } from "vitest";
import { adaptiveRange, poolOutputSize, samePadding } from "../../../src/index.js";

describe("PyTorch pooling output size (pooling.md 1.2)", () => {
  // (n, k, s, p) in ceil mode where a naive ceil(...)+1 over-counts and torch drops the last window
  it.each([
    [2, 1, 2, 0, 1],
    [1, 2, 2, 1, 1],
    [5, 2, 2, 1, 3],
    [9, 4, 4, 2, 3],
  ])("n=%i k=%i s=%i p=%i ceil → %i", (n, k, s, p, want) => {
    expect(poolOutputSize(n, k, s, p, p, 1, true)).toBe(want);
  });

  it("pytorch#57178: k=1, s=2, n=32 in ceil mode gives 16, not the docs' 17", () => {
    expect(poolOutputSize(32, 1, 2, 0, 0, 1, true)).toBe(16);
  });

  it("floor mode: 7 wide, k=3, s=2, p=1 → 4", () => {
    expect(poolOutputSize(7, 3, 2, 1, 1, 1, false)).toBe(4);
  });
});

describe("TensorFlow SAME padding (pooling.md 2)", () => {
  it("n=13, k=6, s=5 → total 3 split (1, 2), the odd cell at the end", () => {
    expect(samePadding(13, 6, 5)).toEqual([1, 2]);
  });
  it("n=5, k=3, s=2 → (1, 1)", () => {
    expect(samePadding(5, 3, 2)).toEqual([1, 1]);
  });
});

describe("adaptive bins (pooling.md 1.4 table)", () => {
  const bins = (n: number, o: number) => Array.from({ length: o }, (_, i) => adaptiveRange(i, o, n));
  it("5 → 3", () =>
    expect(bins(5, 3)).toEqual([
      [0, 2],
      [1, 4],
      [3, 5],
    ]));
  it("7 → 4", () =>
    expect(bins(7, 4)).toEqual([
      [0, 2],
      [1, 4],
      [3, 6],
      [5, 7],
    ]));
  it("10 → 3", () =>
    expect(bins(10, 3)).toEqual([
      [0, 4],
      [3, 7],
      [6, 10],
    ]));
  it("3 → 5 (upsampling)", () =>
    expect(bins(3, 5)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
      [1, 3],
      [2, 3],
    ]));
});
