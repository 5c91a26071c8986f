/**
 * Type-level: a typed options object gives a Tensor, `{ ...o, trace: true }` the traced result, a flag known
 * only at run time the union. Checked by tsc through vitest's typecheck (vitest.config.ts); nothing here runs.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  adaptiveAvgPool2d,
  adaptiveMaxPool2d,
  avgPool2d,
  globalAvgPool,
  globalMaxPool,
  lpPool2d,
  maxPool1d,
  maxPool2d,
  maxPool3d,
  maxUnpool2d,
  roiAlign,
  roiPool,
  spatialPyramidPool,
  stripPool,
  stripPoolingModule,
  Tensor,
  type AdaptiveMaxPoolOptions,
  type AdaptivePoolOptions,
  type AvgPoolOptions,
  type GlobalPoolOptions,
  type LpPoolOptions,
  type MaxPoolOptions,
  type MaxUnpoolOptions,
  type PoolWithIndices,
  type RoiAlignOptions,
  type RoiPoolOptions,
  type SppOptions,
  type StripPoolingModuleOptions,
  type StripPoolingModuleResult,
  type TracedMaxPool,
  type TracedPool,
} from "../../../src/index.js";

declare const x: Tensor;
declare const boxes: Tensor;
declare const flag: boolean;

describe("a typed options object", () => {
  test("max pooling: Tensor, traced with trace: true, indices with returnIndices: true", () => {
    const o: MaxPoolOptions = { kernelSize: 2 };
    expectTypeOf(maxPool2d(x, o)).toEqualTypeOf<Tensor>();
    expectTypeOf(maxPool1d(x, o)).toEqualTypeOf<Tensor>();
    expectTypeOf(maxPool3d(x, o)).toEqualTypeOf<Tensor>();
    expectTypeOf(maxPool2d(x, o).shape).toEqualTypeOf<readonly number[]>();
    expectTypeOf(maxPool2d(x, { ...o, trace: true })).toExtend<TracedMaxPool>();
    expectTypeOf(maxPool2d(x, { ...o, returnIndices: true })).toEqualTypeOf<PoolWithIndices>();
    expectTypeOf(maxPool2d(x, { ...o, trace: false })).toEqualTypeOf<Tensor>();
    // a flag known only at run time: the union
    expectTypeOf(maxPool2d(x, { ...o, trace: flag })).not.toEqualTypeOf<Tensor>();
    // the flags are not options of the geometry type
    // @ts-expect-error trace is not a MaxPoolOptions member
    const withTrace: MaxPoolOptions = { kernelSize: 2, trace: true };
    expectTypeOf(withTrace).toEqualTypeOf<MaxPoolOptions>();
  });

  test("every other op with a trace option", () => {
    const avg: AvgPoolOptions = { kernelSize: 2 };
    expectTypeOf(avgPool2d(x, avg)).toEqualTypeOf<Tensor>();
    expectTypeOf(avgPool2d(x, { ...avg, trace: true })).toExtend<TracedPool>();
    const lp: LpPoolOptions = { normType: 2, kernelSize: 2 };
    expectTypeOf(lpPool2d(x, lp)).toEqualTypeOf<Tensor>();
    expectTypeOf(lpPool2d(x, { ...lp, trace: true })).toExtend<TracedPool>();
    const amax: AdaptiveMaxPoolOptions = { outputSize: 2 };
    expectTypeOf(adaptiveMaxPool2d(x, amax)).toEqualTypeOf<Tensor>();
    expectTypeOf(adaptiveMaxPool2d(x, { ...amax, trace: true })).toExtend<TracedMaxPool>();
    expectTypeOf(adaptiveMaxPool2d(x, { ...amax, returnIndices: true })).toEqualTypeOf<PoolWithIndices>();
    const aavg: AdaptivePoolOptions = { outputSize: 2 };
    expectTypeOf(adaptiveAvgPool2d(x, aavg)).toEqualTypeOf<Tensor>();
    expectTypeOf(adaptiveAvgPool2d(x, { ...aavg, trace: true })).toExtend<TracedPool>();
    const global: GlobalPoolOptions = {};
    expectTypeOf(globalMaxPool(x, global)).toEqualTypeOf<Tensor>();
    expectTypeOf(globalAvgPool(x, { ...global, trace: true })).toExtend<TracedPool>();
    const unpool: MaxUnpoolOptions = { kernelSize: 2 };
    expectTypeOf(maxUnpool2d(x, x, unpool)).toEqualTypeOf<Tensor>();
    expectTypeOf(maxUnpool2d(x, x, { ...unpool, trace: true })).toExtend<TracedPool>();
    const rp: RoiPoolOptions = { outputSize: 2 };
    expectTypeOf(roiPool(x, boxes, rp)).toEqualTypeOf<Tensor>();
    expectTypeOf(roiPool(x, boxes, { ...rp, trace: true })).toExtend<TracedMaxPool>();
    const ra: RoiAlignOptions = { outputSize: 2 };
    expectTypeOf(roiAlign(x, boxes, ra)).toEqualTypeOf<Tensor>();
    expectTypeOf(roiAlign(x, boxes, { ...ra, trace: true })).toExtend<TracedPool>();
    const spp: SppOptions = { levels: [2, 1] };
    expectTypeOf(spatialPyramidPool(x, spp)).toEqualTypeOf<Tensor>();
    expectTypeOf(spatialPyramidPool(x, { ...spp, trace: true })).toExtend<TracedPool>();
    expectTypeOf(stripPool(x, "horizontal")).toEqualTypeOf<Tensor>();
    expectTypeOf(stripPool(x, "horizontal", { trace: true })).toExtend<TracedPool>();
    const spm: StripPoolingModuleOptions = { seed: 1 };
    expectTypeOf(stripPoolingModule(x, spm)).toEqualTypeOf<StripPoolingModuleResult>();
    expectTypeOf(stripPoolingModule(x, { ...spm, trace: true })).not.toEqualTypeOf<StripPoolingModuleResult>();
  });
});
