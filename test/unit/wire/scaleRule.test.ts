import { describe, expect, it } from "vitest";
import { channelRanges, scaleRule } from "../../../src/wire/scaleRule.js";
import { gridLayout } from "../../../src/wire/grid.js";
import { TEXT } from "../../../src/core/messages.js";
import { MESSAGES } from "../../../extension/src/words/messages.js";

const laid = (shape: number[], values: number[]) => ({ values: Float32Array.from(values), layout: gridLayout(shape) });

describe("the scale rule both sides follow", () => {
  it("goes per channel past a tenth of the shared range, with the reason's key and values", () => {
    expect(scaleRule([laid([1, 2, 1, 2], [0, 1, 0, 100])])).toEqual({
      mode: "channel",
      reason: { key: "scaleNarrow", vars: { c: 0, ratio: "100" } },
    });
    expect(scaleRule([laid([1, 2, 1, 2], [0, 20, 0, 100])])).toEqual({
      mode: "shared",
      reason: { key: "scaleWide", vars: { ratio: 10 } },
    });
    expect(scaleRule([laid([1, 1, 1, 2], [0, 1])]).reason.key).toBe("scaleOneChannel");
    expect(scaleRule([laid([1, 2, 1, 1], [3, 3])]).reason.key).toBe("scaleNoVariation");
  });

  it("takes each channel's range over every sample of every tensor given", () => {
    const a = laid([2, 2, 1, 1], [0, 10, 1, 20]);
    const b = laid([1, 2, 1, 1], [-1, 15]);
    expect(channelRanges([a, b])).toEqual([
      { min: -1, max: 1 },
      { min: 10, max: 20 },
    ]);
  });

  it("has its reasons in the library's words as in the renderer's, in both languages", () => {
    // the PNG's scale line must say what the renderer's toggle says
    for (const key of ["scaleOneChannel", "scaleNoVariation", "scaleNarrow", "scaleWide", "scaleDecision"] as const)
      expect(TEXT[key]).toEqual(MESSAGES[key]);
    expect(TEXT.modeShared).toEqual(MESSAGES.modeShared);
    expect(TEXT.modeChannel).toEqual(MESSAGES.modeChannel);
  });
});
