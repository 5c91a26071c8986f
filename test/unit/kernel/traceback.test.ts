// The traceback both kernels print: frames parsed from V8 and Firefox stacks, cells shown with their lines,
// library frames folded, the kernel's own dropped, most recent call last.
import { describe, expect, it } from "vitest";
import {
  cellContext,
  cellName,
  formatTraceback,
  inFunction,
  parseFrames,
  type Frame,
  type FrameView,
} from "../../../kernel/src/traceback.js";

const source = "const a = 1;\nconst b = f(a);\nb";
// a cell is a script named cell-<n>; lib.js the library; anything else the kernel
const view = (f: Frame): FrameView => {
  const m = /^cell-(\d+)$/.exec(f.script);
  if (m) return { entry: cellContext(cellName(Number(m[1])), source, f.line, f.fn) };
  return f.script.endsWith("lib.js") ? "library" : null;
};

describe("parseFrames", () => {
  it("reads V8 and Firefox/Safari frames, innermost first, and skips the message", () => {
    expect(parseFrames("Error: x\n    at f (http://h/lib.js:1:20)\n    at cell-3:2:11\ng@cell-4:5:6\n")).toEqual([
      { fn: "f", script: "http://h/lib.js", line: 1, column: 20 },
      { fn: "", script: "cell-3", line: 2, column: 11 },
      { fn: "g", script: "cell-4", line: 5, column: 6 },
    ]);
  });
});

describe("formatTraceback", () => {
  it("outermost first: the kernel dropped, the cell with its lines, the library folded", () => {
    const stack = [
      "TypeError: bad",
      "    at check (http://h/lib.js:1:100)",
      "    at maxPool2d (http://h/lib.js:1:200)",
      "    at cell-3:2:11",
      "    at run (http://h/kernel.js:9:1)",
    ].join("\n");
    const tb = formatTraceback("TypeError", "bad", stack, view);
    expect(tb[0]).toMatch(/^-{75}\nTypeError\s+Traceback \(most recent call last\)$/);
    expect(tb.slice(1)).toEqual([
      "Cell In[3], line 2\n      1 const a = 1;\n----> 2 const b = f(a);\n      3 b",
      "    [... 2 frames inside poolscope]",
      "TypeError: bad",
    ]);
  });

  it("folds library frames outside the cells too, or drops them where the kernel cannot tell its own", () => {
    const stack = "    at f (cell-3:1:1)\n    at lib (x/lib.js:1:1)\n    at cell-3:3:1\n    at boot (x/lib.js:2:2)";
    const heads = (tb: string[]): string[] => tb.slice(1).map((l) => l.split("\n")[0]);
    const between = [
      "Cell In[3], line 3",
      "    [... 1 frame inside poolscope]",
      "Cell In[3], line 1, in f",
      "Error: e",
    ];
    expect(heads(formatTraceback("Error", "e", stack, view))).toEqual([
      "    [... 1 frame inside poolscope]",
      ...between,
    ]);
    expect(heads(formatTraceback("Error", "e", stack, view, "drop"))).toEqual(between);
  });

  it("shows a line once where two frames are on it (an arrow and the call around it)", () => {
    const tb = formatTraceback("Error", "e", "    at cell-3:2:20\n    at cell-3:2:5", view);
    expect(tb).toHaveLength(3);
  });
});

describe("cell entries", () => {
  it("names the cell by its count, or Cell without one, and the function a frame is in", () => {
    expect(cellName(7)).toBe("Cell In[7]");
    expect(cellName(undefined)).toBe("Cell");
    expect(inFunction("async Proxy.step")).toBe(", in step");
    for (const top of ["", "<anonymous>", "eval"]) expect(inFunction(top)).toBe("");
  });

  it("marks the line among at most two lines either side, numbers aligned", () => {
    const long = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join("\n");
    expect(cellContext("Cell In[1]", long, 10)).toBe(
      "Cell In[1], line 10\n       8 l8\n       9 l9\n----> 10 l10\n      11 l11\n      12 l12",
    );
  });
});
