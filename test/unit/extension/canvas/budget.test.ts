import { describe, expect, it } from "vitest";
import { DEFAULT_BUDGET, samplePlane, viewPlan } from "../../../../extension/src/canvas/budget.js";

describe("size budget", () => {
  it("draws small tensors whole", () => {
    expect(viewPlan({ rows: 1, cols: 64, planeH: 112, planeW: 112 })).toEqual({ planes: 64, step: 1, notice: null });
    expect(viewPlan({ rows: 1, cols: 1, planeH: 1024, planeW: 1024 }).step).toBe(1);
  });

  it("cuts planes and samples cells past the budget, and says so", () => {
    const many = viewPlan({ rows: 1, cols: 100, planeH: 8, planeW: 8 });
    expect(many.planes).toBe(64);
    expect(many.notice).toMatch(/^showing 64 of 100 planes/);
    const big = viewPlan({ rows: 1, cols: 1, planeH: 4096, planeW: 4096 });
    expect(big.step).toBe(4);
    expect(big.notice).toMatch(/every 4th row and column/);
    expect(DEFAULT_BUDGET.planes).toBe(64);
  });

  it("samples every step-th row and column", () => {
    const s = samplePlane([0, 1, 2, 3, 4, 5, 6, 7, 8], 0, 3, 3, 2);
    expect([s.h, s.w, ...s.data]).toEqual([2, 2, 0, 2, 6, 8]);
  });
});
