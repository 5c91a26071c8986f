import { describe, expect, it } from "vitest";
import { chooseLanguage, langOf } from "../../../../extension/src/words/language.js";

describe("the renderer's language", () => {
  it("reads JupyterLab's language codes", () => {
    for (const code of ["zh", "zh_CN", "zh-CN", "zh-Hans", " ZH-tw "]) expect(langOf(code), code).toBe("zh");
    for (const code of ["en", "en-US", "en_GB"]) expect(langOf(code), code).toBe("en");
    for (const code of ["fr_FR", "", "zhx", 3, null, undefined]) expect(langOf(code), String(code)).toBeNull();
  });

  it("is English by default: no notebook metadata and no translator, or a language it does not speak", () => {
    expect(chooseLanguage(undefined, undefined)).toBe("en");
    expect(chooseLanguage(undefined, "en")).toBe("en");
    expect(chooseLanguage({}, "fr_FR")).toBe("en");
    expect(chooseLanguage("zh", null)).toBe("en"); // the metadata value is an object, not a bare string
  });

  it("is Chinese when JupyterLab's language is", () => {
    expect(chooseLanguage(undefined, "zh_CN")).toBe("zh");
    expect(chooseLanguage({ other: 1 }, "zh-CN")).toBe("zh");
  });

  it("is Chinese when the notebook's metadata says so, whatever JupyterLab's language", () => {
    expect(chooseLanguage({ lang: "zh" }, "en")).toBe("zh");
    expect(chooseLanguage({ lang: "zh_CN" }, undefined)).toBe("zh");
  });

  it("lets a notebook that names English stay English in a Chinese JupyterLab", () => {
    expect(chooseLanguage({ lang: "en" }, "zh_CN")).toBe("en");
    // a language the renderer does not speak is no choice: JupyterLab's decides
    expect(chooseLanguage({ lang: "fr" }, "zh_CN")).toBe("zh");
  });
});
