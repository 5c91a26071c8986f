// Printing against PyTorch's own str(tensor): test/fixtures/torch2_print.json is written by
// test/golden/gen_tensor_api.py with a real PyTorch, so these are PyTorch's strings, not ours.
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { tensor, toDisplayBundle, zeros } from "../../../src/index.js";
import { fixed, formatTensor, sci } from "../../../src/core/print.js";

interface PrintCase {
  shape: number[];
  data: (number | string | null)[];
  str: string;
}
const file = JSON.parse(readFileSync(new URL("../../fixtures/torch2_print.json", import.meta.url), "utf8")) as {
  cases: Record<string, PrintCase>;
};

const decode = (v: number | string | null): number =>
  v === null ? NaN : v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : (v as number);

describe("formatTensor prints as PyTorch's str(tensor)", () => {
  for (const [name, c] of Object.entries(file.cases)) {
    it(name, () => {
      expect(formatTensor({ shape: c.shape, data: Float32Array.from(c.data, decode) })).toBe(c.str);
    });
  }
});

describe("Python's rounding", () => {
  it("rounds exact ties half to even, as f'{v:.4f}' and f'{v:.4e}' do, where toFixed rounds up", () => {
    expect(fixed(0.03125, 4)).toBe("0.0312");
    expect(fixed(0.09375, 4)).toBe("0.0938");
    expect(fixed(2.5, 0)).toBe("2");
    expect(fixed(-0, 4)).toBe("-0.0000");
    expect(sci(1.5e-7, 4)).toBe("1.5000e-07");
    expect(sci(1.03125, 4)).toBe("1.0312e+00");
    expect(sci(123456789, 4)).toBe("1.2346e+08");
  });
});

describe("a tensor reads as its values", () => {
  const t = tensor([
    [1, 2],
    [3, 4],
  ]);
  const want = "tensor([[1., 2.],\n        [3., 4.]])";

  it("through String(t), template literals and console.log's util.inspect", () => {
    expect(String(t)).toBe(want);
    expect(`${t}`).toBe(want);
    expect(inspect(t)).toBe(want);
    expect(inspect({ t })).toContain("tensor([[1., 2.],");
  });

  it("in a plain tensor's text/plain, followed by its summary line", () => {
    const text = toDisplayBundle(t)["text/plain"];
    expect(text.split("\n")).toEqual([
      "tensor([[1., 2.],",
      "        [3., 4.]])",
      "Tensor shape=[2, 2] min=1 max=4 mean=2.5",
    ]);
  });

  it("summarised past 1000 values, so a large tensor prints in a few lines", () => {
    const big = zeros([64, 512, 512]);
    const s = String(big);
    expect(s.split("\n").length).toBeLessThan(60);
    expect(s.split("\n")[0]).toBe("tensor([[[0., 0., 0.,  ..., 0., 0., 0.],");
    expect(s).toContain("...");
  });
});
