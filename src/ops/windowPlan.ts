/**
 * A window plan: for every output position of one spatial plane, the flat in-plane offsets of its in-bounds
 * taps. It is computed once per call from the axis geometries and shared by all N·C planes, so the pooling
 * loops stay dimension-agnostic (1d, 2d and 3d use the same code).
 */
import { windowTaps, type AxisGeometry } from "../shape/window.js";

export interface WindowPlan {
  readonly axes: readonly AxisGeometry[];
  /** Number of input cells in one plane. */
  readonly inPlane: number;
  /** Number of output cells in one plane. */
  readonly outPlane: number;
  /** taps[tapStart[o] .. tapStart[o+1]) are the in-plane input offsets of output o, in scan order. */
  readonly tapStart: Int32Array;
  readonly taps: Int32Array;
}

export function planWindows(axes: readonly AxisGeometry[]): WindowPlan {
  const nd = axes.length;
  const inStrides = new Array<number>(nd);
  let inPlane = 1;
  for (let a = nd - 1; a >= 0; a--) {
    inStrides[a] = inPlane;
    inPlane *= axes[a].size;
  }
  const perAxis = axes.map((axis, a) =>
    Array.from({ length: axis.outSize }, (_, i) => windowTaps(axis, i).map((p) => p * inStrides[a])),
  );
  const outPlane = axes.reduce((n, axis) => n * axis.outSize, 1);
  const tapStart = new Int32Array(outPlane + 1);
  const taps: number[] = [];
  const idx = new Array<number>(nd).fill(0);
  for (let o = 0; o < outPlane; o++) {
    tapStart[o] = taps.length;
    appendProduct(perAxis, idx, 0, 0, taps);
    // advance the row-major output index
    for (let a = nd - 1; a >= 0; a--) {
      if (++idx[a] < axes[a].outSize) break;
      idx[a] = 0;
    }
  }
  tapStart[outPlane] = taps.length;
  return { axes, inPlane, outPlane, tapStart, taps: Int32Array.from(taps) };
}

function appendProduct(perAxis: number[][][], idx: number[], a: number, base: number, out: number[]): void {
  const list = perAxis[a][idx[a]];
  const last = a === perAxis.length - 1;
  for (const off of list) {
    if (last) out.push(base + off);
    else appendProduct(perAxis, idx, a + 1, base + off, out);
  }
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
