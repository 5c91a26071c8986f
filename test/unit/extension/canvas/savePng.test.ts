import { describe, expect, it } from "vitest";
import { pngFileName } from "../../../../extension/src/canvas/savePng.js";

describe("PNG export", () => {
  it("names the file after the title, safely", () => {
    expect(pngFileName("maxPool2d")).toBe("poolscope-maxPool2d.png");
    expect(pngFileName("../<b>x</b>")).toBe("poolscope-b-x-b.png");
    expect(pngFileName(undefined)).toBe("poolscope-tensor.png");
  });
});
