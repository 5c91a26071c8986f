import { describe, expect, it } from "vitest";
import { ParameterError, parseTrace, randn, roiAlign, roiPool, tensor, Tensor } from "../../../src/index.js";

/** A map whose value is the column index: bilinear reads of it are exact, so a bin's mean is its samples' mean. */
function columns(h: number, w: number): Tensor {
  return new Tensor(
    Float32Array.from({ length: h * w }, (_, i) => i % w),
    [1, 1, h, w],
  );
}

describe("roiAlign", () => {
  it("on a linear map, each bin is the mean of its sample coordinates", () => {
    // legacy op: box x 1..3 → start 1, extent 2; one bin, 2 samples at 1 + 0.5 and 1 + 1.5
    const y = roiAlign(columns(6, 6), tensor([[0, 1, 1, 3, 3]]), { outputSize: 1, samplingRatio: 2 });
    expect(Array.from(y.data)).toEqual([2]);
    // aligned shifts the box by −0.5: samples at 0.5 + 0.5 and 0.5 + 1.5
    const a = roiAlign(columns(6, 6), tensor([[0, 1, 1, 3, 3]]), { outputSize: 1, samplingRatio: 2, aligned: true });
    expect(Array.from(a.data)).toEqual([1.5]);
  });

  it("moves with a box moved by a fraction of a cell, where roiPool's rounding does not", () => {
    const x = columns(8, 8);
    const at = (dx: number) => tensor([[0, 1 + dx, 1, 5 + dx, 5]]);
    const align = (dx: number) => roiAlign(x, at(dx), { outputSize: 2 }).data[0];
    const pool = (dx: number) => roiPool(x, at(dx), { outputSize: 2 }).data[0];
    expect(align(0.25) - align(0)).toBeCloseTo(0.25, 5);
    expect(pool(0.25)).toBe(pool(0));
  });

  it("adaptive sampling takes ⌈bin size⌉ samples per axis, per region", () => {
    const r = roiAlign(randn([1, 1, 10, 10]), tensor([[0, 0, 0, 9, 4]]), { outputSize: 2, trace: true });
    const [ys, xs] = r.trace.regions[0].samples!;
    expect(ys.map((b) => b.length)).toEqual([2, 2]); // height 4 → 2 per bin
    expect(xs.map((b) => b.length)).toEqual([5, 5]); // width 9 → ⌈4.5⌉
  });

  it("a box wholly off the map gives 0, and its bins read no cell", () => {
    const r = roiAlign(randn([1, 2, 4, 4]), tensor([[0, 20, 20, 30, 30]]), { outputSize: 2, trace: true });
    expect(Array.from(r.output.data)).toEqual(new Array(8).fill(0));
    for (const axis of r.trace.regions[0].axes)
      expect(axis.kind === "bins" && axis.bins.every(([s, e]) => e === s)).toBe(true);
  });

  it("traces each bin's cells as the hull of what its samples weigh, and the box's continuous edges", () => {
    const r = roiAlign(randn([1, 1, 8, 8]), tensor([[0, 1, 1, 5, 3]]), {
      outputSize: [1, 2],
      samplingRatio: 2,
      trace: true,
    });
    expect(r.trace.mode).toBe("align");
    const region = r.trace.regions[0];
    expect(region.edges).toEqual([
      [1.5, 3.5],
      [1.5, 5.5],
    ]);
    // columns: bin 0 samples 1.5, 2.5 → cells 1..3; bin 1 samples 3.5, 4.5 → cells 3..5
    expect(region.samples![1]).toEqual([
      [1.5, 2.5],
      [3.5, 4.5],
    ]);
    expect(region.axes[1]).toEqual({
      kind: "bins",
      size: 8,
      bins: [
        [1, 4],
        [3, 6],
      ],
    });
    expect(parseTrace(JSON.parse(JSON.stringify(r.trace)))).toEqual({ ok: true, trace: r.trace });
  });

  it("refuses a fractional sampling ratio, a bad batch index and a non-boolean aligned, naming each", () => {
    const x = randn([1, 1, 4, 4]);
    const box = tensor([[0, 0, 0, 2, 2]]);
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof ParameterError ? e.message : `not a ParameterError: ${String(e)}`;
      }
      return "no error";
    };
    expect(err(() => roiAlign(x, box, { outputSize: 2, samplingRatio: 1.5 }))).toMatch(/samplingRatio.*1\.5/);
    expect(err(() => roiAlign(x, tensor([[1, 0, 0, 2, 2]]), { outputSize: 2 }))).toMatch(/boxes.*batch index/);
    expect(err(() => roiAlign(x, box, { outputSize: 2, aligned: 1 as unknown as boolean }))).toMatch(/aligned/);
  });
});
