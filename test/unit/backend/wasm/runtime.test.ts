// Running out of memory is an error that says which limit and how much, and leaves nothing broken behind.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setBackend } from "../../../../src/core/backend.js";
import * as ps from "../../../../src/index.js";
import { allocFloats, heapLiveBytes, wasmPathCandidates, wasmRuntime } from "../../../../src/backend/wasm/runtime.js";

beforeAll(() => {
  if (!wasmPathCandidates().some((p) => existsSync(p))) execSync("npm run build:wasm", { stdio: "ignore" });
  expect(wasmRuntime()).not.toBeNull();
});
afterAll(() => setBackend("wasm"));

const refusal = (f: () => unknown): ps.ResourceError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ps.ResourceError);
    return e as ps.ResourceError;
  }
  throw new Error("expected a ResourceError, but the call succeeded");
};

describe("WebAssembly memory", () => {
  it("pooling a 2^30-value tensor names its size and the 4 GiB limit, and the next call works", () => {
    setBackend("wasm");
    const small = ps.rand([1, 2, 6, 6], { seed: 3 });
    const before = ps.maxPool2d(small, { kernelSize: 2 });
    const live = heapLiveBytes();
    // 4 GiB of zeros the engine maps lazily: the check comes before anything is copied
    const e = refusal(() => ps.maxPool2d(ps.zeros([1, 1, 32768, 32768]), { kernelSize: 2 }));
    expect(e.name).toBe("ResourceError");
    expect(e.resource).toBe("WebAssembly memory");
    expect(e.message).toContain("the input of 1,073,741,824 values (4 GiB)");
    // the output would be a resident block of its own, taken only once the input's copy has room
    expect(e.message).toContain("needs 4 GiB of WebAssembly memory, for the input of");
    expect(e.message).toContain("its limit is 4 GiB (65,536 pages of 64 KiB");
    expect(e.message).not.toContain("Memory.grow");
    // nothing was kept: the heap holds what it held, and the scratch arena serves the next call
    expect(heapLiveBytes()).toBeLessThanOrEqual(live);
    // a resident array allocated now may take the arena's old block: the arena must not write into it
    const resident = allocFloats(4096) as Float32Array;
    resident.fill(7);
    expect(Array.from(ps.maxPool2d(small, { kernelSize: 2 }).data)).toEqual(Array.from(before.data));
    expect(resident.every((v) => v === 7)).toBe(true);
    expect(Array.from(ps.avgPool2d(small, { kernelSize: 3, stride: 2, padding: 1 }).data)).toHaveLength(18);
  });

  it("allocFloats past the limit says so and leaves the heap as it was", () => {
    const live = heapLiveBytes();
    const e = refusal(() => allocFloats(2 ** 31));
    expect(e.message).toContain("needs 8 GiB of WebAssembly memory, for the array of 2,147,483,648 values (8 GiB)");
    expect(heapLiveBytes()).toBe(live);
    const a = allocFloats(1024) as Float32Array;
    a[1023] = 5;
    expect(a[1023]).toBe(5);
  });
});

describe("tensors of impossible sizes", () => {
  it("zeros past the engine's Float32Array limit names the shape and the count", () => {
    const e = refusal(() => ps.zeros([1, 1, 2 ** 20, 2 ** 20]));
    expect(e.resource).toBe("Float32Array length");
    expect(e.message).toMatch(
      /^zeros: shape \[1, 1, 1048576, 1048576\] holds 1,099,511,627,776 values \(4 TiB as float32\), more than this JavaScript engine can allocate as one Float32Array/,
    );
  });

  it("tensor(data, shape) with a shape its data cannot fill is a ParameterError naming both", () => {
    expect(() => ps.tensor([1, 2, 3], [2 ** 40])).toThrow(
      /tensor: data must hold 1099511627776 values for shape \[1099511627776\], got 3/,
    );
  });
});
