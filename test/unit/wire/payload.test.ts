import { describe, expect, it } from "vitest";
import { encodeTensorPayload, parseTensorPayload, PAYLOAD_VERSION } from "../../../src/wire/payload.js";

describe("tensor payload", () => {
  const values = Float32Array.from([1.5, -2, NaN, Infinity]);

  it("round-trips values exactly, NaN and infinities included", () => {
    const payload = encodeTensorPayload([2, 2], values, "x");
    expect(payload.data).toBe(Buffer.from(values.buffer).toString("base64"));
    const parsed = parseTensorPayload(JSON.parse(JSON.stringify(payload)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Array.from(parsed.values)).toEqual([1.5, -2, NaN, Infinity]);
    expect(parsed.payload.title).toBe("x");
    expect(parsed.payload.stats).toMatchObject({ min: -2, max: 1.5, nanCount: 1, posInfCount: 1, negInfCount: 0 });
  });

  const good = () => JSON.parse(JSON.stringify(encodeTensorPayload([2, 2], values))) as Record<string, unknown>;
  const errorOf = (raw: unknown): string => {
    const r = parseTensorPayload(raw);
    if (r.ok) throw new Error("expected a refusal");
    return r.error;
  };

  it("still reads version 2 payloads saved before reduced views and comparisons", () => {
    const r = parseTensorPayload({ ...good(), version: 2 });
    expect(r.ok).toBe(true);
  });

  it("refuses a reduced description that disagrees with the view", () => {
    const reduced = { originalShape: [4, 4], factor: 2, method: "mean" };
    expect(parseTensorPayload({ ...good(), reduced }).ok).toBe(true);
    expect(errorOf({ ...good(), reduced: { ...reduced, originalShape: [1, 4] } })).toMatch(/reduced originalShape/);
    expect(errorOf({ ...good(), reduced: { ...reduced, originalShape: [4] } })).toMatch(/reduced originalShape/);
    expect(errorOf({ ...good(), reduced: { ...reduced, factor: 0 } })).toMatch(/reduced factor/);
    expect(errorOf({ ...good(), reduced: { ...reduced, method: "max" } })).toMatch(/reduced method/);
    expect(errorOf({ ...good(), reduced: "x" })).toMatch(/reduced is not an object/);
  });

  it("refuses what it cannot read, with a reason, without throwing", () => {
    expect(errorOf(null)).toMatch(/not an object/);
    expect(errorOf([1, 2])).toMatch(/not an object/);
    expect(errorOf({ ...good(), version: PAYLOAD_VERSION + 1 })).toMatch(/unsupported payload version/);
    expect(errorOf({ ...good(), version: 1 })).toMatch(/reads versions 2, 3 and 4/);
    expect(errorOf({ ...good(), version: "3" })).toMatch(/unsupported payload version/);
    expect(errorOf({ ...good(), dtype: "<img src=x>" })).toMatch(/unsupported dtype/);
    expect(errorOf({ ...good(), shape: [2, -1] })).toMatch(/shape/);
    expect(errorOf({ ...good(), shape: "2x2" })).toMatch(/shape/);
    expect(errorOf({ ...good(), data: 12 })).toMatch(/base64/);
    expect(errorOf({ ...good(), data: "AAAA" })).toMatch(/needs 4/);
    expect(errorOf({ ...good(), data: "!".repeat(24) })).toMatch(/not valid base64/);
  });

  it("round-trips quantised data (version 4): codes within half a step, the description kept", () => {
    const v = Float32Array.from({ length: 37 }, (_, k) => Math.cos(k) * 5);
    v[3] = NaN;
    const payload = encodeTensorPayload([37], v, undefined, { bits: 6 });
    expect(payload.version).toBe(4);
    expect(payload.quantized).toEqual({ bits: 6, lo: Math.min(...v.filter((x) => x === x)), hi: expect.any(Number) });
    // 37 six-bit codes: 28 bytes, 40 characters of base64 (float32 would take 200)
    expect(payload.data).toHaveLength(40);
    const parsed = parseTensorPayload(JSON.parse(JSON.stringify(payload)));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.payload.quantized).toEqual(payload.quantized);
    expect(parsed.values[3]).toBeNaN();
    const step = (payload.quantized!.hi - payload.quantized!.lo) / 60;
    for (let k = 0; k < 37; k++) if (k !== 3) expect(Math.abs(parsed.values[k] - v[k])).toBeLessThan(step / 2 + 1e-6);
    // the stats are the exact values', not the codes'
    expect(parsed.payload.stats.mean).toBe(payload.stats.mean);
  });

  it("still reads version 3 payloads, and refuses quantised data that does not add up", () => {
    expect(parseTensorPayload({ ...good(), version: 3 }).ok).toBe(true);
    const q = JSON.parse(JSON.stringify(encodeTensorPayload([2, 2], values, undefined, { bits: 8 }))) as Record<
      string,
      unknown
    >;
    expect(parseTensorPayload(q).ok).toBe(true);
    expect(q.data).toHaveLength(8); // 4 one-byte codes
    expect(errorOf({ ...q, quantized: { bits: 2, lo: 0, hi: 1 } })).toMatch(/quantized bits/);
    expect(errorOf({ ...q, quantized: "8" })).toMatch(/quantized is not an object/);
    // float32-sized data under an 8-bit description: the lengths disagree
    expect(errorOf({ ...good(), quantized: { bits: 8, lo: 0, hi: 1 } })).toMatch(/needs 4/);
    expect(errorOf({ ...q, data: "!!!!!!==" })).toMatch(/not valid base64 of 8-bit codes/);
  });

  it("refuses a huge shape before allocating anything", () => {
    expect(errorOf({ ...good(), shape: [1e5, 1e5] })).toMatch(/10000000000 elements/);
  });

  it("recomputes stats that are missing or malformed", () => {
    const r = parseTensorPayload({ ...good(), stats: { min: "x" } });
    expect(r.ok && r.payload.stats.max).toBe(1.5);
  });
});
