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

/** One bilinear sample of RoIAlign along one axis: its coordinate and the two cells it reads. */
export interface AlignSample {
  /** The sample's coordinate on the feature map (cell i's centre is at i), before clamping. */
  coord: number;
  /** False when the sample lies beyond the map's one-cell margin (coord < −1 or > size): it then reads nothing. */
  inside: boolean;
  /** The cells it interpolates between (equal at the far edge) and the weight of `high` (float32). */
  low: number;
  high: number;
  frac: number;
}

/** Whether a RoIAlign sample at `coord` reads the map: within its one-cell margin, [−1, size] (torchvision's test). */
export function alignSampleInside(coord: number, size: number): boolean {
  return !(coord < -1 || coord > size);
}

/** One axis of one RoIAlign region: where the box lies on the map and every bin's samples along it. */
export interface AlignAxis {
  /** The box's start on the map and its extent, float32, after aligned's −0.5 shift (and legacy's ≥ 1). */
  start: number;
  extent: number;
  /** Samples per bin along this axis (sampling ratio, or ⌈extent / pooled⌉ when adaptive; may be 0). */
  grid: number;
  /** Per bin, its samples in order. */
  bins: AlignSample[][];
}

/**
 * RoIAlign geometry along one axis (torchvision ops.roi_align, Mask R-CNN): the box is scaled onto the map
 * without rounding, cut into `pooled` equal bins, and each bin is sampled at `grid` evenly spaced points,
 * each read by linear interpolation. Every step is float32, as torchvision's CPU kernel computes it.
 */
export function roiAlignAxis(
  lo: number,
  hi: number,
  spatialScale: number,
  pooled: number,
  size: number,
  samplingRatio: number,
  aligned: boolean,
): AlignAxis {
  const offset = aligned ? 0.5 : 0;
  const start = f(f(f(lo) * f(spatialScale)) - offset);
  const end = f(f(f(hi) * f(spatialScale)) - offset);
  let extent = f(end - start);
  // the legacy (unaligned) op forces at least one cell, so a tiny box is still spread over one cell
  if (!aligned) extent = Math.max(extent, 1);
  const binSize = f(extent / pooled);
  const grid = samplingRatio > 0 ? samplingRatio : Math.ceil(f(extent / pooled));
  const bins = Array.from({ length: pooled }, (_, b) => {
    const samples: AlignSample[] = [];
    for (let s = 0; s < grid; s++) {
      const coord = f(f(start + f(b * binSize)) + f(f((s + 0.5) * binSize) / grid));
      const inside = alignSampleInside(coord, size);
      let y = coord <= 0 ? 0 : coord;
      let low = Math.trunc(y);
      let high = low + 1;
      if (low >= size - 1) {
        low = high = size - 1;
        y = low;
      }
      samples.push({ coord, inside, low, high, frac: f(y - low) });
    }
    return samples;
  });
  return { start, extent, grid: Math.max(grid, 0), bins };
}

/**
 * The cells a RoIAlign bin weighs along one axis, as a [start, end) hull: each inside sample's `low`, and its
 * `high` when its weight is not 0. Empty ([0, 0]) when no sample is inside. With a fixed sampling ratio and
 * wide bins the samples can skip cells, which the hull then includes.
 */
export function alignBinSpan(samples: readonly AlignSample[]): [number, number] {
  const read = samples.filter((s) => s.inside);
  if (read.length === 0) return [0, 0];
  return [Math.min(...read.map((s) => s.low)), Math.max(...read.map((s) => (s.frac > 0 ? s.high : s.low))) + 1];
}
