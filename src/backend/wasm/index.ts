/**
 * The WebAssembly SIMD backend's kernel table: runtime.ts loads pool.wasm (built from assembly/pool.ts) and
 * its memory, workers.ts the threads, kernels.ts binds each exported kernel, depthMax.ts builds 3-d max from
 * the 2-d kernel, sppTable.ts lays out a pyramid for the one-call SPP kernel. A kernel returns null for a case
 * it has no kernel for (3-d average, gapped windows), and the TypeScript reference runs instead.
 */
import { shapeSize } from "../../core/shape.js";
import type { AxisWindows } from "../../geometry/window.js";
import type { PoolKernels } from "../kernels.js";
import { binRanges } from "./dispatch.js";
import { maxPool3dWasm } from "./depthMax.js";
import {
  avgPool2dWasm,
  binsPool2dWasm,
  conv2dWasm,
  maxPool2dWasm,
  planeReduceWasm,
  reluWasm,
  pool2dNhwcWasm,
  sppPoolWasm,
} from "./kernels.js";

export const WASM_KERNELS: PoolKernels = {
  maxPool(x, planes, axes, wantIndices, out) {
    if (axes.length <= 2) return maxPool2dWasm(x, planes, axes, wantIndices, out);
    if (axes.length === 3 && !wantIndices) return { values: maxPool3dWasm(x, planes, axes, out) };
    return null;
  },
  avgPool(x, planes, axes, divisors, out) {
    return axes.length <= 2 ? avgPool2dWasm(x, planes, axes, divisors, out) : null;
  },
  binsPool(x, planes, spatial, axes, mode, divisors, wantIndices, out) {
    const whole = axes.every(
      (a, i) => a.kind === "bins" && a.bins.length === 1 && a.bins[0][0] === 0 && a.bins[0][1] === spatial[i],
    );
    if (whole && !(mode === "max" && wantIndices)) {
      const n = shapeSize(spatial);
      return { values: planeReduceWasm(x, planes, n, mode, out) };
    }
    const axes2 = axes.length === 1 ? [{ kind: "bins", size: 1, bins: [[0, 1]] } as AxisWindows, axes[0]] : axes;
    const ranges = binRanges(axes2);
    if (!ranges) return null;
    const [h, w] = axes.length === 1 ? [1, spatial[0]] : spatial;
    return binsPool2dWasm(x, planes, h, w, ranges, mode, divisors ?? null, mode === "max" && wantIndices, out);
  },
  poolChannelsLast(x, shape, axes, mode, divisors, out) {
    return axes.length <= 2 ? pool2dNhwcWasm(x, shape, axes, mode, divisors, out) : null;
  },
  sppPool: sppPoolWasm,
  conv2d: conv2dWasm,
  relu: reluWasm,
};
