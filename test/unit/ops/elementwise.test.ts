// What the golden file cannot say: the methods exist and chain, free and method forms agree, the refusal's
// words, map, and the hot paths' results beside a hand loop.
import { describe, expect, it } from "vitest";
import { add, arange, div, map, mul, ParameterError, rand, sub, tensor, where } from "../../../src/index.js";

describe("elementwise ops", () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  it("chain as methods and agree with the free functions", () => {
    const chained = x.add(1).mul(2).sub(x).div(2).pow(2).neg().abs().sqrt();
    const free = div(sub(mul(add(x, 1), 2), x), 2);
    expect(Array.from(chained.data)).toEqual(Array.from(free.data));
    expect(chained.shape).toEqual([2, 3]);
  });

  it("take a number on either side of a free function", () => {
    expect(Array.from(sub(10, x).data)).toEqual([9, 8, 7, 6, 5, 4]);
    expect(Array.from(div(x, 2).data)).toEqual([0.5, 1, 1.5, 2, 2.5, 3]);
  });

  it("refuse shapes that do not broadcast, naming the op, the argument and both shapes", () => {
    const call = (): unknown => x.add(tensor([1, 2]));
    expect(call).toThrow(ParameterError);
    expect(call).toThrow(/^add: other of shape \[2\] does not broadcast with input of shape \[2, 3\]/);
    expect(() => x.mul(tensor([[1], [2], [3]]))).toThrow(/mul: other of shape \[3, 1\].*input of shape \[2, 3\]/);
  });

  it("compare into 0/1 float32 tensors", () => {
    expect(Array.from(x.gt(3).data)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(x.eq(tensor([1, 0, 3])).data)).toEqual([1, 0, 1, 0, 0, 0]);
    expect(x.le(2).data).toBeInstanceOf(Float32Array);
  });

  it("where as method and function, with a number for the other side", () => {
    const c = x.gt(2);
    expect(Array.from(x.where(c, 0).data)).toEqual([0, 0, 3, 4, 5, 6]);
    expect(Array.from(where(c, x, -1).data)).toEqual([-1, -1, 3, 4, 5, 6]);
  });

  it("clamp refuses no bounds at all", () => {
    expect(() => x.clamp()).toThrow(/clamp: min and max must not both be undefined/);
    expect(Array.from(x.clamp(2, 4).data)).toEqual([2, 2, 3, 4, 4, 4]);
  });

  it("map applies a function of one value (and its flat index) into a new tensor", () => {
    const m = x.map((v, i) => v * 10 + i);
    expect(Array.from(m.data)).toEqual([10, 21, 32, 43, 54, 65]);
    expect(Array.from(x.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => map(x, 3 as never)).toThrow(/map: fn must be a function/);
  });

  it("round a number operand to float32 first, as PyTorch does", () => {
    // 0.1 as float32 is 0.100000001490116…; 1 + that in float32 is 1.10000002384
    expect(tensor([1]).add(0.1).data[0]).toBe(Math.fround(1 + Math.fround(0.1)));
  });

  it("on 2^20 values give what a hand-written typed-array loop gives (the hot paths)", () => {
    const a = rand([1 << 20], { seed: 1 });
    const b = rand([1 << 20], { seed: 2 });
    const hand = new Float32Array(a.size);
    // two float32 steps, as the two ops round: the product first, then the sum
    for (let i = 0; i < hand.length; i++) hand[i] = Math.fround(a.data[i] * b.data[i]) + a.data[i];
    // counted by hand: toEqual on a million-value typed array takes vitest minutes
    const got = mul(a, b).add(a).data;
    let differ = 0;
    for (let i = 0; i < hand.length; i++) if (got[i] !== hand[i]) differ++;
    expect(differ).toBe(0);
    const broadcast = a.reshape(1024, 1024).add(arange(1024));
    expect(broadcast.data[1025]).toBe(Math.fround(a.data[1025] + 1));
  });

  it("add and sub take alpha positionally or as { alpha }, the method and free forms alike", () => {
    const y = tensor([10, 20, 30]);
    expect(Array.from(x.add(y, 2).data)).toEqual([21, 42, 63, 24, 45, 66]);
    expect(Array.from(add(x, y, { alpha: 2 }).data)).toEqual([21, 42, 63, 24, 45, 66]);
    expect(Array.from(x.sub(y, 0.5).data)).toEqual([-4, -8, -12, -1, -5, -9]);
    expect(Array.from(sub(x, 1, { alpha: -1 }).data)).toEqual([2, 3, 4, 5, 6, 7]);
    // alpha 1 (given or not) takes the plain paths and gives the same
    expect(Array.from(x.add(y, { alpha: 1 }).data)).toEqual(Array.from(x.add(y).data));
    // one rounding of x + alpha·y, as PyTorch's fused multiply-add: −3 + 3·(1 + 2^-23) is 3·2^-23 exactly,
    // where rounding the product first (to 3 + 2^-21) would give 4·2^-23
    const y1 = Math.fround(1 + 2 ** -23);
    expect(tensor([-3]).add(tensor([y1]), 3).data[0]).toBe(3 * 2 ** -23);
    expect(tensor([3]).sub(y1, 3).data[0]).toBe(-3 * 2 ** -23);
    expect(() => x.add(y, "2" as never)).toThrow(/add: alpha must be a number, got "2"/);
  });

  it("div rounds toward zero or −inf on request, as Python's int() and //, with PyTorch's refusal otherwise", () => {
    const n = tensor([7, -7, 7, -7, 0.5, -0.5]);
    const d = tensor([2, 2, -2, -2, 1, 1]);
    expect(Array.from(n.div(d, { roundingMode: "trunc" }).data)).toEqual([3, -3, -3, 3, 0, -0]);
    expect(Array.from(div(n, d, { roundingMode: "floor" }).data)).toEqual([3, -4, -4, 3, 0, -1]);
    expect(Array.from(n.div(d, { roundingMode: null }).data)).toEqual([3.5, -3.5, -3.5, 3.5, 0.5, -0.5]);
    // a division by zero keeps IEEE's result in every mode
    expect(Array.from(tensor([1, -1, 0]).div(0, { roundingMode: "floor" }).data)).toEqual([Infinity, -Infinity, NaN]);
    expect(() => n.div(d, { roundingMode: "round" as never })).toThrow(
      /div: roundingMode must be "trunc", "floor" or left out \(true division\), got "round"/,
    );
  });
});
