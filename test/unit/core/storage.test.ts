// Tensors resident in WebAssembly memory on the wasm backend: the same values as the js backend's plain arrays,
// given back on dispose(), at the end of tidy(), and when the collector finds them; views survive memory growth.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ps from "../../../src/index.js";
import { setBackend } from "../../../src/core/backend.js";
import {
  isResident,
  RESIDENT_LIMIT,
  residentLiveBytes,
  wasmRuntime,
  type WasmMemory,
} from "../../../src/backend/wasm/runtime.js";

beforeAll(() => {
  expect(wasmRuntime()).not.toBeNull();
  setBackend("wasm");
});
afterAll(() => setBackend("wasm"));

const memory = (): WasmMemory => (wasmRuntime() as { memory: WasmMemory }).memory;

/** Every constructor and a few ops, on the backend in use. */
function made(): Record<string, ps.Tensor> {
  const x = ps.tensor(
    Array.from({ length: 2 * 3 * 6 * 6 }, (_, i) => Math.sin(i) * 3),
    [2, 3, 6, 6],
  );
  return {
    tensor: x,
    nested: ps.tensor([
      [1, 2],
      [3, 4],
    ]),
    zeros: ps.zeros([2, 5]),
    rand: ps.rand([4, 4], { seed: 5 }),
    randn: ps.randn([3, 7], { seed: 5 }),
    arange: ps.arange(0, 2, 0.25),
    relu: ps.relu(x),
    maxPool2d: ps.maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1 }),
    avgPool2d: ps.avgPool2d(x, { kernelSize: 2 }),
    spp: ps.spatialPyramidPool(x, { levels: [3, 2, 1] }),
    globalAvgPool: ps.globalAvgPool(x),
    conv2d: ps.conv2d(x, ps.randn([4, 3, 3, 3], { seed: 1 }), { padding: 1 }),
    concat: ps.concat([x, x], 1),
  };
}

describe("where a tensor's values live", () => {
  it("wasm: in the module's memory; js: plain arrays; the values are identical", () => {
    // sums are float32 in the SIMD kernels (means in another order, conv2d's products), float64 or in scan
    // order in the reference: equal to float32 rounding
    const summed = new Set(["avgPool2d", "globalAvgPool", "conv2d"]);
    setBackend("js");
    const js = made();
    setBackend("wasm");
    const wasm = made();
    for (const [name, t] of Object.entries(wasm)) {
      expect([name, isResident(t.data)]).toEqual([name, true]);
      expect([name, isResident(js[name].data)]).toEqual([name, false]);
      if (summed.has(name))
        t.data.forEach((v, i) => expect(Math.abs(v - js[name].data[i])).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(v))));
      else expect([name, Array.from(t.data)]).toEqual([name, Array.from(js[name].data)]);
    }
  });

  it("data is a Float32Array the user reads and writes, and the kernels see the writes", () => {
    const x = ps.zeros([1, 1, 2, 2]);
    expect(x.data).toBeInstanceOf(Float32Array);
    x.data.set([1, 5, 2, 3]);
    expect(Array.from(ps.maxPool2d(x, { kernelSize: 2 }).data)).toEqual([5]);
  });

  it("tensor() copies: later writes to the caller's array do not change it", () => {
    const src = new Float32Array([1, 2, 3, 4]);
    const t = ps.tensor(src, [2, 2]);
    src[0] = 9;
    expect(t.data[0]).toBe(1);
  });

  it("past the resident limit a tensor is a plain array (the TypeScript side holds it)", () => {
    // 2 GiB + 4 bytes of zeros, mapped lazily by the engine: nothing is written
    const big = ps.zeros([RESIDENT_LIMIT / 4 + 1]);
    expect(isResident(big.data)).toBe(false);
    expect(big.size).toBe(RESIDENT_LIMIT / 4 + 1);
  });
});

describe("giving memory back", () => {
  it("dispose() returns the bytes at once, and a disposed tensor is refused by name", () => {
    const before = residentLiveBytes();
    const x = ps.randn([1, 8, 32, 32], { seed: 2 });
    const y = ps.maxPool2d(x, { kernelSize: 2 });
    expect(residentLiveBytes()).toBeGreaterThanOrEqual(before + (8 * 32 * 32 + 8 * 16 * 16) * 4);
    y.dispose();
    x.dispose();
    x.dispose(); // twice is harmless
    expect(residentLiveBytes()).toBe(before);
    expect(x.disposed).toBe(true);
    expect(() => ps.maxPool2d(x, { kernelSize: 2 })).toThrow(/maxPool2d: x .*was disposed/);
  });

  it("a block shared by two tensors (a reshape) is freed by the last dispose only", () => {
    const before = residentLiveBytes();
    const x = ps.rand([4, 16], { seed: 1 });
    const r = ps.reshape(x, [1, 4, 4, 4]);
    x.dispose();
    expect(residentLiveBytes()).toBeGreaterThan(before);
    const y = ps.maxPool2d(r, { kernelSize: 4 });
    expect(Array.from(y.data)).toEqual([0, 1, 2, 3].map((p) => Math.max(...r.data.subarray(p * 16, p * 16 + 16))));
    y.dispose();
    r.dispose();
    expect(residentLiveBytes()).toBe(before);
  });

  it("a view cut from a block (a select) keeps it: disposing either leaves the other, the last frees it", () => {
    const before = residentLiveBytes();
    const x = ps.tensor(
      Array.from({ length: 64 }, (_, i) => i),
      [4, 16],
    );
    const v = x.select(0, 2);
    // the view's values are the base's own bytes in the module's memory, not a copy
    expect(v.data.buffer).toBe(x.data.buffer);
    expect(v.data.byteOffset).toBe(x.data.byteOffset + 2 * 16 * 4);
    v.dispose();
    expect(x.get(2, 0)).toBe(32);
    expect(residentLiveBytes()).toBeGreaterThan(before);
    const w = x.narrow(0, 1, 2);
    x.dispose();
    // the block is still w's: nothing else may take it, so w reads its values
    expect(residentLiveBytes()).toBeGreaterThan(before);
    const other = ps.zeros([64]);
    expect(Array.from(w.data.subarray(0, 3))).toEqual([16, 17, 18]);
    w.dispose();
    other.dispose();
    expect(residentLiveBytes()).toBe(before);
  });

  it("the collector leaves a block alone while only a view's data array is still held", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    // only the subarray survives this function: neither the base tensor, its array nor the view tensor
    const held = (() => ps.arange(0, 4096).reshape(64, 64).narrow(0, 1, 1).data)();
    for (let i = 0; i < 20; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // tensors of the same size class would take the block back if it had been freed
    const fillers = Array.from({ length: 8 }, () => ps.full([4096], -1));
    expect(held[0]).toBe(64);
    expect(held[63]).toBe(127);
    fillers.forEach((f) => f.dispose());
  });

  it("a freed block serves the next tensor of its size class without growing the memory", () => {
    // 40,000 and 39,960 bytes: both in the 40 KiB class
    const a = ps.zeros([10000]);
    a.data.fill(3);
    const off = a.data.byteOffset;
    a.dispose();
    const b = ps.zeros([9990]);
    expect(b.data.byteOffset).toBe(off);
    expect(b.data.every((v) => v === 0)).toBe(true);
  });

  it("tidy(fn) disposes what fn made and keeps what it returns, in arrays and objects too", () => {
    const x = ps.randn([1, 4, 16, 16], { seed: 3 });
    const before = residentLiveBytes();
    let inner: ps.Tensor | undefined;
    const kept = ps.tidy(() => {
      inner = ps.relu(x);
      const pooled = ps.maxPool2d(inner, { kernelSize: 2 });
      return { pooled, list: [ps.avgPool2d(inner, { kernelSize: 4 })] };
    });
    expect(inner?.disposed).toBe(true);
    expect(x.disposed).toBe(false); // made outside
    expect(kept.pooled.disposed).toBe(false);
    expect(kept.list[0].disposed).toBe(false);
    // only the two results are left (bytes by size class: 1024 and 256 are classes of their own)
    expect(residentLiveBytes()).toBe(before + 4 * 8 * 8 * 4 + 4 * 4 * 4 * 4);
    kept.pooled.dispose();
    kept.list[0].dispose();
    expect(residentLiveBytes()).toBe(before);
  });

  it("nested tidy: what the inner returns belongs to the outer scope", () => {
    const before = residentLiveBytes();
    let fromInner: ps.Tensor | undefined;
    const out = ps.tidy(() => {
      fromInner = ps.tidy(() => ps.relu(ps.rand([64], { seed: 1 })));
      return ps.relu(fromInner);
    });
    expect(fromInner?.disposed).toBe(true);
    expect(out.disposed).toBe(false);
    out.dispose();
    expect(residentLiveBytes()).toBe(before);
  });

  it("a throwing fn still closes its scope", () => {
    expect(() =>
      ps.tidy(() => {
        ps.zeros([3]);
        throw new Error("boom");
      }),
    ).toThrow("boom");
    const t = ps.zeros([3]);
    ps.tidy(() => 0);
    expect(t.disposed).toBe(false);
  });

  it("the collector gives a dropped tensor's block back without the user's help", async () => {
    // this process's gc(), as `node --expose-gc` gives it
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const before = residentLiveBytes();
    (() => {
      for (let i = 0; i < 20; i++) ps.maxPool2d(ps.randn([1, 16, 64, 64], { seed: i }), { kernelSize: 2 });
    })();
    expect(residentLiveBytes()).toBeGreaterThan(before + 20 * 16 * 64 * 64 * 4);
    // the registry's callbacks run in a later task once the collector found the views
    for (let i = 0; i < 50 && residentLiveBytes() > before; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // (garbage of earlier tests may go back too)
    expect(residentLiveBytes()).toBeLessThanOrEqual(before);
  });
});

describe("growth of the memory", () => {
  it("leaves every live tensor's view on the same bytes (the memory is shared: growth detaches nothing)", () => {
    const x = ps.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3]);
    const view = x.data;
    const bytesBefore = memory().buffer.byteLength;
    // more than the memory holds now: it must grow
    const filler = ps.zeros([bytesBefore / 4 + 1]);
    expect(memory().buffer.byteLength).toBeGreaterThan(bytesBefore);
    expect(isResident(filler.data)).toBe(true);
    expect(x.data).toBe(view);
    expect(view.byteLength).toBe(36);
    expect(Array.from(view)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // a write through the old view is what the kernel reads at that offset, and the reverse
    view[4] = 50;
    expect(Array.from(ps.maxPool2d(x, { kernelSize: 3 }).data)).toEqual([50]);
    const fresh = new Float32Array(memory().buffer, view.byteOffset, 9);
    expect(fresh[4]).toBe(50);
    fresh[0] = 70;
    expect(view[0]).toBe(70);
    filler.dispose();
  });
});
