import { describe, expect, it } from "vitest";
import {
  autoScaleMode,
  channelScales,
  scaleShown,
  sharedScale,
  unionRange,
} from "../../../../extension/src/canvas/scale.js";
import { gridLayout } from "poolscope/wire";

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

describe("the scale the data calls for", () => {
  const laid = (shape: number[], values: number[]) => ({
    values: Float32Array.from(values),
    layout: gridLayout(shape),
  });

  it("goes per channel when a channel would use under a tenth of one shared scale", () => {
    // channel 0 spans 0…1, channel 1 0…50: channel 0 would be one flat colour on a shared scale
    const t = laid([1, 2, 1, 2], [0, 1, 0, 50]);
    expect(autoScaleMode([t])).toEqual({ mode: "channel", why: "channel 0 spans 1/50 of the shared range" });
    // attention maps: narrow ranges at different levels (0.50…0.52, 0.90…0.93), each a flat square when shared
    expect(autoScaleMode([laid([1, 2, 1, 2], [0.5, 0.52, 0.9, 0.93])]).mode).toBe("channel");
  });

  it("stays shared when the channels span comparable ranges, or there is one channel", () => {
    expect(autoScaleMode([laid([1, 2, 1, 2], [0, 1, 0, 5])])).toEqual({
      mode: "shared",
      why: "every channel spans over 1/10 of the shared range",
    });
    expect(autoScaleMode([laid([1, 1, 2, 2], [0, 1, 2, 300])]).mode).toBe("shared");
    expect(autoScaleMode([laid([1, 2, 1, 1], [3, 3])])).toEqual({ mode: "shared", why: "no channel varies" });
  });

  it("looks at input and output together (an op's two sides share their channels)", () => {
    const input = laid([1, 2, 1, 2], [0, 1, 0, 9]);
    const output = laid([1, 2, 1, 1], [1, 90]);
    expect(autoScaleMode([input]).mode).toBe("shared");
    expect(autoScaleMode([input, output]).mode).toBe("channel");
  });
});

describe("what the scale toggle says", () => {
  it("names the scale in force and why: the reader's choice, or each set's decision", () => {
    expect(scaleShown("channel", [])).toEqual({ mode: "channel", why: "your choice" });
    expect(scaleShown(null, [])).toEqual({ mode: "shared", why: "this view draws one shared scale" });
    const fused = [
      { of: "input and strips", mode: "shared" as const, why: "every channel spans over 1/10 of the shared range" },
      { of: "fused map", mode: "channel" as const, why: "channel 2 spans 1/14 of the shared range" },
    ];
    expect(scaleShown(null, fused)).toEqual({
      mode: "channel",
      why:
        "chosen from the data: input and strips: shared, as every channel spans over 1/10 of the shared range; " +
        "fused map: per channel, as channel 2 spans 1/14 of the shared range",
    });
  });
});
