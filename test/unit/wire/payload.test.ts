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
    expect(errorOf({ ...good(), version: 1 })).toMatch(/reads versions 2 and 3/);
    expect(errorOf({ ...good(), version: "3" })).toMatch(/unsupported payload version/);
    expect(errorOf({ ...good(), dtype: "<img src=x>" })).toMatch(/unsupported dtype/);
    expect(errorOf({ ...good(), shape: [2, -1] })).toMatch(/shape/);
    expect(errorOf({ ...good(), shape: "2x2" })).toMatch(/shape/);
    expect(errorOf({ ...good(), data: 12 })).toMatch(/base64/);
    expect(errorOf({ ...good(), data: "AAAA" })).toMatch(/needs 4/);
    expect(errorOf({ ...good(), data: "!".repeat(24) })).toMatch(/not valid base64/);
  });

  it("refuses a huge shape before allocating anything", () => {
    expect(errorOf({ ...good(), shape: [1e5, 1e5] })).toMatch(/10000000000 elements/);
  });

  it("recomputes stats that are missing or malformed", () => {
    const r = parseTensorPayload({ ...good(), stats: { min: "x" } });
    expect(r.ok && r.payload.stats.max).toBe(1.5);
  });
});
