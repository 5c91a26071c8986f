import { describe, expect, it } from "vitest";
import { sayer } from "../../../../extension/src/words/messages.js";
import { DEFAULT_BUDGET, planNotice, samplePlane, viewPlan } from "../../../../extension/src/canvas/budget.js";

describe("size budget", () => {
  it("draws small tensors whole", () => {
    const layout = { rows: 1, cols: 64, planeH: 112, planeW: 112 };
    expect(viewPlan(layout)).toEqual({ planes: 64, step: 1 });
    expect(planNotice(layout, viewPlan(layout))).toBeNull();
    expect(viewPlan({ rows: 1, cols: 1, planeH: 1024, planeW: 1024 }).step).toBe(1);
  });

  it("cuts planes and samples cells past the budget, and says so", () => {
    const manyLayout = { rows: 1, cols: 100, planeH: 8, planeW: 8 };
    const many = viewPlan(manyLayout);
    expect(many.planes).toBe(64);
    expect(planNotice(manyLayout, many)).toMatch(/^showing 64 of 100 planes/);
    const bigLayout = { rows: 1, cols: 1, planeH: 4096, planeW: 4096 };
    const big = viewPlan(bigLayout);
    expect(big.step).toBe(4);
    expect(planNotice(bigLayout, big)).toMatch(/every 4th row and column/);
    expect(DEFAULT_BUDGET.planes).toBe(64);
  });

  it("says what it left out in the view's language", () => {
    const layout = { rows: 1, cols: 100, planeH: 4096, planeW: 4096 };
    expect(planNotice(layout, viewPlan(layout), sayer("zh"))).toBe(
      "显示 100 个平面中的 1 个；每个 4096×4096 平面的行和列每 4 个取一个（大小预算）；统计量涵盖全部数值",
    );
    expect(DEFAULT_BUDGET.planes).toBe(64);
  });

  it("samples every step-th row and column", () => {
    const s = samplePlane([0, 1, 2, 3, 4, 5, 6, 7, 8], 0, 3, 3, 2);
    expect([s.h, s.w, ...s.data]).toEqual([2, 2, 0, 2, 6, 8]);
  });
});
