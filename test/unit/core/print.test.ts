// Printing against PyTorch's own str(tensor): test/fixtures/torch2_print.json is written by
// test/golden/gen_tensor_api.py with a real PyTorch, so these are PyTorch's strings, not ours.
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { tensor, toDisplayBundle, zeros } from "../../../src/index.js";
import { fixed, formatTensor, getPrintOptions, sci, setPrintOptions } from "../../../src/core/print.js";

interface PrintCase {
  shape: number[];
  data: (number | string | null)[];
  str: string;
  /** torch.set_printoptions's arguments for this case, camelCased. */
  options?: Parameters<typeof setPrintOptions>[0];
}
const file = JSON.parse(readFileSync(new URL("../../fixtures/torch2_print.json", import.meta.url), "utf8")) as {
  cases: Record<string, PrintCase>;
};

const decode = (v: number | string | null): number =>
  v === null ? NaN : v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : (v as number);

describe("formatTensor prints as PyTorch's str(tensor)", () => {
  for (const [name, c] of Object.entries(file.cases)) {
    it(name, () => {
      if (c.options) setPrintOptions(c.options);
      try {
        expect(formatTensor({ shape: c.shape, data: Float32Array.from(c.data, decode) })).toBe(c.str);
      } finally {
        setPrintOptions({ profile: "default" });
      }
    });
  }
});

describe("setPrintOptions, as torch.set_printoptions", () => {
  it("sets only what it is given, except sciMode, which goes back to automatic as PyTorch's None", () => {
    setPrintOptions({ precision: 2, sciMode: true });
    setPrintOptions({ linewidth: 60 });
    expect(getPrintOptions()).toEqual({
      precision: 2,
      threshold: 1000,
      edgeitems: 3,
      linewidth: 60,
      sciMode: null,
      language: "en",
    });
    setPrintOptions({ profile: "default" });
    expect(getPrintOptions()).toMatchObject({
      precision: 4,
      threshold: 1000,
      edgeitems: 3,
      linewidth: 80,
      sciMode: null,
    });
  });

  it("reaches String(t) and console.log alike, and refuses impossible values by name", () => {
    const t = tensor([1 / 3]);
    setPrintOptions({ precision: 1 });
    try {
      expect(String(t)).toBe("tensor([0.3])");
      expect(inspect(t)).toBe("tensor([0.3])");
    } finally {
      setPrintOptions({ profile: "default" });
    }
    expect(() => setPrintOptions({ precision: -1 })).toThrow(/setPrintOptions: precision must be a whole number ≥ 0/);
    expect(() => setPrintOptions({ threshold: 0.5 })).toThrow(/threshold must be a whole number ≥ 0 or Infinity/);
    // @ts-expect-error: a profile PyTorch does not have
    expect(() => setPrintOptions({ profile: "long" })).toThrow(/profile must be "default", "short" or "full"/);
    expect(String(t)).toBe("tensor([0.3333])");
  });
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
