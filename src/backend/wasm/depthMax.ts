/**
 * 3-d max pooling from the 2-d kernels: max is separable, so each depth slice is pooled over (H, W) by the
 * wasm kernel, then every output depth takes the elementwise max of the slices its depth window reaches.
 * The depth pass follows PyTorch's rule (a NaN wins), and the slices already do, so values are exact.
 */
import { windowTaps, type AxisGeometry } from "../../geometry/window.js";
import { maxPool2dWasm } from "./kernels.js";

/** Max pooling of (N·C) volumes D×H×W (channels first) into `out` or a new array; values only. */
export function maxPool3dWasm(
  x: Float32Array,
  volumes: number,
  axes: readonly AxisGeometry[],
  out?: Float32Array,
): Float32Array {
  const [ad, ah, aw] = axes;
  const slices = maxPool2dWasm(x, volumes * ad.size, [ah, aw], false).values;
  const plane = ah.outSize * aw.outSize;
  const od = ad.outSize;
  const y = out ?? new Float32Array(volumes * od * plane);
  const taps = Array.from({ length: od }, (_, o) => windowTaps(ad, o));
  for (let v = 0; v < volumes; v++) {
    for (let o = 0; o < od; o++) {
      const dst = (v * od + o) * plane;
      const t = taps[o];
      if (t.length === 0) {
        y.fill(-Infinity, dst, dst + plane);
        continue;
      }
      y.set(slices.subarray((v * ad.size + t[0]) * plane, (v * ad.size + t[0] + 1) * plane), dst);
      for (let k = 1; k < t.length; k++) {
        const src = (v * ad.size + t[k]) * plane;
        for (let p = 0; p < plane; p++) {
          const s = slices[src + p];
          if (s > y[dst + p] || s !== s) y[dst + p] = s;
        }
      }
    }
  }
  return y;
}
