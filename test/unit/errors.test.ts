/** Every impossible parameter throws a ParameterError naming the op, the parameter and the value. */
import { describe, expect, it } from "vitest";
import {
  adaptiveAvgPool2d,
  avgPool2d,
  avgPool3d,
  conv2d,
  lpPool1d,
  maxPool2d,
  maxPool2dBackward,
  ParameterError,
  randn,
  roiPool,
  spatialPyramidPool,
  stripPool,
  tensor,
  zeros,
} from "../../src/index.js";

function thrown(f: () => unknown): ParameterError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ParameterError);
    return e as ParameterError;
  }
  throw new Error("expected a ParameterError, nothing was thrown");
}

const x = zeros([1, 1, 5, 5]);

describe("the golden error cases (PyTorch refuses them)", () => {
  it("padding 2 > kernel 3 / 2", () => {
    const e = thrown(() => maxPool2d(x, { kernelSize: 3, stride: 1, padding: 2 }));
    expect([e.op, e.param, e.value]).toEqual(["maxPool2d", "padding", 2]);
    expect(e.message).toBe("maxPool2d: padding must be at most half of kernelSize 3 (axis H), got 2");
  });
  it("kernel 7 on a 5×5 input", () => {
    const e = thrown(() => maxPool2d(x, { kernelSize: 7, stride: 1 }));
    expect(e.param).toBe("kernelSize");
    expect(e.message).toContain("input H=5");
    expect(e.message).toContain("got 7");
  });
  it("stride 0", () => {
    expect(thrown(() => maxPool2d(x, { kernelSize: 2, stride: 0 })).message).toBe(
      "maxPool2d: stride must be at least 1, got 0",
    );
  });
  it("avg padding 2 > kernel 2 / 2", () => {
    expect(thrown(() => avgPool2d(x, { kernelSize: 2, stride: 1, padding: 2 })).param).toBe("padding");
  });
});

describe("edge checks", () => {
  it.each<[string, () => unknown, string]>([
    ["kernelSize list of the wrong length", () => maxPool2d(x, { kernelSize: [2, 2, 2] }), "kernelSize"],
    ["non-integer kernel", () => maxPool2d(x, { kernelSize: 1.5 }), "kernelSize"],
    ["negative padding", () => avgPool2d(x, { kernelSize: 2, padding: -1 }), "padding"],
    ["dilation on average pooling", () => avgPool2d(x, { kernelSize: 2, dilation: 2 } as never), "dilation"],
    ["wrong rank", () => maxPool2d(zeros([5, 5]), { kernelSize: 2 }), "x.shape"],
    ["not a tensor", () => maxPool2d([[1, 2]] as never, { kernelSize: 2 }), "x"],
    ["unknown padding word", () => maxPool2d(x, { kernelSize: 2, padding: "full" as never }), "padding"],
    ["ceil mode with SAME", () => maxPool2d(x, { kernelSize: 2, padding: "same", ceilMode: true }), "ceilMode"],
    ["wrong data format", () => maxPool2d(x, { kernelSize: 2, dataFormat: "NCDHW" }), "dataFormat"],
    ["divisorOverride 0", () => avgPool2d(x, { kernelSize: 2, divisorOverride: 0 }), "divisorOverride"],
    [
      "avgPool3d kernel larger than the input",
      () => avgPool3d(zeros([1, 1, 2, 4, 4]), { kernelSize: 3, padding: 1 }),
      "kernelSize",
    ],
    ["adaptive outputSize 0", () => adaptiveAvgPool2d(x, { outputSize: 0 }), "outputSize"],
    ["LP normType 0", () => lpPool1d(zeros([1, 1, 4]), { normType: 0, kernelSize: 2 }), "normType"],
    ["SPP empty levels", () => spatialPyramidPool(x, { levels: [] }), "levels"],
    ["SPP unknown rule", () => spatialPyramidPool(x, { levels: [2], rule: "magic" as never }), "rule"],
    [
      "SPP paper rule with more bins than cells",
      () => spatialPyramidPool(zeros([1, 1, 3, 3]), { levels: [4], rule: "paper" }),
      "levels",
    ],
    ["strip direction", () => stripPool(x, "diagonal" as never), "direction"],
    ["conv weight channels", () => conv2d(zeros([1, 3, 5, 5]), zeros([2, 2, 3, 3])), "weight.shape"],
    ["conv groups", () => conv2d(zeros([1, 3, 5, 5]), zeros([2, 1, 3, 3]), { groups: 2 }), "groups"],
    ["roi batch index", () => roiPool(x, tensor([[1, 0, 0, 2, 2]]), { outputSize: 2 }), "boxes"],
    ["backward gradY shape", () => maxPool2dBackward(zeros([1, 1, 3, 3]), x, { kernelSize: 2 }), "gradY.shape"],
  ])("%s", (_, f, param) => {
    const e = thrown(f);
    expect(e.param).toBe(param);
    expect(e.message).toContain(e.op);
    expect(e.message).toContain(param);
    expect(e.message).toMatch(/got /);
  });

  it("the message shows list values", () => {
    expect(thrown(() => maxPool2d(randn([1, 1, 4, 4]), { kernelSize: [2, 2, 2] })).message).toContain("got [2, 2, 2]");
  });
});
