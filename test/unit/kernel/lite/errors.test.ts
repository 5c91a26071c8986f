// An exception as a Jupyter error: the cell and the user's line with the lines around it, library frames
// folded, the kernel's own frames dropped, most recent call last.
import { describe, expect, it } from "vitest";
import { toJupyterError } from "../../../../kernel/lite/src/errors.js";

const sources = new Map([[3, "const a = 1;\nconst b = f(a);\nb"]]);

describe("toJupyterError", () => {
  it("a V8 stack through a cell and the library", () => {
    const e = new TypeError("bad value");
    e.stack = [
      "TypeError: bad value",
      "    at check (http://x/lib.js:1:100)",
      "    at maxPool2d (http://x/lib.js:1:200)",
      "    at poolscope-cell-3:2:11",
      "    at handle (blob:http://x/abc:1:5000)",
    ].join("\n");
    const r = toJupyterError(e, sources);
    expect(r.ename).toBe("TypeError");
    expect(r.evalue).toBe("bad value");
    expect(r.traceback.slice(1)).toEqual([
      "Cell In[3], line 2\n      1 const a = 1;\n----> 2 const b = f(a);\n      3 b",
      "    [... 2 frames inside poolscope]",
      "TypeError: bad value",
    ]);
    expect(r.traceback[0]).toMatch(/^-+\nTypeError\s+Traceback \(most recent call last\)$/);
  });
  it("a Firefox stack, and a function of the cell named", () => {
    const e = new Error("boom");
    e.stack = "f@poolscope-cell-3:2:5\n@poolscope-cell-3:3:1\n";
    const r = toJupyterError(e, sources);
    expect(r.traceback[1]).toMatch(/^Cell In\[3\], line 3\n/);
    expect(r.traceback[2]).toMatch(/^Cell In\[3\], line 2, in f\n/);
  });
  it("a thrown non-error", () => {
    expect(toJupyterError("just text", sources)).toEqual({
      ename: "Error",
      evalue: "just text",
      traceback: ["Uncaught just text"],
    });
  });
});
