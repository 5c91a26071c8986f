// The kernel tables behind one interface: the wasm table answers null where it has no kernel, and `run` then
// gives the reference's result, so an op's result never depends on which table served it.
import { afterEach, describe, expect, it } from "vitest";
import { getBackend, setBackend } from "../../../src/core/backend.js";
import { randn } from "../../../src/index.js";
import { run, tryFast } from "../../../src/backend/index.js";
import { JS_KERNELS } from "../../../src/backend/js/kernels.js";
import { WASM_KERNELS } from "../../../src/backend/wasm/index.js";
import { wasmRuntime } from "../../../src/backend/wasm/runtime.js";
import type { AxisGeometry } from "../../../src/geometry/window.js";

const axis = (size: number): AxisGeometry => ({
  size,
  kernel: 2,
  stride: 2,
  dilation: 1,
  padBefore: 0,
  padAfter: 0,
  outSize: Math.floor(size / 2),
});
const initial = getBackend();
afterEach(() => setBackend(initial));

describe.runIf(wasmRuntime() !== null)("backend kernel tables", () => {
  const x = randn([1, 2, 4, 4, 4], { seed: 3 }).data;
  const axes3 = [axis(4), axis(4), axis(4)];
  const divisors = new Float32Array(8).fill(8);

  it("the wasm table has no 3-d average kernel, and run() falls back to the reference for it", () => {
    expect(WASM_KERNELS.avgPool(x, 2, axes3, divisors)).toBeNull();
    setBackend("wasm");
    expect(run("avgPool", x, 2, axes3, divisors)).toEqual(JS_KERNELS.avgPool(x, 2, axes3, divisors));
  });

  it("run() takes the chosen backend's kernel where it has one (3-d max without indices)", () => {
    const wasm = WASM_KERNELS.maxPool(x, 2, axes3, false);
    expect(wasm).not.toBeNull();
    setBackend("wasm");
    expect(run("maxPool", x, 2, axes3, false).indices).toBeUndefined(); // the reference always gives indices
    setBackend("js");
    const ref = run("maxPool", x, 2, axes3, false);
    expect(ref.indices).toBeDefined();
    expect(ref.values).toEqual(wasm?.values);
  });

  it("optional fast paths exist only where a backend has them", () => {
    const nhwc = randn([1, 4, 4, 3], { seed: 4 }).data;
    setBackend("js");
    expect(tryFast("poolChannelsLast", nhwc, [1, 4, 4, 3], [axis(4), axis(4)], "max", null)).toBeNull();
    setBackend("wasm");
    expect(tryFast("poolChannelsLast", nhwc, [1, 4, 4, 3], [axis(4), axis(4)], "max", null)).toHaveLength(12);
  });
});
