import { expect } from "vitest";
import { tensor, type Tensor } from "../../src/index.js";

/** (1, 1, …values) tensor of a 1-d list. */
export const row = (values: number[]): Tensor => tensor(values, [1, 1, values.length]);

/** (1, 1, h, w) tensor of a nested list. */
export const img = (rows: number[][]): Tensor => tensor(rows.flat(), [1, 1, rows.length, rows[0].length]);

export function expectClose(got: ArrayLike<number>, want: number[], digits = 4): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    if (Number.isNaN(w)) expect(got[i]).toBeNaN();
    else expect(got[i]).toBeCloseTo(w, digits);
  });
}
