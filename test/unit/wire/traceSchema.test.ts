// The trace format's one declaration (src/wire/traceSchema.ts): the validator walks its tables, so every field
// an op writes survives parseTrace, and the enums a payload may carry are the tables' and no others.
import { describe, expect, it } from "vitest";
import {
  avgPool2d,
  lpPool2d,
  maxPool2d,
  maxUnpool2d,
  parseTrace,
  randn,
  roiAlign,
  spatialPyramidPool,
  stripPool,
  stripPoolingModule,
  tensor,
  type PoolTrace,
} from "../../../src/index.js";
import { TRACE_KINDS } from "../../../src/wire/traceSchema.js";

const x = randn([1, 2, 6, 6], { seed: 1 });

function everyKind(): PoolTrace[] {
  const r = maxPool2d(x, { kernelSize: 2, returnIndices: true });
  return [
    maxPool2d(x, { kernelSize: 2, trace: true }).trace,
    avgPool2d(x, { kernelSize: 3, padding: 1, divisorOverride: 2, trace: true }).trace,
    lpPool2d(x, { normType: Infinity, kernelSize: 2, trace: true }).trace,
    stripPool(x, "vertical", { trace: true }).trace,
    spatialPyramidPool(x, { levels: [1, 2], trace: true }).trace,
    roiAlign(x, tensor([[0, 0.5, 0.5, 4, 4]]), { outputSize: 2, samplingRatio: 2, trace: true, names: ["a"] }).trace,
    stripPoolingModule(x, { trace: true }).trace,
    maxUnpool2d(r.output, r.indices, { kernelSize: 2, trace: true }).trace,
  ];
}

describe("trace schema", () => {
  it("every field each op writes is in its kind's table (round trip through JSON is exact)", () => {
    const traces = everyKind();
    expect(new Set(traces.map((t) => t.kind))).toEqual(new Set(Object.keys(TRACE_KINDS)));
    for (const t of traces) {
      expect(parseTrace(JSON.parse(JSON.stringify(t)))).toEqual({ ok: true, trace: t });
    }
  });

  it("names the table's kinds when the kind is unknown", () => {
    const t = { ...everyKind()[0], kind: "nope" };
    expect(parseTrace(t)).toEqual({
      ok: false,
      error: 'trace.kind must be "window", "spp", "roi", "stripFusion" or "unpool"',
    });
  });

  it("accepts each enum value of the table and rejects any other", () => {
    const w = everyKind()[0];
    for (const family of ["sliding", "adaptive", "global", "strip"]) expect(parseTrace({ ...w, family }).ok).toBe(true);
    expect(parseTrace({ ...w, family: "pyramid" })).toEqual({
      ok: false,
      error: "trace.family must be one of sliding, adaptive, global, strip",
    });
    const spp = everyKind()[4];
    expect(parseTrace({ ...spp, rule: "corrected" }).ok).toBe(true);
    expect(parseTrace({ ...spp, rule: "other" }).ok).toBe(false);
  });

  it("leaves optional fields out when absent and keeps unknown ones out of the clean copy", () => {
    const { argmax: _argmax, ...w } = everyKind()[0] as PoolTrace & { argmax?: number[] };
    const parsed = parseTrace({ ...w, extra: 1 });
    expect(parsed.ok && "argmax" in parsed.trace).toBe(false);
    expect(parsed.ok && "extra" in parsed.trace).toBe(false);
  });

  it("reads RoI region names, one per region, and refuses others", () => {
    const t = JSON.parse(
      JSON.stringify(roiAlign(x, tensor([[0, 0.5, 0.5, 4, 4]]), { outputSize: 2, trace: true, names: ["cat"] }).trace),
    ) as Record<string, unknown>;
    expect(parseTrace(t)).toMatchObject({ ok: true, trace: { names: ["cat"] } });
    expect(parseTrace({ ...t, names: ["a", "b"] })).toEqual({
      ok: false,
      error: "trace.names must name every region, one name each",
    });
    expect(parseTrace({ ...t, names: [3] })).toEqual({
      ok: false,
      error: "trace.names[0] must be a text of at most 64 characters",
    });
    expect(parseTrace({ ...t, names: ["x".repeat(65)] })).toMatchObject({ ok: false });
  });
});
