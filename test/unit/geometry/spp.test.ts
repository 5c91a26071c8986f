import { describe, expect, it } from "vitest";
import { ParameterError, sppBins } from "../../../src/index.js";

describe("SPP bin counts (pooling.md 5)", () => {
  it("paper rule on 13×13 gives the requested {6,3,2,1}", () => {
    expect(sppBins(13, 13, [6, 3, 2, 1], "paper")).toEqual([
      [6, 6],
      [3, 3],
      [2, 2],
      [1, 1],
    ]);
  });
  it("paper rule on 10×10 gives 9 bins instead of 6 (window 2, stride 1)", () => {
    expect(sppBins(10, 10, [6, 3, 2, 1], "paper")[0]).toEqual([9, 9]);
  });
  it("paper rule: a=7, n=5 → 6 bins; a=5, n=3 → 4 bins", () => {
    expect(sppBins(7, 7, [5], "paper")[0]).toEqual([6, 6]);
    expect(sppBins(5, 5, [3], "paper")[0]).toEqual([4, 4]);
  });
  it("corrected rule gives n bins where no bin is all padding (13, n=4: K=S=4, p=2)", () => {
    expect(sppBins(13, 13, [4, 2, 1], "corrected")).toEqual([
      [4, 4],
      [2, 2],
      [1, 1],
    ]);
  });
  it("corrected rule throws naming the level and the size where a bin is all padding (a=5, n=4)", () => {
    expect(() => sppBins(5, 5, [4], "corrected")).toThrow(ParameterError);
    expect(() => sppBins(5, 5, [4], "corrected")).toThrow(
      /levels entry 0 \(n=4\) on input H=5.*entirely in the padding/,
    );
  });
  it("corrected rule refuses, as PyTorch does, padding above half the window with no bin all padding (a=9, n=4)", () => {
    // K=3, p=2: bins [−2, 1), [1, 4), [4, 7), [7, 10) each hold real cells, but max_pool2d refuses p > K/2
    expect(() => sppBins(9, 9, [4], "corrected")).toThrow(
      /H=9 cannot use the corrected rule.*padding 2 is more than half/,
    );
    // and where PyTorch accepts the padding, n bins (a=11, n=4: K=3, p=1)
    expect(sppBins(11, 11, [4], "corrected")).toEqual([[4, 4]]);
  });
  it("adaptive rule always gives n bins, even when a < n", () => {
    expect(sppBins(3, 10, [6, 4], "adaptive")).toEqual([
      [6, 6],
      [4, 4],
    ]);
  });
});
