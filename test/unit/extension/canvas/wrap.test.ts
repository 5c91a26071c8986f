import { describe, expect, it } from "vitest";
import { wrapMarks } from "../../../../extension/src/canvas/wrap.js";

describe("marks on wrapped planes", () => {
  it("splits a mark across the drawn rows it reaches", () => {
    const wrap = { cols: 32, rowsPer: 12 };
    expect(wrapMarks(wrap, [{ i: 0, j: 30, w: 36, style: "bin" }])).toEqual([
      { i: 0, j: 30, h: 1, w: 2, style: "bin" },
      { i: 1, j: 0, h: 1, w: 32, style: "bin" },
      { i: 2, j: 0, h: 1, w: 2, style: "bin" },
    ]);
    expect(wrapMarks(wrap, [{ i: 1, j: 40, style: "cursor", text: "x" }])).toEqual([
      { i: 13, j: 8, h: 1, w: 1, style: "cursor", text: "x" },
    ]);
  });
});
