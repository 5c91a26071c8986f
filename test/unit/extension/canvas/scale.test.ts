import { describe, expect, it } from "vitest";
import { channelScales, sharedScale, unionRange } from "../../../../extension/src/canvas/scale.js";

describe("scales", () => {
  it("shares one scale over input and output, diverging when any value is negative", () => {
    expect(
      unionRange([
        { min: 0, max: 9 },
        { min: null, max: null },
        { min: 6, max: 12 },
      ]),
    ).toEqual({ min: 0, max: 12 });
    expect(
      sharedScale([
        { min: 0, max: 9 },
        { min: 2, max: 4 },
      ]),
    ).toEqual({ kind: "sequential", lo: 0, hi: 9 });
    expect(sharedScale([{ min: -1, max: 9 }])).toEqual({ kind: "diverging", lo: -9, hi: 9 });
  });

  it("gives each channel its own range over every sample", () => {
    const layout = { rows: 2, cols: 2, planeH: 1, planeW: 2 };
    const values = [0, 1, 10, 20, /* n=1 */ 2, NaN, 30, 40];
    const s = channelScales([{ values, layout }]);
    expect(s.map((x) => [x.lo, x.hi])).toEqual([
      [0, 2],
      [10, 40],
    ]);
  });
});
