import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  JUPYTER_DISPLAY,
  parseTrace,
  randn,
  stripPool,
  stripPoolingModule,
  TENSOR_MIME,
  tensor,
  TRACE_ARRAY_LIMIT,
  TracedStripPooling,
} from "../../../src/index.js";
import { decodeFloat32, parseTensorPayload } from "../../../src/wire/payload.js";

describe("stripPoolingModule with trace: true", () => {
  it("returns the untraced module's tensors and a trace whose strips are the two stripPool outputs", () => {
    const x = randn([2, 3, 5, 7], { seed: 11 });
    const plain = stripPoolingModule(x, { seed: 4, midChannels: 2 });
    const r = stripPoolingModule(x, { seed: 4, midChannels: 2, trace: true });
    expect(r).toBeInstanceOf(TracedStripPooling);
    expect(Array.from(r.attention.data)).toEqual(Array.from(plain.attention.data));
    expect(Array.from(r.output.data)).toEqual(Array.from(plain.output.data));
    expect(r.trace).toMatchObject({
      kind: "stripFusion",
      op: "stripPoolingModule",
      inputShape: [2, 3, 5, 7],
      outputShape: [2, 3, 5, 7],
      channels: "first",
      taps: 3,
      midChannels: 2,
    });
    expect(Array.from(decodeFloat32(r.trace.rows!)!)).toEqual(Array.from(stripPool(x, "horizontal").data));
    expect(Array.from(decodeFloat32(r.trace.cols!)!)).toEqual(Array.from(stripPool(x, "vertical").data));
    expect(parseTrace(JSON.parse(JSON.stringify(r.trace)))).toEqual({ ok: true, trace: r.trace });
  });

  it("keeps NaN and ±Inf in the strips exactly (JSON numbers could not)", () => {
    const x = tensor([
      [
        [
          [1, NaN],
          [Infinity, 2],
        ],
      ],
    ]);
    const r = stripPoolingModule(x, { trace: true });
    const rows = decodeFloat32(r.trace.rows!)!;
    expect(Number.isNaN(rows[0])).toBe(true);
    expect(rows[1]).toBe(Infinity);
  });

  it("displays the fused map with the input and the trace in one payload", () => {
    const x = randn([1, 2, 4, 6], { seed: 2 });
    const r = stripPoolingModule(x, { trace: true });
    const bundle = r[JUPYTER_DISPLAY]();
    const parsed = parseTensorPayload(JSON.parse(JSON.stringify(bundle[TENSOR_MIME])));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Array.from(parsed.values)).toEqual(Array.from(r.attention.data));
    expect(Array.from(parsed.inputValues!)).toEqual(Array.from(x.data));
    expect(parsed.payload.trace?.kind).toBe("stripFusion");
    expect(parsed.warnings).toBeUndefined();
  });

  it("leaves strips out above TRACE_ARRAY_LIMIT values, so the payload stays bounded", () => {
    const h = Math.floor(TRACE_ARRAY_LIMIT / 2) + 1;
    const x = randn([1, 2, h, 1], { seed: 1 });
    const r = stripPoolingModule(x, { trace: true, midChannels: 1 });
    expect(r.trace.rows).toBeUndefined();
    expect(r.trace.cols).toBeDefined();
  });

  it("rejects strips whose length disagrees with the shape, and never throws on a field replaced", () => {
    const trace = JSON.parse(JSON.stringify(stripPoolingModule(randn([1, 1, 3, 4]), { trace: true }).trace));
    const short = parseTrace({ ...trace, rows: trace.cols });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error).toContain("trace.rows");
    expect(parseTrace({ ...trace, taps: 0 }).ok).toBe(false);
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(trace)), fc.anything(), (k, v) => {
        expect(typeof parseTrace({ ...trace, [k]: v }).ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});
