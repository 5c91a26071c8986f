import { describe, expect, it } from "vitest";
import {
  avgPool2d,
  JUPYTER_DISPLAY,
  maxPool2d,
  ParameterError,
  show,
  stripPoolingModule,
  tensor,
  TENSOR_MIME,
} from "../../../src/index.js";

const x = tensor([
  [
    [
      [1, 3],
      [5, 6],
    ],
  ],
]);

describe("show", () => {
  it("titles items by the titles given, else a traced result by its op", () => {
    const row = show([maxPool2d(x, { kernelSize: 2, trace: true }), x, avgPool2d(x, { kernelSize: 1, trace: true })], {
      titles: ["first"],
    });
    expect(row.items.map((it) => it.title)).toEqual(["first", undefined, "avgPool2d"]);
    expect(row.scale).toBe("shared");
    const payload = row[JUPYTER_DISPLAY]()[TENSOR_MIME];
    expect(payload.row?.items).toHaveLength(2);
    expect(payload.row?.items[1].trace?.op).toBe("avgPool2d");
    expect(String(row)).toBe("show: first | [1, 1, 2, 2] | avgPool2d");
  });

  it("shows the strip pooling module's fused map with its trace", () => {
    const m = stripPoolingModule(tensor([[[[1, 2, 3, 4]]]]).reshape([1, 1, 2, 2]), { trace: true, seed: 1 });
    const item = show([m]).items[0];
    expect(item.output).toBe(m.attention);
    expect(item.trace?.kind).toBe("stripFusion");
  });

  it("refuses what it cannot draw with a ParameterError naming the parameter", () => {
    const err = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ParameterError);
        return (e as Error).message;
      }
      throw new Error("expected a ParameterError");
    };
    expect(err(() => show([]))).toMatch(/^show: items must be a list of 1 to 8/);
    expect(err(() => show(Array(9).fill(x)))).toMatch(/items must be a list/);
    expect(err(() => show([x], { scale: "per item" as never }))).toMatch(/show: scale must be "shared" or "each"/);
    expect(err(() => show([x], { titles: ["a", "b"] }))).toMatch(/show: titles must be a list of at most 1 strings/);
    expect(err(() => show([x, 3 as never]))).toMatch(/show: items\[1\] must be a Tensor or a traced result/);
  });
});
