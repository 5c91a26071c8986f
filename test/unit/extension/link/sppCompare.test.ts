import { describe, expect, it } from "vitest";
import { rand, spatialPyramidPool } from "../../../../src/index.js";
import { featureMarks, featuresAt, lengthsLine, type SppSide } from "../../../../extension/src/link/sppCompare.js";

const side = (h: number, w: number, seed: number): SppSide => ({
  trace: spatialPyramidPool(rand([1, 2, h, w], { seed }), { levels: [1, 2, 4], trace: true }).trace,
  channels: 2,
  width: w,
});

describe("two SPP results linked by feature", () => {
  it("feature k is the same level, channel and bin on both sides, on bins of each map's own size", () => {
    const a = side(5, 7, 1);
    const b = side(8, 6, 2);
    // feature 12: level 3 (4×4, offset 10), channel 0, bin (0, 2)
    const ma = featureMarks(a, 0, 12, "cursor");
    const mb = featureMarks(b, 0, 12, "linked");
    expect([ma.level, mb.level]).toEqual([2, 2]);
    expect(ma.vector).toEqual([{ i: 0, j: 12, style: "cursor" }]);
    expect(mb.vector).toEqual([{ i: 0, j: 12, style: "linked" }]);
    const bin = (m: typeof ma) => m.map.get(0)!.find((x) => x.style === "binActive");
    // 7 columns in 4 bins: bin 2 = [floor(14/4), ceil(21/4)) = [3, 6); 6 columns: [3, 5)
    expect(bin(ma)).toEqual({ i: 0, j: 3, h: 2, w: 3, style: "binActive" });
    expect(bin(mb)).toEqual({ i: 0, j: 3, h: 2, w: 2, style: "binActive" });
    // the argmax the op recorded lies in the bin
    const arg = mb.map.get(0)!.find((x) => x.style === "argmax")!;
    expect(arg.i).toBeLessThan(2);
    expect(arg.j).toBeGreaterThanOrEqual(3);
    expect(arg.j).toBeLessThan(5);
    // channel 1 lands on plane 1
    expect([...featureMarks(b, 0, 12 + 16, "linked").map.keys()]).toEqual([1]);
  });

  it("a feature outside the vector marks nothing; a map cell lists every bin it falls in", () => {
    const a = side(5, 7, 1);
    expect(featureMarks(a, 0, 42, "cursor")).toEqual({ map: new Map(), vector: [], level: null });
    // 5×7 at level 2 (2×2): rows [0,3) [2,5), cols [0,4) [3,7): cell (2, 3) is in all four bins
    expect(featuresAt(a, 1, 0, 2, 3)).toEqual([2, 3, 4, 5]);
    expect(featuresAt(a, 1, 1, 0, 0)).toEqual([6]);
    expect(featuresAt(a, 9, 0, 0, 0)).toEqual([]);
  });

  it("says whether the lengths agree", () => {
    expect(lengthsLine(42, 42, "5×7", "8×6")).toBe(
      "both vectors hold 42 features: 5×7 and 8×6 inputs give the same length",
    );
    expect(lengthsLine(42, 21, "5×7", "8×6")).toMatch(/^the vectors differ in length: 42 \(5×7\) and 21/);
  });
});
