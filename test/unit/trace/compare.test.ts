import { describe, expect, it } from "vitest";
import {
  compareSpp,
  JUPYTER_DISPLAY,
  maxPool2d,
  ParameterError,
  rand,
  spatialPyramidPool,
  TENSOR_MIME,
  type TracedPool,
  type SppTrace,
} from "../../../src/index.js";
import { parseTensorPayload } from "../../../src/wire/payload.js";
import { decode as decodePng } from "fast-png";

const pair = () => {
  const a = spatialPyramidPool(rand([1, 2, 5, 7], { seed: 1 }), { levels: [1, 2, 4], trace: true });
  const b = spatialPyramidPool(rand([1, 2, 8, 6], { seed: 2 }), { levels: [1, 2, 4], trace: true });
  return { a, b };
};

describe("compareSpp", () => {
  it("carries both results in one payload, and they decode to the library's own tensors", () => {
    const { a, b } = pair();
    const cmp = compareSpp(a, b);
    expect(cmp.sameLength).toBe(true);
    const bundle = cmp[JUPYTER_DISPLAY]();
    const parsed = parseTensorPayload(JSON.parse(JSON.stringify(bundle[TENSOR_MIME])));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings).toBeUndefined();
    expect(Array.from(parsed.values)).toEqual(Array.from(a.output.data));
    expect(Array.from(parsed.compare!.outputValues)).toEqual(Array.from(b.output.data));
    expect(Array.from(parsed.compare!.inputValues)).toEqual(Array.from(b.input.data));
    expect(parsed.payload.compare!.trace).toEqual(b.trace);
    expect(parsed.payload.compare!.output.shape).toEqual(parsed.payload.shape);
    expect(bundle["text/plain"].split("\n")).toHaveLength(2);
  });

  it("draws four panels in the PNG (two inputs, two vectors): larger than one traced result", () => {
    const { a, b } = pair();
    const one = decodePng(Buffer.from(a[JUPYTER_DISPLAY]()["image/png"], "base64"));
    const two = decodePng(Buffer.from(compareSpp(a, b)[JUPYTER_DISPLAY]()["image/png"], "base64"));
    // side by side, or each result on a line of its own when a row would cramp them (display/bundle.ts)
    expect(two.width * two.height).toBeGreaterThan(one.width * one.height);
    expect(two.width).toBeLessThanOrEqual(1024);
  });

  it("reports a malformed second result as a warning and keeps the first", () => {
    const { a, b } = pair();
    const raw = JSON.parse(JSON.stringify(compareSpp(a, b)[JUPYTER_DISPLAY]()[TENSOR_MIME]));
    raw.compare.output.data = raw.compare.output.data.slice(8);
    const parsed = parseTensorPayload(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.payload.compare).toBeUndefined();
    expect(parsed.warnings?.[0]).toMatch(/^compared result left out: output: data holds/);
    const notObject = parseTensorPayload({ ...raw, compare: 3 });
    expect(notObject.ok && notObject.warnings?.[0]).toBe("compared result left out: is not an object");
  });

  it("accepts only traced SPP results", () => {
    const { a } = pair();
    const window = maxPool2d(rand([1, 1, 4, 4]), { kernelSize: 2, trace: true });
    expect(() => compareSpp(a, window as unknown as TracedPool<SppTrace>)).toThrow(ParameterError);
    expect(() => compareSpp(a, null as unknown as TracedPool<SppTrace>)).toThrow(/compareSpp/);
  });
});
