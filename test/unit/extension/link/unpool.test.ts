import { describe, expect, it } from "vitest";
import { planeAxes, windowCells } from "../../../../extension/src/link/pooling.js";
import { unpoolTarget, unpoolWriters } from "../../../../extension/src/link/unpool.js";
import { arange, maxPool2d, maxUnpool2d, reshape, unpoolAsWindow } from "../../../../src/index.js";

// pooling 1…16 (4×4) with 2×2 windows gives 6, 8, 14, 16 at flat indices 5, 7, 13, 15
const grid = reshape(arange(1, 17), [1, 1, 4, 4]);
const p = maxPool2d(grid, { kernelSize: 2, returnIndices: true });

function axesOf(outputSize?: number[]) {
  const r = maxUnpool2d(p.output, p.indices, { kernelSize: 2, outputSize, trace: true });
  const axes = planeAxes(unpoolAsWindow(r.trace), r.output.shape, r.input.shape);
  if (!axes) throw new Error("not drawable");
  return { r, axes };
}

describe("unpooling read from its trace", () => {
  it("a pooled cell's value goes to its recorded index, inside its window", () => {
    const { axes } = axesOf();
    expect(unpoolTarget(axes, 0, 1, 0, 2, 2)).toEqual([3, 1]); // 14 came from (3, 1)
    const cells = windowCells(axes, 1, 0).map((c) => [c.i, c.j]);
    expect(cells).toEqual([
      [2, 0],
      [2, 1],
      [3, 0],
      [3, 1],
    ]);
  });

  it("a map cell names the value written there, or none", () => {
    const { axes } = axesOf();
    expect(unpoolWriters(axes, 0, 3, 1, 2, 2)).toEqual([[1, 0]]);
    expect(unpoolWriters(axes, 0, 0, 0, 2, 2)).toEqual([]);
  });

  it("into a wider output the same flat indices land elsewhere, even outside their windows", () => {
    const { r, axes } = axesOf([5, 5]);
    // flat 13 in a 5-wide map is (2, 3), outside pooled (1, 0)'s window over rows 2…3, cols 0…1
    expect(unpoolTarget(axes, 0, 1, 0, 2, 2)).toEqual([2, 3]);
    expect(r.output.data[13]).toBe(14);
    expect(windowCells(axes, 1, 0).some((c) => c.i === 2 && c.j === 3)).toBe(false);
    expect(unpoolWriters(axes, 0, 2, 3, 2, 2)).toEqual([[1, 0]]);
  });
});
