import { describe, expect, it } from "vitest";
import { typeOnlyExports } from "../../../kernel/src/prelude.js";

describe("typeOnlyExports", () => {
  it("lists the names exported as types only, from both export forms", () => {
    const dts = [
      'export { Tensor, tensor, type NestedNumbers } from "./core/tensor.js";',
      'export type { PerDim, DataFormat } from "./geometry/params.js";',
      'export { sppBins, type SppRule as Rule } from "./geometry/spp.js";',
      "export {",
      "  maxPool2d,",
      "  type MaxPoolOptions,",
      '} from "./ops/maxPool.js";',
      'export * from "./wire/index.js";',
    ].join("\n");
    expect(typeOnlyExports(dts)).toEqual(["NestedNumbers", "PerDim", "DataFormat", "Rule", "MaxPoolOptions"]);
  });
});
