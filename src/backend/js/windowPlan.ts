/**
 * A window plan: for every output position of one spatial plane, the flat in-plane offsets of its in-bounds
 * taps. It is computed once per call from the per-axis windows and shared by all N·C planes, so the pooling
 * loops stay dimension-agnostic (1d, 2d and 3d, sliding windows and adaptive bins use the same code).
 */
import {
  axisInSize,
  axisOutSize,
  axisTaps,
  sliding,
  type AxisGeometry,
  type AxisWindows,
} from "../../geometry/window.js";
import { shapeSize } from "../../core/shape.js";
import { ResourceError, bytesText } from "../../core/errors.js";

export interface WindowPlan {
  readonly axes: readonly AxisWindows[];
  /** Number of input cells in one plane. */
  readonly inPlane: number;
  /** Number of output cells in one plane. */
  readonly outPlane: number;
  /** taps[tapStart[o] .. tapStart[o+1]) are the in-plane input offsets of output o, in scan order. */
  readonly tapStart: Int32Array;
  readonly taps: Int32Array;
}

/** The plan of sliding windows (max, average, LP pooling). */
export function planWindows(axes: readonly AxisGeometry[], op = "pooling"): WindowPlan {
  return planAxes(axes.map(sliding), op);
}

/**
 * Most taps one plan may list: 2^27 int32 offsets (512 MiB). Past it the plan is refused with a ResourceError
 * instead of growing an array until the JavaScript engine dies (which takes the kernel with it).
 */
export const MAX_PLAN_TAPS = 2 ** 27;

/** The plan of any per-axis windows; a window is the Cartesian product of its per-axis taps. */
export function planAxes(axes: readonly AxisWindows[], op = "pooling"): WindowPlan {
  const nd = axes.length;
  const inStrides = new Array<number>(nd);
  let inPlane = 1;
  for (let a = nd - 1; a >= 0; a--) {
    inStrides[a] = inPlane;
    inPlane *= axisInSize(axes[a]);
  }
  const outSizes = axes.map(axisOutSize);
  const perAxis = axes.map((axis, a) =>
    Array.from({ length: outSizes[a] }, (_, i) => axisTaps(axis, i).map((p) => p * inStrides[a])),
  );
  // windows are products of per-axis taps, so the plan's length is the product of the per-axis tap totals
  const total = perAxis.reduce((n, lists) => n * lists.reduce((m, l) => m + l.length, 0), 1);
  if (total > MAX_PLAN_TAPS || inPlane > 2 ** 31 - 1) {
    throw new ResourceError(
      op,
      "TypeScript window plan",
      `the TypeScript backend lists every window tap of a plane, and this plane of ${inPlane.toLocaleString("en-US")} ` +
        `values needs ${total.toLocaleString("en-US")} taps (${bytesText(total * 4)}); its limit is ` +
        `${MAX_PLAN_TAPS.toLocaleString("en-US")} taps (${bytesText(MAX_PLAN_TAPS * 4)}). ` +
        `Use the WebAssembly backend (POOLSCOPE_BACKEND=wasm) or pool a smaller plane`,
    );
  }
  const outPlane = shapeSize(outSizes);
  const tapStart = new Int32Array(outPlane + 1);
  const taps = new Int32Array(total);
  const idx = new Array<number>(nd).fill(0);
  let n = 0;
  for (let o = 0; o < outPlane; o++) {
    tapStart[o] = n;
    n = appendProduct(perAxis, idx, 0, 0, taps, n);
    // advance the row-major output index
    for (let a = nd - 1; a >= 0; a--) {
      if (++idx[a] < outSizes[a]) break;
      idx[a] = 0;
    }
  }
  tapStart[outPlane] = n;
  return { axes, inPlane, outPlane, tapStart, taps };
}

/** Writes the window's taps from out[n]; returns the next free slot. */
function appendProduct(
  perAxis: number[][][],
  idx: number[],
  a: number,
  base: number,
  out: Int32Array,
  n: number,
): number {
  const list = perAxis[a][idx[a]];
  const last = a === perAxis.length - 1;
  for (const off of list) {
    if (last) out[n++] = base + off;
    else n = appendProduct(perAxis, idx, a + 1, base + off, out, n);
  }
  return n;
}

/**
 * Max over every window of every plane, with PyTorch's rules: strict `>` so the first maximum wins, a NaN
 * always wins so the last NaN's index is kept. An empty window gives `empty` and index −1.
 */
export function maxOverPlan(
  src: Float32Array,
  planes: number,
  plan: WindowPlan,
  empty = -Infinity,
): { values: Float32Array; indices: Int32Array } {
  const values = new Float32Array(planes * plan.outPlane);
  const indices = new Int32Array(planes * plan.outPlane);
  const { tapStart, taps } = plan;
  for (let p = 0; p < planes; p++) {
    const inBase = p * plan.inPlane;
    const outBase = p * plan.outPlane;
    for (let o = 0; o < plan.outPlane; o++) {
      const t0 = tapStart[o];
      const t1 = tapStart[o + 1];
      if (t1 === t0) {
        values[outBase + o] = empty;
        indices[outBase + o] = -1;
        continue;
      }
      let best = -Infinity;
      let bestIdx = taps[t0];
      for (let t = t0; t < t1; t++) {
        const v = src[inBase + taps[t]];
        if (v > best || v !== v) {
          best = v;
          bestIdx = taps[t];
        }
      }
      values[outBase + o] = best;
      indices[outBase + o] = bestIdx;
    }
  }
  return { values, indices };
}

/** Sum over every window divided by its divisor (per output position of a plane; 0 → output 0). */
export function meanOverPlan(
  src: Float32Array,
  planes: number,
  plan: WindowPlan,
  divisors: Float32Array,
): Float32Array {
  const y = new Float32Array(planes * plan.outPlane);
  const { tapStart, taps } = plan;
  for (let p = 0; p < planes; p++) {
    const inBase = p * plan.inPlane;
    const outBase = p * plan.outPlane;
    for (let o = 0; o < plan.outPlane; o++) {
      const div = divisors[o];
      if (div === 0) continue;
      let sum = 0;
      for (let t = tapStart[o]; t < tapStart[o + 1]; t++) sum += src[inBase + taps[t]];
      y[outBase + o] = sum / div;
    }
  }
  return y;
}

/** Row-major multi-index of output `o` of a plane. */
export function unravel(o: number, sizes: readonly number[]): number[] {
  const idx = new Array<number>(sizes.length);
  for (let a = sizes.length - 1; a >= 0; a--) {
    idx[a] = o % sizes[a];
    o = Math.floor(o / sizes[a]);
  }
  return idx;
}

/** Backward of a max: each output gradient goes to its argmax (accumulating where windows share a winner). */
export function scatterToArgmax(
  gradY: Float32Array,
  indices: ArrayLike<number>,
  planes: number,
  outPlane: number,
  inPlane: number,
): Float32Array {
  const gradX = new Float32Array(planes * inPlane);
  for (let p = 0; p < planes; p++) {
    for (let o = 0; o < outPlane; o++) {
      const idx = indices[p * outPlane + o];
      if (idx >= 0) gradX[p * inPlane + idx] += gradY[p * outPlane + o];
    }
  }
  return gradX;
}

/** Backward of a mean: each output gradient is split as gradY / divisor over its window's in-bounds taps. */
export function spreadOverPlan(
  gradY: Float32Array,
  planes: number,
  plan: WindowPlan,
  divisors: Float32Array,
): Float32Array {
  const gradX = new Float32Array(planes * plan.inPlane);
  const { tapStart, taps } = plan;
  for (let p = 0; p < planes; p++) {
    for (let o = 0; o < plan.outPlane; o++) {
      const div = divisors[o];
      if (div === 0) continue;
      const g = gradY[p * plan.outPlane + o] / div;
      for (let t = tapStart[o]; t < tapStart[o + 1]; t++) gradX[p * plan.inPlane + taps[t]] += g;
    }
  }
  return gradX;
}
