import { describe, expect, it } from "vitest";
import { cellFormat, glyphFor, labelFont, planeLabels, textColorOn } from "../../../../extension/src/canvas/cells.js";

describe("cells", () => {
  it("marks non-finite values with glyphs", () => {
    expect([NaN, Infinity, -Infinity, 1].map(glyphFor)).toEqual(["×", "+∞", "−∞", null]);
  });

  it("formats a plane's numbers in one format chosen from its largest magnitude", () => {
    expect([3, -12, 0].map(cellFormat([3, -12, 0]))).toEqual(["3", "−12", "0"]);
    expect([0.50223, -0.25, 0].map(cellFormat([0.50223, -0.25, 0]))).toEqual(["0.50", "−0.25", "0.00"]);
    expect([5.3417, 0.1].map(cellFormat([5.3417, 0.1]))).toEqual(["5.3", "0.1"]);
    expect([53.417, 0.1].map(cellFormat([53.417, 0.1]))).toEqual(["53", "0"]);
    // a gradient map: small values keep two significant digits of the largest
    expect([0.037, 0, -0.001].map(cellFormat([0.037, 0, -0.001]))).toEqual(["0.037", "0.000", "−0.001"]);
    expect([-0.0004].map(cellFormat([-0.0004, 0.0001]))).toEqual(["−4.0e−4"]);
    expect([123456.7].map(cellFormat([123456.7]))).toEqual(["1.2e5"]);
    // quarters keep their digits: two more decimals make every value exact
    expect([0.25, 1, 0].map(cellFormat([0, 0.25, 0.5, 0.75, 1]))).toEqual(["0.25", "1.00", "0.00"]);
    expect([Math.fround(0.1), 2].map(cellFormat([Math.fround(0.1), 2]))).toEqual(["0.1", "2.0"]);
    // no "−0.00" for a tiny negative value
    expect(cellFormat([0.5, -0.00123])(-0.00123)).toBe("0.00");
  });

  it("labels every cell of a plane or none: never the zeros alone", () => {
    // tutorial 07's gradient map: "0" would fit a 16-px cell, "0.25" does not, so neither is printed
    const grad = [0, 0, 0.25314, 0, 0.11873, 0];
    const small = planeLabels(grad, 16);
    expect(small.numbers).toBe("none");
    expect(small.texts.every((t) => t === null)).toBe(true);
    const big = planeLabels(grad, 32);
    expect(big.numbers).toBe("all");
    expect(big.texts).toEqual(["0.00", "0.00", "0.25", "0.00", "0.12", "0.00"]);
    // at 22 px "0.00" and "0.51" would fit and "−0.25" not: then none is printed, not the others alone
    const signed = planeLabels([0, -0.25314, 0.51234], 22);
    expect(signed.numbers).toBe("none");
    expect(signed.texts).toEqual([null, null, null]);
    expect(planeLabels([0, 0.25314, 0.51234], 22).numbers).toBe("all");
    // glyphs show either way
    expect(planeLabels([NaN, 0.5, 0.25314], 16).texts).toEqual(["×", null, null]);
  });

  it("gives a plane too small for any number its glyphs alone, as formatting every value would", () => {
    const values = [NaN, Infinity, -Infinity, 0.5, 12345];
    // 16 px: no single character reads at MIN_LABEL_FONT, glyphs still show
    expect(planeLabels(values, 16)).toEqual({
      texts: ["×", "+∞", "−∞", null, null],
      numbers: "none",
      px: 16,
      font: Math.max(6, labelFont(2, 16)),
    });
    // under MIN_GLYPH_PX not even a glyph
    expect(planeLabels(values, 7).texts).toEqual([null, null, null, null, null]);
  });

  it("grows the cells until every number fits when the numbers toggle is on", () => {
    const l = planeLabels([0.50223, -0.25], 12, true);
    expect(l.numbers).toBe("all");
    expect(l.px).toBeGreaterThan(12);
    // the smallest cells where "−0.25" reads at 10 px
    expect(l.font).toBeGreaterThanOrEqual(10);
    expect(labelFont(5, l.px - 1)).toBeLessThan(10);
  });

  it("picks black text on light cells and white on dark ones", () => {
    expect(textColorOn([253, 231, 37])).toBe("#000");
    expect(textColorOn([68, 1, 84])).toBe("#fff");
  });
});
