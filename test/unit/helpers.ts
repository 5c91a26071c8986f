import { expect } from "vitest";
import { tensor, type Tensor } from "../../src/index.js";

/** (1, 1, …values) tensor of a 1-d list. */
export const row = (values: number[]): Tensor => tensor(values, [1, 1, values.length]);

/** (1, 1, h, w) tensor of a nested list. */
export const img = (rows: number[][]): Tensor => tensor(rows.flat(), [1, 1, rows.length, rows[0].length]);

/**
 * `got` has exactly `shape`, and every value is within the golden files' tolerance of `want` (flat, row-major):
 * |got − want| ≤ 1e-6 + 1e-5·|want|; NaN only where `want` is NaN, an infinity only where it is the same one.
 */
export function expectClose(got: Tensor, shape: readonly number[], want: readonly number[]): void {
  if (want.length !== shape.reduce((n, d) => n * d, 1)) {
    throw new Error(`expectClose: ${want.length} expected values do not fill shape [${shape.join(", ")}]`);
  }
  expect(got.shape).toEqual(shape);
  const off: string[] = [];
  want.forEach((w, i) => {
    const g = got.data[i];
    const ok = Number.isNaN(w)
      ? Number.isNaN(g)
      : Number.isFinite(w)
        ? Math.abs(g - w) <= 1e-6 + 1e-5 * Math.abs(w)
        : g === w;
    if (!ok) off.push(`[${i}] got ${g}, expected ${w}`);
  });
  expect(off).toEqual([]);
}
