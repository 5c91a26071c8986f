import { afterEach, describe, expect, it } from "vitest";
import { placeholderNames, say, TEXT, type TextKey } from "../../../src/core/messages.js";
import { getPrintOptions, LANGUAGES, setPrintOptions } from "../../../src/core/print.js";
import {
  explainPoolOutputSize,
  explainTfPoolOutputSize,
  linearParamCount,
  maxPool2d,
  plot,
  show,
  tensor,
  JUPYTER_DISPLAY,
  ParameterError,
  zeros,
} from "../../../src/index.js";

const keys = Object.keys(TEXT) as TextKey[];
const x = tensor([
  [
    [
      [1, 3, 2, 0],
      [5, 6, 1, 2],
      [0, 2, 9, 4],
      [3, 1, 4, 8],
    ],
  ],
]);

describe("the library's message table", () => {
  it("has every text in both languages, with the same placeholders, the Chinese one translated", () => {
    for (const key of keys) {
      for (const lang of LANGUAGES) expect(TEXT[key][lang].trim(), `${key}.${lang}`).not.toBe("");
      expect(placeholderNames(TEXT[key].zh), key).toEqual(placeholderNames(TEXT[key].en));
      expect(TEXT[key].zh, key).toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
    }
  });
});

describe("setPrintOptions({ language })", () => {
  afterEach(() => setPrintOptions({ language: "en" }));

  it("is process-wide and kept until set again, whatever the profile; refuses a language it has no words for", () => {
    expect(getPrintOptions().language).toBe("en");
    setPrintOptions({ language: "zh" });
    setPrintOptions({ profile: "short" });
    expect(getPrintOptions().language).toBe("zh");
    expect(say("tensorSummary", { fields: "shape=[1]" })).toBe("张量 shape=[1]");
    expect(() => setPrintOptions({ language: "fr" as never })).toThrow(ParameterError);
    expect(() => setPrintOptions({ language: "fr" as never })).toThrow(/language.*"en" or "zh"/);
    expect(getPrintOptions().language).toBe("zh");
    setPrintOptions({ profile: "default" });
  });

  it("prints text lines, PNG-free strings and explain*'s steps in Chinese, the numbers unchanged", () => {
    const en = {
      tensor: maxPool2d(x, { kernelSize: 2 })[JUPYTER_DISPLAY]()["text/plain"],
      row: show([x, maxPool2d(x, { kernelSize: 2 })], { scale: "each" })[JUPYTER_DISPLAY]()["text/plain"],
      traced: String(maxPool2d(x, { kernelSize: 2, trace: true })),
      ceil: explainPoolOutputSize({ size: 7, kernelSize: 2, stride: 2, ceilMode: true }).text,
    };
    setPrintOptions({ language: "zh" });
    const tensorText = maxPool2d(x, { kernelSize: 2 })[JUPYTER_DISPLAY]()["text/plain"];
    expect(tensorText).toMatch(/\n张量 shape=\[1, 1, 2, 2\] min=2 max=9 mean=5$/);
    expect(tensorText.replace("张量", "Tensor")).toBe(en.tensor);
    const row = show([x, maxPool2d(x, { kernelSize: 2 })], { scale: "each" })[JUPYTER_DISPLAY]()["text/plain"];
    expect(row.split("\n")[0]).toBe("show：2 个结果，各用自己的色标");
    expect(en.row.split("\n")[0]).toBe("show: 2 results, each on its own colour scale");
    expect(String(maxPool2d(x, { kernelSize: 2, trace: true }))).toBe(
      "maxPool2d：[1, 1, 4, 4] → [1, 1, 2, 2]（带轨迹）",
    );
    expect(en.traced).toBe("maxPool2d: [1, 1, 4, 4] → [1, 1, 2, 2] (traced)");
    const ceil = explainPoolOutputSize({ size: 7, kernelSize: 2, stride: 2, ceilMode: true });
    expect(ceil.size).toBe(4);
    expect(ceil.text).toBe(
      "out = ⌈(n + 2p − d(k−1) − 1)/s⌉ + 1，若 (out−1)·s ≥ n + p 则减 1：⌈(7 + 2·0 − 1·(2−1) − 1)/2⌉ + 1 = ⌈5/2⌉ + 1 = 4；" +
        "最后一个窗口从 (4−1)·2 = 6 < n + p = 7 开始：保留，out = 4",
    );
    expect(en.ceil).toMatch(/: kept, out = 4$/);
    expect(explainTfPoolOutputSize({ size: 5, kernelSize: 2, padding: "same" }).steps[1]).toBe(
      "pad = max((3−1)·2 + 2 − 5, 0) = 1：前面 0，后面 1",
    );
    expect(linearParamCount({ inFeatures: 400, outFeatures: 10 }).text).toBe("400·10 = 4000 个权重 + 10 个偏置 = 4010");
    expect(plot({ y: [1, 2, 3] })[JUPYTER_DISPLAY]!()["text/plain"]).toMatch(/3 个点/);
    // the PNG's panel labels ("input", "output") are the language's words: the picture differs, only above the panels
    const zhPng = maxPool2d(x, { kernelSize: 2, trace: true })[JUPYTER_DISPLAY]()["image/png"];
    setPrintOptions({ language: "en" });
    expect(maxPool2d(x, { kernelSize: 2, trace: true })[JUPYTER_DISPLAY]()["image/png"]).not.toBe(zhPng);
    setPrintOptions({ language: "zh" });
    // a tensor past the embedding limit says how its view was reduced, in Chinese too
    expect(zeros([1, 1, 1100, 1100])[JUPYTER_DISPLAY]()["text/plain"]).toMatch(
      /（共 1210000 个值：超过完整嵌入的上限 \d+，因此视图和图像显示 \[1, 1, 367, 367\]，每个格子为一个 3×3 块的均值；统计量基于全部数值）$/,
    );
  });
});
