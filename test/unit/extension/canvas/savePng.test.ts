import { describe, expect, it } from "vitest";
import { cutY, pngFileName, readoutShown, textLines } from "../../../../extension/src/canvas/savePng.js";

describe("PNG export", () => {
  it("names the file after the title, safely", () => {
    expect(pngFileName("maxPool2d")).toBe("poolscope-maxPool2d.png");
    expect(pngFileName("../<b>x</b>")).toBe("poolscope-b-x-b.png");
    expect(pngFileName(undefined)).toBe("poolscope-tensor.png");
  });
});

describe("the saved picture", () => {
  it("cuts the toolbar's band out: what is below moves up, what is inside is not drawn", () => {
    const band = { top: 40, bottom: 70 };
    expect(cutY(10, band)).toBe(10);
    expect(cutY(45, band)).toBeNull();
    expect(cutY(70, band)).toBe(40);
    expect(cutY(300, band)).toBe(270);
    expect(cutY(300, null)).toBe(300);
  });

  it("keeps the stats lines as lines", () => {
    expect(textLines("title:\ninput  shape=[1]\noutput shape=[1]", 5, 16)).toEqual([
      { text: "title:", y: 5 },
      { text: "input  shape=[1]", y: 21 },
      { text: "output shape=[1]", y: 37 },
    ]);
  });

  it("keeps the read-out only while it names a cell", () => {
    expect(readoutShown(["", "bin:4"])).toBe(false);
    expect(readoutShown(["argmax:1 pinned:1 window:4", ""])).toBe(true);
    expect(readoutShown(["cursor:1"])).toBe(true);
  });
});
