import { describe, expect, it } from "vitest";
import { cellText, glyphFor, textColorOn } from "../../../../extension/src/canvas/cells.js";

describe("cells", () => {
  it("draws glyphs for non-finite values and numbers only when they fit", () => {
    expect([NaN, Infinity, -Infinity, 1].map(glyphFor)).toEqual(["×", "+∞", "−∞", null]);
    expect(cellText(-0.25, 32)).toBe("−0.25");
    expect(cellText(-0.25, 16)).toBeNull();
    expect(cellText(NaN, 8)).toBe("×");
    expect(cellText(-1234.5678, 24)).toBeNull();
  });

  it("picks black text on light cells and white on dark ones", () => {
    expect(textColorOn([253, 231, 37])).toBe("#000");
    expect(textColorOn([68, 1, 84])).toBe("#fff");
  });
});
