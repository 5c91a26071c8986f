/**
 * The coverage map: how many windows read each input cell. 0 means the cell never reaches any output (stride
 * larger than the kernel, or the floor-mode remainder); more than 1 means windows overlap (kernel > stride).
 * Per axis counts multiply, because a window is the product of its axes' windows.
 */
import { axisInSize, axisOutSize, axisTaps, type AxisWindows } from "poolscope/wire";
import { sayer, type Say } from "../words/messages.js";

/** How many windows along the axis contain each input position. */
export function axisCoverage(axis: AxisWindows): Int32Array {
  const counts = new Int32Array(axisInSize(axis));
  for (let o = 0; o < axisOutSize(axis); o++) {
    // a position counts once per window even if a hostile trace repeats it
    const seen = new Set<number>();
    for (const p of axisTaps(axis, o)) {
      if (seen.has(p)) continue;
      seen.add(p);
      counts[p]++;
    }
  }
  return counts;
}

export interface Coverage {
  h: number;
  w: number;
  /** Row-major counts of windows per input cell. */
  counts: Int32Array;
  /** Cells read by no window. */
  uncovered: number;
  /** Most windows reading one cell. */
  maxOverlap: number;
}

export function coverage(rows: AxisWindows, cols: AxisWindows): Coverage {
  const r = axisCoverage(rows);
  const c = axisCoverage(cols);
  const counts = new Int32Array(r.length * c.length);
  let uncovered = 0;
  let maxOverlap = 0;
  for (let i = 0; i < r.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const n = r[i] * c[j];
      counts[i * c.length + j] = n;
      if (n === 0) uncovered++;
      if (n > maxOverlap) maxOverlap = n;
    }
  }
  return { h: r.length, w: c.length, counts, uncovered, maxOverlap };
}

/** One sentence for the coverage view. */
export function coverageSummary(cov: Coverage, say: Say = sayer("en")): string {
  const skipped =
    cov.uncovered === 0
      ? say("coverageAll")
      : say("coverageSkipped", { uncovered: cov.uncovered, total: cov.h * cov.w });
  const overlap = cov.maxOverlap > 1 ? say("coverageOverlap", { count: cov.maxOverlap }) : say("coverageDisjoint");
  return say("coverageLine", { skipped, overlap });
}
