/**
 * Comparing a result with a golden tensor: shapes exactly; values within |got − want| ≤ 1e-6 + 1e-5·|want|,
 * NaN only against NaN, infinities only against the same infinity; indices exactly.
 */
import type { Tensor } from "../core/tensor.js";
import type { GoldenTensor } from "./load.js";

export const ATOL = 1e-6;
export const RTOL = 1e-5;

/** null when equal, else a short reason naming the first differing element. */
export function compareTensor(name: string, got: Tensor, want: GoldenTensor, exact: boolean): string | null {
  if (got.shape.length !== want.shape.length || got.shape.some((d, i) => d !== want.shape[i])) {
    return `${name}: shape [${got.shape.join(", ")}], expected [${want.shape.join(", ")}]`;
  }
  let bad = 0;
  let first = -1;
  for (let i = 0; i < want.data.length; i++) {
    if (!close(got.data[i], want.data[i], exact)) {
      if (first < 0) first = i;
      bad++;
    }
  }
  if (bad === 0) return null;
  return `${name}: ${bad} of ${want.data.length} values differ; first at flat index ${first}: got ${got.data[first]}, expected ${want.data[first]}`;
}

export function close(got: number, want: number, exact: boolean): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (Number.isNaN(got)) return false;
  if (!Number.isFinite(want) || exact) return got === want;
  return Math.abs(got - want) <= ATOL + RTOL * Math.abs(want);
}
