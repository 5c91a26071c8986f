/**
 * Colour for tensor values, shared by the kernel's PNG and the browser's canvas so both draw the same
 * picture. Non-negative data gets viridis (sequential); signed data a diverging blue–white–red centred at 0
 * (both colour-blind safe). Non-finite values get fixed colours here; the renderer adds glyphs on top.
 */
import type { TensorStats } from "./stats.js";

export type Rgb = readonly [number, number, number];

export interface ColorScale {
  kind: "sequential" | "diverging";
  /** Value mapped to the low end (for diverging, −max|v|). */
  lo: number;
  /** Value mapped to the high end. */
  hi: number;
}

// viridis, sampled at 9 evenly spaced points (matplotlib's table)
export const VIRIDIS: Rgb[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

// RdBu reversed (blue for negative), ColorBrewer's 9-class diverging scheme
export const DIVERGING: Rgb[] = [
  [33, 102, 172],
  [67, 147, 195],
  [146, 197, 222],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [244, 165, 130],
  [214, 96, 77],
  [178, 24, 43],
];

export const NAN_COLOR: Rgb = [255, 0, 255];
export const POS_INF_COLOR: Rgb = [255, 255, 255];
export const NEG_INF_COLOR: Rgb = [0, 0, 0];

export function scaleFor(stats: Pick<TensorStats, "min" | "max">): ColorScale {
  const min = stats.min ?? 0;
  const max = stats.max ?? 0;
  if (min < 0) {
    const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
    return { kind: "diverging", lo: -m, hi: m };
  }
  return { kind: "sequential", lo: min, hi: max > min ? max : min + 1 };
}

/** Position in [0, 1] of a finite value on the scale. */
export function scalePosition(v: number, scale: ColorScale): number {
  const t = (v - scale.lo) / (scale.hi - scale.lo);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

export function colorAt(t: number, kind: ColorScale["kind"]): Rgb {
  const table = kind === "diverging" ? DIVERGING : VIRIDIS;
  const x = t * (table.length - 1);
  const i = Math.min(Math.floor(x), table.length - 2);
  const f = x - i;
  const a = table[i];
  const b = table[i + 1];
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

export function valueColor(v: number, scale: ColorScale): Rgb {
  if (v !== v) return NAN_COLOR;
  if (v === Infinity) return POS_INF_COLOR;
  if (v === -Infinity) return NEG_INF_COLOR;
  return colorAt(scalePosition(v, scale), scale.kind);
}
