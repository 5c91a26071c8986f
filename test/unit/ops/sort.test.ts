import { describe, expect, it } from "vitest";
import { allclose, eye, linspace, matmul, ones, sort, tensor } from "../../../src/index.js";

describe("ordering, comparisons, constructors, matmul", () => {
  it("sort is stable and puts NaN last (first when descending)", () => {
    const r = sort(tensor([2, 1, NaN, 1, 2]));
    expect(Array.from(r.indices.data)).toEqual([1, 3, 0, 4, 2]);
    const d = tensor([2, 1, NaN, 1, 2]).sort(0, true);
    expect(Array.from(d.indices.data)).toEqual([2, 0, 4, 1, 3]);
  });

  it("topk gives the k largest, ties in index order", () => {
    const r = tensor([1, 3, 3, 2]).topk(2);
    expect(Array.from(r.values.data)).toEqual([3, 3]);
    expect(Array.from(r.indices.data)).toEqual([1, 2]);
  });

  it("allclose and equal answer with booleans", () => {
    expect(allclose(tensor([1, 2]), tensor([1, 2.000001]))).toBe(true);
    expect(tensor([1, 2]).equal(tensor([1, 2]))).toBe(true);
    expect(tensor([1, 2]).equal(tensor([[1, 2]]))).toBe(false);
  });

  it("matmul of eye is the identity; constructors have PyTorch's shapes", () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(Array.from(matmul(a, eye(2)).data)).toEqual([1, 2, 3, 4]);
    expect(Array.from(a.matmul(ones([2])).data)).toEqual([3, 7]);
    expect(Array.from(linspace(0, 1, 3).data)).toEqual([0, 0.5, 1]);
    expect(a.nonzero().shape).toEqual([4, 2]);
  });
});
