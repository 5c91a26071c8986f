import { describe, expect, it } from "vitest";
import { EMBED_BYTES, embedBits, MAX_EMBEDDED_VALUES } from "../../../src/display/largeTensor.js";
import { parseTensorPayload } from "../../../src/wire/payload.js";
import { colourRange, reduceView, REDUCED_VALUES } from "../../../src/wire/reduce.js";
import { reducedNote } from "../../../src/display/largeTensor.js";
import { JUPYTER_DISPLAY, maxPool2d, rand, randn, TENSOR_MIME, tensor, zeros } from "../../../src/index.js";

describe("display size budget", () => {
  it("embeds a tensor at the budget whole, and one past it as a reduced view with exact stats", () => {
    const at = zeros([1, 1, 1024, 1024])[JUPYTER_DISPLAY]();
    expect(at[TENSOR_MIME].shape).toEqual([1, 1, 1024, 1024]);
    expect(at[TENSOR_MIME].reduced).toBeUndefined();
    const big = zeros([1, 2, 1024, 1024]);
    big.data[big.size - 1] = 7; // a single value: a block mean dilutes it, the stats must not
    const past = big[JUPYTER_DISPLAY]();
    const payload = past[TENSOR_MIME];
    expect(payload.reduced).toEqual({ originalShape: [1, 2, 1024, 1024], factor: 3, method: "mean" });
    expect(payload.shape).toEqual([1, 2, 342, 342]);
    expect(payload.stats.max).toBe(7);
    expect(payload.stats.mean).toBeCloseTo(7 / big.size, 12);
    expect(past["text/plain"]).toContain("shape=[1, 2, 1024, 1024]");
    expect(past["text/plain"]).toContain("max=7");
    expect(past["text/plain"]).toContain("each cell the mean of a 3×3 block");
    expect(past["image/png"].startsWith("iVBORw0KGgo")).toBe(true);
    const parsed = parseTensorPayload(JSON.parse(JSON.stringify(payload)));
    expect(parsed.ok && parsed.values.length).toBe(2 * 342 * 342);
    expect(parsed.ok && parsed.payload.reduced?.factor).toBe(3);
  });

  it("averages f×f blocks (partial ones at the edges over their own cells)", () => {
    const x = tensor([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12, 13, 14, 15],
    ]);
    const v = reduceView(x.shape, x.data, 6);
    expect(v.info.factor).toBe(2);
    expect(v.shape).toEqual([2, 3]);
    expect(Array.from(v.data)).toEqual([4, 6, 7.5, 11.5, 13.5, 15]);
  });

  it("keeps the first planes of each leading axis, at most 64, so view indices are tensor indices", () => {
    const v = reduceView(
      [3, 100, 2, 2],
      new Float32Array(3 * 100 * 4).map((_, k) => Math.floor(k / 4)),
      1 << 20,
    );
    expect(v.shape).toEqual([1, 64, 2, 2]);
    expect(v.data[63 * 4]).toBe(63); // plane (0, 63) is the tensor's plane 63
    const w = reduceView(
      [70, 3, 2, 2],
      new Float32Array(70 * 3 * 4).map((_, k) => Math.floor(k / 4)),
      1 << 20,
    );
    expect(w.shape).toEqual([21, 3, 2, 2]);
    expect(w.data[(20 * 3 + 2) * 4]).toBe(20 * 3 + 2);
    expect(reducedNote(v.info, v.shape)).toBe("the first 64 of 300 planes");
  });

  it("stays within 2^18 values for any shape past the budget", () => {
    for (const shape of [[1 << 21], [1500, 1500], [1, 300, 64, 64], [2, 1, 3000, 400]]) {
      const size = shape.reduce((n, d) => n * d, 1);
      expect(size).toBeGreaterThan(MAX_EMBEDDED_VALUES);
      const v = reduceView(shape, new Float32Array(size));
      expect(v.data.length).toBeLessThanOrEqual(REDUCED_VALUES);
      expect(v.data.length).toBe(v.shape.reduce((n, d) => n * d, 1));
      expect(v.shape).toHaveLength(shape.length);
    }
    expect(reducedNote(reduceView([1 << 21], new Float32Array(1 << 21)).info, [1 << 18])).toBe(
      "each cell the mean of 8 values",
    );
  });

  it("bounds a traced result's input the same way, with the input's exact stats", () => {
    const x = rand([1, 1, 1100, 1000], { seed: 5 });
    const b = maxPool2d(x, { kernelSize: 4, trace: true })[JUPYTER_DISPLAY]();
    const p = b[TENSOR_MIME];
    expect(p.reduced).toBeUndefined();
    expect(p.input?.reduced?.originalShape).toEqual([1, 1, 1100, 1000]);
    expect(p.input!.shape.reduce((n, d) => n * d, 1)).toBeLessThanOrEqual(REDUCED_VALUES);
    expect(p.input!.stats.max).toBe(x.data.reduce((m, v) => Math.max(m, v), -Infinity));
  });
});

describe("colourRange: what a colour scale spans", () => {
  const stats = { min: -5, max: 7 };
  const info = { originalShape: [1, 1, 6, 6], factor: 3, method: "mean" as const };

  it("a whole tensor's scale is its exact stats", () => {
    expect(colourRange(Float32Array.of(0, 1), stats, undefined)).toEqual({ min: -5, max: 7 });
  });

  it("a reduced view's scale is the finite range of the block means shown, not the tensor's extremes", () => {
    expect(colourRange(Float32Array.of(0.5, NaN, 2, Infinity, -1), stats, info)).toEqual({ min: -1, max: 2 });
    expect(colourRange(Float32Array.of(NaN, -Infinity), stats, info)).toEqual({ min: null, max: null });
  });
});

describe("the bundle's byte budget: exact float32 where it fits, quantised codes past it", () => {
  it("keeps everything exact within EMBED_BYTES, the smallest parts first past it, never under 4 bits", () => {
    expect(EMBED_BYTES).toBe(2 ** 20);
    expect(embedBits([2 ** 18])).toEqual([undefined]);
    expect(embedBits([2 ** 18 + 1])).toEqual([16]);
    expect(embedBits([2 ** 20])).toEqual([8]);
    // W1's traced pooling of a 2^20-value input: both quantised alike
    expect(embedBits([2 ** 18, 2 ** 20])).toEqual([6, 6]);
    // a small output stays exact while the input keeps 8 bits or more
    expect(embedBits([2 ** 16, 2 ** 18])).toEqual([undefined, 16]);
    expect(embedBits([2 ** 16, 2 ** 19, 10])).toEqual([undefined, 11, undefined]);
    expect(embedBits([2 ** 20, 2 ** 20, 2 ** 20, 2 ** 20])).toEqual([4, 4, 4, 4]);
  });

  it("embeds a 2^20-value tensor in 8 bits and under 1.5 MB, with exact stats and a notice in the text", () => {
    const x = randn([1, 64, 128, 128], { seed: 3 });
    const bundle = x[JUPYTER_DISPLAY]();
    const p = bundle[TENSOR_MIME];
    expect(p.quantized).toMatchObject({ bits: 8, lo: p.stats.min, hi: p.stats.max });
    expect(JSON.stringify(bundle).length).toBeLessThan(1.5e6);
    const parsed = parseTensorPayload(JSON.parse(JSON.stringify(p)));
    if (!parsed.ok) throw new Error(parsed.error);
    const half = (p.quantized!.hi - p.quantized!.lo) / 252 / 2;
    let worst = 0;
    for (let k = 0; k < x.size; k++) worst = Math.max(worst, Math.abs(parsed.values[k] - x.data[k]));
    expect(worst).toBeLessThanOrEqual(half * 1.0001);
    expect(p.stats.mean).toBe(x.data.reduce((a, b) => a + b, 0) / x.size);
  });

  it("keeps a traced pooling of 2^20 values under 1.5 MB, and a small one's values exact", () => {
    const x = randn([1, 64, 128, 128], { seed: 4 });
    const big = maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1, trace: true })[JUPYTER_DISPLAY]();
    expect(big[TENSOR_MIME].quantized?.bits).toBe(6);
    expect(big[TENSOR_MIME].input?.quantized?.bits).toBe(6);
    expect(JSON.stringify(big).length).toBeLessThan(1.5e6);
    const small = maxPool2d(randn([1, 4, 32, 32], { seed: 4 }), { kernelSize: 2, trace: true });
    const p = small[JUPYTER_DISPLAY]()[TENSOR_MIME];
    expect(p.quantized).toBeUndefined();
    expect(p.input?.quantized).toBeUndefined();
    const parsed = parseTensorPayload(JSON.parse(JSON.stringify(p)));
    expect(parsed.ok && Array.from(parsed.values)).toEqual(Array.from(small.output.data));
  });
});
