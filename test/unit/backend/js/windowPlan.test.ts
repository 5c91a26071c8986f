import { describe, expect, it } from "vitest";
import { MAX_PLAN_TAPS, planWindows } from "../../../../src/backend/js/windowPlan.js";
import { ResourceError } from "../../../../src/core/errors.js";
import type { AxisGeometry } from "../../../../src/geometry/window.js";

function axis(size: number, kernel: number, stride: number, padBefore = 0, padAfter = 0): AxisGeometry {
  const outSize = Math.floor((size + padBefore + padAfter - kernel) / stride) + 1;
  return { size, kernel, stride, dilation: 1, padBefore, padAfter, outSize };
}

describe("planWindows", () => {
  it("lists each window's in-bounds taps as flat offsets, in scan order", () => {
    // a 3×3 plane, 2×2 windows with stride 1 and one cell of padding before each axis: 3×3 outputs
    const plan = planWindows([axis(3, 2, 1, 1, 0), axis(3, 2, 1, 1, 0)]);
    expect([plan.inPlane, plan.outPlane]).toEqual([9, 9]);
    const windows = Array.from({ length: 9 }, (_, o) =>
      Array.from(plan.taps.subarray(plan.tapStart[o], plan.tapStart[o + 1])),
    );
    // corner: only (0,0) is in bounds; centre: (0,0) (0,1) (1,0) (1,1); last: (1,1) (1,2) (2,1) (2,2)
    expect(windows[0]).toEqual([0]);
    expect(windows[1]).toEqual([0, 1]);
    expect(windows[4]).toEqual([0, 1, 3, 4]);
    expect(windows[8]).toEqual([4, 5, 7, 8]);
    expect(plan.taps.length).toBe(1 + 2 + 2 + 2 + 4 + 4 + 2 + 4 + 4);
  });

  it("refuses a plan past its tap limit with a ResourceError naming the op and the limit", () => {
    // a 32768×32768 plane in 2×2 windows: 2^30 taps, which as a plain array would kill the engine
    const huge = [axis(32768, 2, 2), axis(32768, 2, 2)];
    let error: unknown;
    try {
      planWindows(huge, "maxPool2d");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ResourceError);
    const e = error as ResourceError;
    expect(e.resource).toBe("TypeScript window plan");
    expect(e.message).toContain("maxPool2d: ");
    expect(e.message).toContain("1,073,741,824 taps (4 GiB)");
    expect(e.message).toContain(`its limit is ${MAX_PLAN_TAPS.toLocaleString("en-US")} taps (512 MiB)`);
    expect(e.message).toContain("POOLSCOPE_BACKEND=wasm");
  });
});
