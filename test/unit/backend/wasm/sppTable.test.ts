// The wasm SPP level table: which levels are reduced from a finer level's output instead of the input.
import { describe, expect, it } from "vitest";
import { binRanges } from "../../../../src/backend/wasm/dispatch.js";
import { derivable, SPP_WORDS, sppTable, type SppTableLevel } from "../../../../src/backend/wasm/sppTable.js";
import { sppLevelAxis } from "../../../../src/geometry/spp.js";

function level(size: [number, number], n: number, rule: "adaptive" | "paper" = "adaptive"): SppTableLevel {
  const axes = [sppLevelAxis("t", size[0], n, rule, 0, "H"), sppLevelAxis("t", size[1], n, rule, 0, "W")];
  const ranges = binRanges(axes);
  if (!ranges) throw new Error("not rectangles");
  return { nh: ranges.hs.length, nw: ranges.ws.length, ranges, divisors: null };
}

describe("sppTable", () => {
  it("derives adaptive levels that divide a finer one, from the coarsest such level", () => {
    const size: [number, number] = [13, 13];
    const levels = [6, 3, 2, 1].map((n) => level(size, n));
    const t = sppTable(levels, "max");
    // slots in finest-first order: 6, 3, 2, 1; parents are slot indices
    const parents = [0, 1, 2, 3].map((s) => t[s * SPP_WORDS + 3]);
    expect(parents).toEqual([-1, 0, 0, 2]);
    // offsets: bins before each level in output order
    expect([0, 1, 2, 3].map((s) => t[s * SPP_WORDS + 2])).toEqual([0, 36, 45, 49]);
  });

  it("does not derive when bins are not unions (3 from 4) or when the mode is avg", () => {
    const size: [number, number] = [37, 53];
    expect(derivable(level(size, 3), level(size, 4))).toBe(false);
    expect(derivable(level(size, 2), level(size, 4))).toBe(true);
    const t = sppTable(
      [4, 3, 2].map((n) => level(size, n)),
      "avg",
    );
    expect([0, 1, 2].map((s) => t[s * SPP_WORDS + 3])).toEqual([-1, -1, -1]);
  });

  it("derives the paper rule's levels only where its windows are exact unions", () => {
    // 13, n=6: windows 3, stride 2 → [0,3) … [10,13); n=3: window 5, stride 4 → [0,5), [4,9), [8,13): unions
    expect(derivable(level([13, 13], 3, "paper"), level([13, 13], 6, "paper"))).toBe(true);
    // 10, n=4: window 3, stride 2 → [0,3) … [6,9), column 9 never read; n=2: [0,5), [5,10): not unions
    expect(derivable(level([10, 10], 2, "paper"), level([10, 10], 4, "paper"))).toBe(false);
  });
});
