import { describe, expect, it } from "vitest";
import { ParameterError, randn, roiAlign, roiPool, tensor } from "../../../src/index.js";

const x = randn([1, 1, 4, 4], { seed: 3 });
const boxes = tensor([
  [0, 0, 0, 3, 3],
  [0, 1, 1, 2, 2],
]);

describe("RoI names", () => {
  it("travel in the trace of both ops, one per row of boxes", () => {
    expect(roiPool(x, boxes, { outputSize: 1, trace: true, names: ["a", "b"] }).trace.names).toEqual(["a", "b"]);
    expect(roiAlign(x, boxes, { outputSize: 1, trace: true, names: ["a", "b"] }).trace.names).toEqual(["a", "b"]);
    expect(roiPool(x, boxes, { outputSize: 1, trace: true }).trace.names).toBeUndefined();
  });

  it("are refused with a ParameterError unless they are one text per row", () => {
    for (const names of [["a"], ["a", 2], ["a", "x".repeat(65)], "ab"]) {
      expect(() => roiPool(x, boxes, { outputSize: 1, trace: true, names: names as string[] })).toThrow(
        new ParameterError(
          "roiPool",
          "names",
          names,
          "must be a list of 2 texts (one per row of boxes) of at most 64 characters",
        ),
      );
    }
  });
});
