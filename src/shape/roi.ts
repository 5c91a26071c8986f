/**
 * RoI pooling geometry (torchvision ops.roi_pool, Fast R-CNN; SPP-net pools detection regions of one shared
 * feature map the same way): a box in image coordinates is scaled onto the feature map and rounded, its
 * (height × width) cells are cut into pooledH × pooledW bins with floor/ceil edges, and the bins are clipped to
 * the map. float32 arithmetic is reproduced with Math.fround so bin edges match torchvision exactly.
 */
import type { AxisWindows } from "./window.js";

const f = Math.fround;

/** C's round(): halves away from zero (Math.round rounds −2.5 to −2). */
function roundHalfAway(v: number): number {
  return Math.sign(v) * Math.round(Math.abs(v));
}

/**
 * The box's extent on the feature map along one axis, [start, end) before clipping (it may lie partly or wholly
 * off the map): the scaled, rounded corners, the far one included, at least one cell.
 */
export function roiAxisSpan(lo: number, hi: number, spatialScale: number): [number, number] {
  const start = roundHalfAway(f(f(lo) * f(spatialScale)));
  const end = roundHalfAway(f(f(hi) * f(spatialScale)));
  // a malformed box (end before start) becomes one cell, as torchvision forces it
  return [start, start + Math.max(end - start + 1, 1)];
}

/** The bins of one box along one axis: [start, end) on the feature map, clipped to [0, size]. */
export function roiAxisBins(lo: number, hi: number, spatialScale: number, pooled: number, size: number): AxisWindows {
  const [start, stop] = roiAxisSpan(lo, hi, spatialScale);
  const length = stop - start;
  const binSize = f(length / pooled);
  const clip = (v: number): number => Math.min(Math.max(v + start, 0), size);
  const bins = Array.from({ length: pooled }, (_, i) => {
    const b0 = Math.floor(f(i * binSize));
    const b1 = Math.ceil(f((i + 1) * binSize));
    return [clip(b0), clip(b1)] as [number, number];
  });
  return { kind: "bins", size, bins };
}
