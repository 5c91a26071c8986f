// The helper the hand-computed tests lean on must itself refuse what it claims to refuse.
import { describe, expect, it } from "vitest";
import { tensor } from "../../src/index.js";
import { expectClose } from "./helpers.js";

describe("expectClose", () => {
  it("accepts values within 1e-6 + 1e-5·|want|, NaN against NaN, an infinity against itself", () => {
    expectClose(tensor([1, 1000, 0, NaN, -Infinity], [1, 5]), [1, 5], [1 + 1e-6, 1000.01, 1e-6, NaN, -Infinity]);
  });
  it("refuses a value just outside the tolerance (toBeCloseTo(w, 4) accepted 1.3333 for 4/3)", () => {
    expect(() => expectClose(tensor([4 / 3], [1]), [1], [1.3333])).toThrow();
    expect(() => expectClose(tensor([1000.02], [1]), [1], [1000])).toThrow();
    expect(() => expectClose(tensor([0], [1]), [1], [2.1e-6])).toThrow();
  });
  it("refuses NaN for a number, a number for NaN, and the other infinity", () => {
    expect(() => expectClose(tensor([NaN], [1]), [1], [0])).toThrow();
    expect(() => expectClose(tensor([0], [1]), [1], [NaN])).toThrow();
    expect(() => expectClose(tensor([Infinity], [1]), [1], [-Infinity])).toThrow();
  });
  it("refuses the right values in the wrong shape", () => {
    expect(() => expectClose(tensor([1, 2, 3, 4], [1, 1, 4]), [1, 1, 2, 2], [1, 2, 3, 4])).toThrow();
    expect(() => expectClose(tensor([1, 2, 3, 4], [4]), [2, 2], [1, 2, 3, 4])).toThrow();
  });
  it("refuses an expectation that does not fill its shape", () => {
    expect(() => expectClose(tensor([1, 2], [2]), [2], [1])).toThrow(/do not fill/);
  });
});
