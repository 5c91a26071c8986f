/**
 * The TypeScript reference kernels (windowPlan.ts): every case, exact to PyTorch, and what the golden suite
 * runs on the "js" backend. Never null, so `run` can always fall back to them.
 */
import type { PoolKernels, PoolValues } from "../kernels.js";
import { maxOverPlan, meanOverPlan, planAxes, planWindows } from "./windowPlan.js";

type Reference = Required<Pick<PoolKernels, "maxPool" | "avgPool" | "binsPool">>;
type NeverNull<F> = F extends (...a: infer A) => infer R ? (...a: A) => NonNullable<R> : never;

export const JS_KERNELS: { [K in keyof Reference]: NeverNull<Reference[K]> } = {
  // indices come free with the reference's max, so they are always returned
  maxPool(x, planes, axes): PoolValues {
    const { values, indices } = maxOverPlan(x, planes, planWindows(axes));
    return { values, indices: Float32Array.from(indices) };
  },
  avgPool(x, planes, axes, divisors) {
    return meanOverPlan(x, planes, planWindows(axes), divisors);
  },
  binsPool(x, planes, _spatial, axes, mode, divisors): PoolValues {
    const plan = planAxes(axes);
    if (mode === "max") {
      const { values, indices } = maxOverPlan(x, planes, plan);
      return { values, indices: Float32Array.from(indices) };
    }
    return { values: meanOverPlan(x, planes, plan, divisors as Float32Array) };
  },
};
