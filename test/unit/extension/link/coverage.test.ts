import { describe, expect, it } from "vitest";
import type { AxisWindows } from "poolscope/wire";
import { coverage, coverageSummary } from "../../../../extension/src/link/coverage.js";
import { sayer } from "../../../../extension/src/words/messages.js";

const slide = (size: number, kernel: number, stride: number, pad: number, outSize: number): AxisWindows => ({
  kind: "sliding",
  geometry: { size, kernel, stride, dilation: 1, padBefore: pad, padAfter: pad, outSize },
});

describe("coverage", () => {
  it("counts overlapping windows and cells no window reads", () => {
    const cov = coverage(slide(5, 2, 2, 0, 2), slide(4, 3, 1, 0, 2));
    // rows: 0,1 | 2,3 | 4 never; cols: 0..2 and 1..3
    expect(Array.from(cov.counts.slice(0, 4))).toEqual([1, 2, 2, 1]);
    expect(cov.uncovered).toBe(4);
    expect(cov.maxOverlap).toBe(2);
    expect(coverageSummary(cov)).toBe(
      "coverage: 4 of 20 input cells reach no output (hatched); windows overlap: up to 2 read one cell",
    );
    expect(coverageSummary(cov, sayer("zh"))).toBe(
      "覆盖：20 个输入格子中有 4 个不影响任何输出（带斜线）；窗口重叠：一个格子最多被 2 个窗口读取",
    );
  });
});
