import { describe, expect, it } from "vitest";
import { formulaText } from "../../../../extension/src/link/pooling.js";
import {
  depthSpan,
  slicesShown,
  volumeArgmax,
  volumeAxes,
  volumeDivisor,
  volumeFlatIndex,
  volumeOutputsContaining,
  volumeWindow,
  volumeWindowMarks,
  type VolumeAxes,
} from "../../../../extension/src/link/volume.js";
import { avgPool3d, maxPool2d, maxPool3d, tensor } from "../../../../src/index.js";

// (1, 2, 3, 4, 4): channel 0's cell (d, i, j) holds 16d + 4i + j, with a spike of 500 at (1, 1, 2); channel 1
// holds channel 0's ramp plus 100 (no spike)
const values = Array.from({ length: 2 * 48 }, (_, k) => {
  const c = Math.floor(k / 48);
  const r = k % 48;
  return c === 0 && r === 16 + 4 + 2 ? 500 : 100 * c + r;
});
const x = tensor(values, [1, 2, 3, 4, 4]);
const opts = { kernelSize: 2, stride: 2, padding: 1 } as const; // out (1, 2, 2, 3, 3)
const max = maxPool3d(x, { ...opts, trace: true });

function axes(trace = max.trace, outShape = max.output.shape): VolumeAxes {
  const v = volumeAxes(trace, x.shape, outShape);
  if (!v) throw new Error("not drawable");
  return v;
}

describe("3-d pooling geometry from the trace", () => {
  it("accepts a channels-first 3-d trace that matches the tensors, and nothing else", () => {
    const v = axes();
    expect([v.volumes, v.d, v.h, v.w, v.od, v.oh, v.ow]).toEqual([2, 3, 4, 4, 2, 3, 3]);
    expect(volumeAxes(max.trace, [1, 2, 3, 4, 5], max.output.shape)).toBeNull();
    expect(volumeAxes(max.trace, x.shape, [1, 2, 2, 3, 4])).toBeNull();
    expect(volumeAxes({ ...max.trace, channels: "last" }, x.shape, max.output.shape)).toBeNull();
    const flat = maxPool2d(tensor(values, [1, 2, 6, 8]), { kernelSize: 2, trace: true });
    expect(volumeAxes(flat.trace, [1, 2, 6, 8], flat.output.shape)).toBeNull();
  });

  it("lists a window's cells across its depth slices in the op's scan order, padding included", () => {
    const v = axes();
    expect(volumeWindow(v, 1, 1, 1).map((c) => [c.d, c.i, c.j])).toEqual([
      [1, 1, 1],
      [1, 1, 2],
      [1, 2, 1],
      [1, 2, 2],
      [2, 1, 1],
      [2, 1, 2],
      [2, 2, 1],
      [2, 2, 2],
    ]);
    const corner = volumeWindow(v, 0, 0, 0);
    expect(corner).toHaveLength(8);
    expect(corner.filter((c) => !c.pad)).toEqual([{ d: 0, i: 0, j: 0, pad: false }]);
  });

  it("lights the window rectangle on each slice it spans inside the input, padding as virtual cells", () => {
    const v = axes();
    const inner = volumeWindowMarks(v, 1, 1, 1, "−∞");
    expect([...inner.keys()]).toEqual([1, 2]);
    expect(inner.get(2)).toEqual([
      { i: 1, j: 1, style: "window" },
      { i: 1, j: 2, style: "window" },
      { i: 2, j: 1, style: "window" },
      { i: 2, j: 2, style: "window" },
    ]);
    const corner = volumeWindowMarks(v, 0, 0, 0, "−∞");
    expect([...corner.keys()]).toEqual([0]); // slice −1 is depth padding: no plane to draw on
    expect(corner.get(0)).toEqual([
      { i: -1, j: -1, style: "pad", text: "−∞" },
      { i: -1, j: 0, style: "pad", text: "−∞" },
      { i: 0, j: -1, style: "pad", text: "−∞" },
      { i: 0, j: 0, style: "window" },
    ]);
    expect(depthSpan(v, 0)).toEqual({ slices: [0], padded: 1 });
    expect(depthSpan(v, 1)).toEqual({ slices: [1, 2], padded: 0 });
  });

  it("reads the argmax the op recorded, per volume, as (d, i, j)", () => {
    const v = axes();
    const k0 = volumeFlatIndex(v, 0, 1, 1, 1);
    const k1 = volumeFlatIndex(v, 1, 1, 1, 1);
    expect([k0, k1]).toEqual([13, 31]);
    expect(volumeArgmax(v, k0)).toEqual([1, 1, 2]); // the spike
    expect(volumeArgmax(v, k1)).toEqual([2, 2, 2]); // channel 1's ramp peaks at the window's far corner
    expect(max.output.data[k0]).toBe(500);
    expect(volumeArgmax(axes({ ...max.trace, argmax: [48] }), 0)).toBeNull();
  });

  it("writes the formula with the window's real numbers", () => {
    const v = axes();
    const window = volumeWindow(v, 1, 1, 1).map((c) => ({
      pad: c.pad,
      value: values[(c.d * 4 + c.i) * 4 + c.j],
    }));
    expect(formulaText(v.trace, window, max.output.data[13], null)).toBe("max(21, 500, 25, 26, 37, 38, 41, 42) = 500");
  });

  it("reads average pooling's divisors over (oD, oH, oW)", () => {
    const incl = avgPool3d(x, { ...opts, trace: true });
    const excl = avgPool3d(x, { ...opts, countIncludePad: false, trace: true });
    expect(volumeDivisor(axes(incl.trace, incl.output.shape), 0, 0, 0)).toBe(8);
    expect(volumeDivisor(axes(excl.trace, excl.output.shape), 0, 0, 0)).toBe(1);
    expect(volumeDivisor(axes(excl.trace, excl.output.shape), 1, 1, 1)).toBe(8);
  });

  it("finds every output whose window contains an input cell", () => {
    const v = axes();
    expect(volumeOutputsContaining(v, 1, 1, 2)).toEqual([[1, 1, 1]]);
    expect(volumeOutputsContaining(v, 0, 0, 0)).toEqual([[0, 0, 0]]);
    const overlapping = maxPool3d(x, { kernelSize: 2, stride: 1, trace: true });
    const o = volumeAxes(overlapping.trace, x.shape, overlapping.output.shape)!;
    expect(volumeOutputsContaining(o, 1, 1, 1)).toHaveLength(8);
  });

  it("draws a bounded number of depth slices and says so", () => {
    expect(slicesShown(3, "input")).toEqual({ shown: 3, notice: null });
    expect(slicesShown(20, "input")).toEqual({
      shown: 8,
      notice: "input: showing depth slices 0…7 of 20 (size budget)",
    });
  });
});
