import { describe, expect, it } from "vitest";
import { computeStats, formatNumber, summaryLine } from "../../../src/wire/stats.js";

describe("summary", () => {
  it("names shape, range, mean and the non-finite counts", () => {
    const stats = computeStats([1, -3, NaN, Infinity, 2]);
    expect(stats).toMatchObject({ min: -3, max: 2, mean: 0, nanCount: 1, posInfCount: 1, negInfCount: 0 });
    expect(summaryLine([5], stats)).toBe("Tensor shape=[5] min=−3 max=2 mean=0 NaN=1 +Inf=1");
  });

  it("formats numbers briefly with a true minus sign", () => {
    expect(formatNumber(-0.5)).toBe("−0.5");
    expect(formatNumber(3.14159265)).toBe("3.142");
    expect(formatNumber(123456)).toBe("1.235e+5");
    expect(formatNumber(null)).toBe("–");
  });
});
