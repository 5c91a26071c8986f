import { describe, expect, it } from "vitest";
import {
  arange,
  maxPool1d,
  maxPool2d,
  maxUnpool1d,
  maxUnpool2d,
  parseTrace,
  reshape,
  tensor,
  unpoolAsWindow,
} from "../../../src/index.js";
import { traceFigureMarks } from "../../../src/display/figureMarks.js";
import { axisTaps } from "../../../src/geometry/window.js";

describe("max unpooling traces", () => {
  const x = reshape(arange(1, 17), [1, 1, 4, 4]);
  const p = maxPool2d(x, { kernelSize: 2, stride: 2, padding: 1, returnIndices: true });

  it("record the inverted pooling over the output and every value's target, which lies in its window", () => {
    const r = maxUnpool2d(p.output, p.indices, { kernelSize: 2, stride: 2, padding: 1, trace: true });
    expect(r.trace.kind).toBe("unpool");
    expect(r.trace.targets).toEqual(Array.from(p.indices.data));
    const [rows, cols] = r.trace.axes;
    // size = the unpooled output's, outSize = the pooled input's
    expect(rows.kind === "sliding" && [rows.geometry.size, rows.geometry.outSize]).toEqual([4, 3]);
    const [, , oh, ow] = r.input.shape;
    for (let k = 0; k < oh * ow; k++) {
      const t = r.trace.targets![k];
      expect(axisTaps(rows, Math.floor(k / ow))).toContain(Math.floor(t / 4));
      expect(axisTaps(cols, k % ow)).toContain(t % 4);
      expect(r.output.data[t]).toBe(r.input.data[k]);
    }
    expect(parseTrace(JSON.parse(JSON.stringify(r.trace)))).toEqual({ ok: true, trace: r.trace });
  });

  it("read as the pooling they invert: shapes swapped, targets as its argmax; the PNG marks swap sides too", () => {
    const r = maxUnpool2d(p.output, p.indices, { kernelSize: 2, stride: 2, padding: 1, trace: true });
    const w = unpoolAsWindow(r.trace);
    expect([w.inputShape, w.outputShape]).toEqual([r.trace.outputShape, r.trace.inputShape]);
    expect(w.argmax).toEqual(r.trace.targets);
    const marks = traceFigureMarks(r.trace);
    const direct = traceFigureMarks(w);
    expect(marks).toEqual({ input: direct.output, output: direct.input });
    // input (0, 0)'s window is rows/cols −1…0 (padding 1); its value 1 went to flat index 0
    expect(marks.output).toContainEqual({ plane: 0, i: 0, j: 0, h: 1, w: 1, kind: "argmax" });
  });

  it("1-d: one axis, and the untraced call still returns a plain tensor", () => {
    const q = maxPool1d(tensor([[[3, 1, 4, 1, 5, 9]]]), { kernelSize: 3, returnIndices: true });
    const r = maxUnpool1d(q.output, q.indices, { kernelSize: 3, trace: true });
    expect(r.trace.axes).toHaveLength(1);
    expect(r.trace.targets).toEqual([2, 5]);
    expect(Array.from(maxUnpool1d(q.output, q.indices, { kernelSize: 3 }).data)).toEqual([0, 0, 4, 0, 0, 9]);
  });
});
