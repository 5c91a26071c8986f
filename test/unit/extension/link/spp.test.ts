import { describe, expect, it } from "vitest";
import type { SppTrace } from "poolscope/wire";
import {
  lengthFormula,
  levelBins,
  locateFeature,
  overlapCells,
  sppFits,
  vectorIndex,
} from "../../../../extension/src/link/spp.js";

describe("SPP", () => {
  const trace: SppTrace = {
    kind: "spp",
    op: "spatialPyramidPool",
    inputShape: [1, 2, 5, 7],
    outputShape: [1, 10],
    channels: "first",
    mode: "max",
    rule: "adaptive",
    levels: [
      {
        requested: [1, 1],
        bins: [1, 1],
        offset: 0,
        axes: [
          { kind: "bins", size: 5, bins: [[0, 5]] },
          { kind: "bins", size: 7, bins: [[0, 7]] },
        ],
      },
      {
        requested: [2, 2],
        bins: [2, 2],
        offset: 2,
        axes: [
          {
            kind: "bins",
            size: 5,
            bins: [
              [0, 3],
              [2, 5],
            ],
          },
          {
            kind: "bins",
            size: 7,
            bins: [
              [0, 4],
              [3, 7],
            ],
          },
        ],
      },
    ],
  };
  it("draws bins with exact edges and shades overlaps", () => {
    expect(levelBins(trace.levels[1])[3]).toEqual({ bi: 1, bj: 1, r0: 2, r1: 5, c0: 3, c1: 7 });
    const o = overlapCells(trace.levels[1], 5, 7);
    expect(o[2 * 7 + 3]).toBe(4);
    expect(o[0]).toBe(1);
  });
  it("fits only the tensors it describes: (N, C, H, W) in, (N, C·Σn²) out", () => {
    expect(sppFits(trace, [1, 2, 5, 7], [1, 10])).toBe(true);
    expect(sppFits(trace, [1, 2, 5, 8], [1, 10])).toBe(false); // a level's bins span another width
    expect(sppFits(trace, [1, 2, 5, 7], [1, 11])).toBe(false); // not C·Σn² features
    expect(sppFits(trace, [1, 2, 5, 7], [2, 10])).toBe(false); // another batch
    expect(sppFits(trace, [2, 5, 7], [1, 10])).toBe(false);
  });
  it("maps bins to the concatenated vector and back", () => {
    expect(vectorIndex(trace.levels[1], 1, 0, 1)).toBe(7);
    expect(locateFeature(trace, 2, 7)).toEqual({ level: 1, c: 1, bi: 0, bj: 1 });
    expect(locateFeature(trace, 2, 1)).toEqual({ level: 0, c: 1, bi: 0, bj: 0 });
    expect(locateFeature(trace, 2, 10)).toBeNull();
    expect(lengthFormula(trace, 2)).toBe("C·Σn² = 2·(1 + 4) = 10 features per sample, whatever H×W");
  });
});
