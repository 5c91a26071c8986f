// windowTrace, the one builder of a WindowTrace: its key order is what the notebooks store, so it is pinned.
import { describe, expect, it } from "vitest";
import { tensor, zeros } from "../../../src/index.js";
import { windowTrace } from "../../../src/trace/window.js";
import { TRACE_ARRAY_LIMIT } from "../../../src/wire/traceTypes.js";

const axis = { kind: "bins" as const, size: 2, bins: [[0, 2]] as [number, number][] };

describe("windowTrace", () => {
  it("writes the common fields, the extras in their order, then argmax and divisors", () => {
    const t = windowTrace({
      op: "avgPool1d",
      input: zeros([1, 1, 2]),
      output: tensor([0], [1, 1, 1]),
      family: "sliding",
      reduce: "avg",
      axes: [axis],
      extras: { countIncludePad: true, divisorOverride: undefined, lpScale: 2 },
      argmax: [1],
      divisors: [2],
    });
    expect(Object.keys(t)).toEqual([
      "kind",
      "family",
      "reduce",
      "op",
      "inputShape",
      "outputShape",
      "channels",
      "axes",
      "countIncludePad",
      "lpScale",
      "argmax",
      "divisors",
    ]);
    expect(t.channels).toBe("first");
    expect(t.inputShape).toEqual([1, 1, 2]);
  });

  it("leaves out arrays past TRACE_ARRAY_LIMIT and marks channels-last input", () => {
    const t = windowTrace({
      op: "maxPool1d",
      input: zeros([1, 1, 2]),
      output: zeros([1, 1, 1]),
      family: "sliding",
      reduce: "max",
      axes: [axis],
      channelsLast: true,
      argmax: new Float32Array(TRACE_ARRAY_LIMIT + 1),
    });
    expect("argmax" in t).toBe(false);
    expect(t.channels).toBe("last");
  });
});
