// display/index.ts is loaded for its effect: the library's entry imports it, and that is what makes a tensor
// or a plot render as a cell's value. This file imports the entry alone, as a kernel does.
import { describe, expect, it } from "vitest";
import { JUPYTER_DISPLAY, plot, tensor, TENSOR_MIME } from "../../../src/index.js";

describe("the library's entry installs the display", () => {
  it("on Tensor and on Plot", () => {
    const t = tensor([
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
    ]);
    expect(Object.keys(t[JUPYTER_DISPLAY]())).toContain(TENSOR_MIME);
    expect(plot({ y: [1, 2, 3] })[JUPYTER_DISPLAY]()["text/plain"]).toMatch(/\S/);
  });
});
