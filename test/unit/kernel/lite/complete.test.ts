// Completion lists names in scope, and after a dot the members of what the dotted name is now.
import { describe, expect, it } from "vitest";
import { complete } from "../../../../kernel/lite/src/complete.js";

class Box {
  width = 1;
  resize(): void {}
  reshape(): void {}
}
const scope = { maxPool2d: 1, maxPool3d: 2, avgPool2d: 3, box: new Box(), lib: { nested: { deep: 1, deeper: 2 } } };

describe("complete", () => {
  it("names in scope with the typed prefix, and where the prefix starts", () => {
    expect(complete("const x = maxP", 14, scope)).toEqual({
      matches: ["maxPool2d", "maxPool3d"],
      cursor_start: 10,
      cursor_end: 14,
    });
  });
  it("keywords too", () => {
    expect(complete("awa", 3, scope).matches).toContain("await");
  });
  it("members of an object after a dot, through its prototype", () => {
    expect(complete("box.res", 7, scope).matches).toEqual(["reshape", "resize"]);
    expect(complete("box.", 4, scope).matches).toEqual(expect.arrayContaining(["width", "resize", "reshape"]));
  });
  it("a dotted path", () => {
    expect(complete("lib.nested.de", 13, scope).matches).toEqual(["deep", "deeper"]);
  });
  it("nothing for an unknown name", () => {
    expect(complete("nothing.x", 9, scope).matches).toEqual([]);
  });
});
