/**
 * The conversion of per-axis windows to the [start, end) row and column ranges the bins kernels take.
 */
import { axisOutSize, axisTaps, type AxisWindows } from "../../geometry/window.js";
import type { Ranges } from "./kernels.js";

/** Each output index's contiguous [start, end) along an axis, or null if some window is empty or gapped. */
export function axisRanges(axis: AxisWindows): { start: Int32Array; end: Int32Array } | null {
  const n = axisOutSize(axis);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const taps = axisTaps(axis, i);
    if (taps.length === 0) return null;
    for (let t = 1; t < taps.length; t++) if (taps[t] !== taps[t - 1] + 1) return null;
    start[i] = taps[0];
    end[i] = taps[taps.length - 1] + 1;
  }
  return { start, end };
}

/** The ranges of a 2-d bins pooling, or null when the windows are not plain rectangles. */
export function binRanges(axes: readonly AxisWindows[]): Ranges | null {
  if (axes.length !== 2) return null;
  const h = axisRanges(axes[0]);
  const w = axisRanges(axes[1]);
  if (!h || !w) return null;
  return { hs: h.start, he: h.end, ws: w.start, we: w.end };
}
