import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adaptiveAvgPool2d,
  arange,
  avgPool2d,
  globalMaxPool,
  JUPYTER_DISPLAY,
  lpPool1d,
  maxPool1d,
  maxPool2d,
  parseTrace,
  PAYLOAD_VERSION,
  randn,
  reshape,
  roiPool,
  spatialPyramidPool,
  stripPool,
  TENSOR_MIME,
  tensor,
  TRACE_ARRAY_LIMIT,
  windowExtent,
} from "../../../src/index.js";
import { parseTensorPayload } from "../../../src/wire/payload.js";
import { axisTaps } from "../../../src/geometry/window.js";

describe("window traces", () => {
  it("max: the argmax of every output lies in that output's window, and equals the indices", () => {
    const x = randn([2, 3, 7, 9], { seed: 5 });
    const r = maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1, trace: true });
    expect(r.trace.argmax).toEqual(Array.from(r.indices.data));
    const [, , oh, ow] = r.output.shape;
    const [ah, aw] = r.trace.axes;
    for (let k = 0; k < r.output.size; k++) {
      const i = Math.floor(k / ow) % oh;
      const j = k % ow;
      const arg = r.trace.argmax![k];
      expect(axisTaps(ah, i)).toContain(Math.floor(arg / 9));
      expect(axisTaps(aw, j)).toContain(arg % 9);
    }
  });

  it("the window extent tells which part is padding: k3 s2 p1, window 0 starts at −1 with one padded tap", () => {
    const r = maxPool1d(tensor([1, 2, 3, 4, 5], [1, 1, 5]), { kernelSize: 3, stride: 2, padding: 1, trace: true });
    const e = windowExtent(r.trace.axes[0], 0);
    expect([e.start, e.end, e.padBefore, e.padAfter, e.taps]).toEqual([-1, 2, 1, 0, [0, 1]]);
    const last = windowExtent(r.trace.axes[0], 2);
    expect([last.start, last.padAfter, last.taps]).toEqual([3, 1, [3, 4]]);
  });

  it("avg: the divisors are the in-bounds counts when padding is excluded (3×3, k3 s2 p1 → 4, 6, 6, 9)", () => {
    const x = reshape(arange(1, 10), [1, 1, 3, 3]);
    const r = avgPool2d(x, { kernelSize: 3, stride: 2, padding: 1, countIncludePad: false, trace: true });
    expect(r.trace.divisors).toEqual([4, 4, 4, 4]);
    const r2 = avgPool2d(reshape(arange(25), [1, 1, 5, 5]), {
      kernelSize: 3,
      stride: 2,
      padding: 1,
      countIncludePad: false,
      trace: true,
    });
    expect(r2.trace.divisors).toEqual([4, 6, 4, 6, 9, 6, 4, 6, 4]);
    expect(r2.trace.countIncludePad).toBe(false);
  });

  it("adaptive: bins per axis", () => {
    const r = adaptiveAvgPool2d(randn([1, 1, 5, 7]), { outputSize: [3, 4], trace: true });
    expect(r.trace.family).toBe("adaptive");
    expect(r.trace.axes[0]).toEqual({
      kind: "bins",
      size: 5,
      bins: [
        [0, 2],
        [1, 4],
        [3, 5],
      ],
    });
    expect(r.trace.axes[1]).toEqual({
      kind: "bins",
      size: 7,
      bins: [
        [0, 2],
        [1, 4],
        [3, 6],
        [5, 7],
      ],
    });
  });

  it("global, strip and LP traces say what they are", () => {
    const x = randn([1, 2, 4, 6]);
    expect(globalMaxPool(x, { trace: true }).trace.family).toBe("global");
    const s = stripPool(x, "vertical", { trace: true }).trace;
    expect([s.family, s.strip]).toEqual(["strip", "vertical"]);
    expect(s.axes[0]).toEqual({ kind: "bins", size: 4, bins: [[0, 4]] });
    const lp = lpPool1d(randn([1, 1, 8]), { normType: 2, kernelSize: 3, trace: true }).trace;
    expect([lp.reduce, lp.normType, lp.lpScale]).toEqual(["lp", 2, 3]);
  });

  it("SPP: one entry per level with its offset in the output row", () => {
    const r = spatialPyramidPool(randn([1, 3, 8, 8]), { levels: [4, 2, 1], trace: true });
    expect(r.trace.levels.map((l) => l.offset)).toEqual([0, 48, 60]);
  });

  it("RoI: regions and their bins on the map", () => {
    const r = roiPool(randn([1, 1, 8, 8]), tensor([[0, 0, 0, 7, 3]]), { outputSize: [1, 2], trace: true });
    expect(r.trace.regions[0].axes).toEqual([
      { kind: "bins", size: 8, bins: [[0, 4]] },
      {
        kind: "bins",
        size: 8,
        bins: [
          [0, 4],
          [4, 8],
        ],
      },
    ]);
  });

  it("RoI: each region's box on the map, scaled and rounded but not clipped", () => {
    // box x 1…13, y 2…30 at scale 1/4: columns round(0.25)=0 … round(3.25)=3, rows round(0.5)=1 … round(7.5)=8
    // (halves away from zero); rows reach past the 6-row map, the rect keeps that, the bins are clipped
    const r = roiPool(randn([1, 1, 6, 8]), tensor([[0, 1, 2, 13, 30]]), {
      outputSize: 2,
      spatialScale: 0.25,
      trace: true,
    });
    const region = r.trace.regions[0];
    expect(region.rect).toEqual([
      [1, 9],
      [0, 4],
    ]);
    expect(region.axes[0]).toEqual({
      kind: "bins",
      size: 6,
      bins: [
        [1, 5],
        [5, 6],
      ],
    });
    expect(parseTrace(JSON.parse(JSON.stringify(r.trace)))).toEqual({ ok: true, trace: r.trace });
    const bad = {
      ...r.trace,
      regions: [
        {
          ...region,
          rect: [
            [3, 1],
            [0, 4],
          ],
        },
      ],
    };
    expect(parseTrace(bad)).toEqual({ ok: false, error: "trace.regions[0].rect[0] ends before it starts" });
  });

  it("large outputs leave argmax out (the trace stays small)", () => {
    const r = maxPool1d(randn([1, 1, TRACE_ARRAY_LIMIT + 1]), { kernelSize: 1, trace: true });
    expect(r.trace.argmax).toBeUndefined();
    expect(r.trace.axes[0]).toMatchObject({ kind: "sliding" });
  });
});

describe("display payload version 5", () => {
  it("a traced result renders with input and trace in the payload", () => {
    const x = randn([1, 2, 6, 6], { seed: 1 });
    const r = maxPool2d(x, { kernelSize: 2, trace: true });
    const bundle = r[JUPYTER_DISPLAY]();
    const payload = bundle[TENSOR_MIME];
    expect(PAYLOAD_VERSION).toBe(5);
    expect(payload.version).toBe(5);
    expect(payload.shape).toEqual([1, 2, 3, 3]);
    expect(payload.input?.shape).toEqual([1, 2, 6, 6]);
    expect(payload.trace).toEqual(r.trace);
    const parsed = parseTensorPayload(JSON.parse(JSON.stringify(payload)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Array.from(parsed.inputValues!)).toEqual(Array.from(x.data));
    expect(parsed.payload.trace).toEqual(r.trace);
    expect(parsed.warnings).toBeUndefined();
    expect(bundle["text/plain"]).toBeTypeOf("string");
  });

  it("a malformed trace or input is left out with a warning; the tensor still parses", () => {
    const payload = JSON.parse(
      JSON.stringify(maxPool2d(randn([1, 1, 4, 4]), { kernelSize: 2, trace: true })[JUPYTER_DISPLAY]()[TENSOR_MIME]),
    );
    payload.trace.axes[0].geometry.kernel = -1;
    payload.input.data = "!!";
    const parsed = parseTensorPayload(payload);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.payload.trace).toBeUndefined();
    expect(parsed.payload.input).toBeUndefined();
    expect(parsed.warnings).toHaveLength(2);
    expect(parsed.warnings![1]).toContain("kernel");
  });

  it("parseTrace never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = parseTrace(v);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 500 },
    );
  });

  it("parseTrace never throws on real traces with one field replaced", () => {
    const trace = JSON.parse(
      JSON.stringify(spatialPyramidPool(randn([1, 1, 6, 6]), { levels: [2, 1], trace: true }).trace),
    );
    const keys = Object.keys(trace);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (k, v) => {
        const r = parseTrace({ ...trace, [k]: v });
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
    expect(parseTrace(trace)).toEqual({ ok: true, trace });
  });
});
