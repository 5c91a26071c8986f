import { describe, expect, it } from "vitest";
import { LANGS, MESSAGES, placeholders, sayer, type MessageKey } from "../../../../extension/src/words/messages.js";

const keys = Object.keys(MESSAGES) as MessageKey[];

describe("the renderer's message table", () => {
  it("has every message in every language, none empty", () => {
    for (const key of keys) for (const lang of LANGS) expect(MESSAGES[key][lang].trim(), `${key}.${lang}`).not.toBe("");
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of keys) expect(placeholders(MESSAGES[key].zh), key).toEqual(placeholders(MESSAGES[key].en));
  });

  it("translates: every Chinese message differs from its English one (some Chinese words are in it)", () => {
    // a copied English string would pass the two tests above; each Chinese entry holds a Chinese character or
    // Chinese punctuation (the separators "；" and "{of}：{decision}" are only that)
    for (const key of keys) expect(MESSAGES[key].zh, key).toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
  });

  it("fills placeholders, and leaves a missing one visible rather than throwing", () => {
    expect(sayer("en")("sppLevel", { h: 2, w: 3 })).toBe("level 2×3");
    expect(sayer("zh")("sppLevel", { h: 2, w: 3 })).toBe("层级 2×3");
    expect(sayer("zh")("scaleShared")).toBe("色标：共享");
    expect(sayer("en")("saveFailed")).toBe("could not save the PNG: {error}");
  });

  it("says a cell's read-out in Chinese with the same numbers", () => {
    const zh = sayer("zh");
    expect(zh("readOutput", { cell: "[0, 0, 1, 1] = 9" })).toBe("输出 [0, 0, 1, 1] = 9");
    expect(zh("readByMany", { count: 2, cells: "(0, 0), (1, 1)" })).toBe("被 2 个输出读取：(0, 0), (1, 1)");
    expect(sayer("en")("readByOne", { cells: "(1, 1)" })).toBe("read by 1 output: (1, 1)");
  });
});
