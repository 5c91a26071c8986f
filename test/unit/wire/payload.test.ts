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
    expect(errorOf({ ...good(), version: 1 })).toMatch(/reads versions 2, 3, 4 and 5/);
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
    expect(payload.version).toBe(5);
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

  describe("rows (version 5)", () => {
    const part = (v: number[], title?: string) => ({ shape: [v.length], values: Float32Array.from(v), title });
    const rowPayload = () =>
      JSON.parse(
        JSON.stringify(
          encodeTensorPayload([2], Float32Array.from([1, 2]), "first", {
            row: { scale: "shared", items: [part([3, 4, 5], "second"), part([6])] },
          }),
        ),
      ) as Record<string, unknown> & { row: { scale: string; items: Record<string, unknown>[] } };

    it("round-trips a row: the first item is the payload itself, the others in row.items, each with its title", () => {
      const parsed = parseTensorPayload(rowPayload());
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.payload.title).toBe("first");
      expect(parsed.payload.row?.scale).toBe("shared");
      expect(parsed.payload.row?.items.map((it) => it.title)).toEqual(["second", undefined]);
      expect(parsed.row?.map((it) => Array.from(it.values))).toEqual([[3, 4, 5], [6]]);
      expect(parsed.warnings).toBeUndefined();
    });

    it("leaves a malformed row out with a warning, and still shows the first item", () => {
      const warned = (row: unknown): string => {
        const r = parseTensorPayload({ ...rowPayload(), row });
        if (!r.ok) throw new Error(r.error);
        expect(r.payload.row).toBeUndefined();
        expect(r.row).toBeUndefined();
        expect(Array.from(r.values)).toEqual([1, 2]);
        return (r.warnings ?? []).join("; ");
      };
      const good = rowPayload().row;
      expect(warned({ ...good, scale: "per item" })).toMatch(/scale must be "shared" or "each"/);
      expect(warned({ ...good, items: [] })).toMatch(/items must be a list of 1 to 7/);
      expect(warned({ ...good, items: Array(8).fill(good.items[0]) })).toMatch(/items must be a list/);
      expect(warned({ ...good, items: [good.items[0], { ...good.items[1], data: "AAAA" }] })).toMatch(
        /item 3: data holds/,
      );
      expect(warned({ ...good, items: [null] })).toMatch(/item 2 is not an object/);
      expect(warned([1])).toMatch(/row left out: is not an object/);
    });

    it("keeps a row item whose trace is malformed, without the trace, saying so", () => {
      const p = rowPayload();
      p.row.items[0].trace = { kind: "window" };
      const r = parseTensorPayload(p);
      if (!r.ok) throw new Error(r.error);
      expect(r.row?.[0].payload.trace).toBeUndefined();
      expect(r.row?.[0].warnings?.[0]).toMatch(/trace left out/);
    });

    it("holds the whole row to one element limit, not each item", () => {
      const r = parseTensorPayload(rowPayload(), { maxElements: 5 });
      if (!r.ok) throw new Error(r.error);
      // 2 values in the first item leave 3 for the row: the second item (3) fits, the third does not
      expect(r.warnings?.[0]).toMatch(/item 3: shape \[1\] has 1 elements, more than the 0 allowed/);
    });
  });
});
