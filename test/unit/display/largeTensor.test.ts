import { describe, expect, it } from "vitest";
import { MAX_EMBEDDED_VALUES, previewView } from "../../../src/display/largeTensor.js";
import { JUPYTER_DISPLAY, TENSOR_MIME, zeros } from "../../../src/index.js";

describe("display size budget", () => {
  it("embeds a tensor at the budget, and shows one past it as a reduced PNG with exact stats", () => {
    const at = zeros([1, 1, 1024, 1024])[JUPYTER_DISPLAY]();
    expect(TENSOR_MIME in at).toBe(true);
    const big = zeros([1, 2, 1024, 1024]);
    big.data[big.size - 1] = 7; // only the last value, outside the preview: the stats still see it
    const past = big[JUPYTER_DISPLAY]();
    expect(TENSOR_MIME in past).toBe(false);
    expect(past["text/plain"]).toContain("max=7");
    expect(past["text/plain"]).toContain(`more than the ${MAX_EMBEDDED_VALUES}`);
    expect(past["image/png"].startsWith("iVBORw0KGgo")).toBe(true);
  });

  it("previews up to 16 planes, strided to about 2^18 values", () => {
    const view = previewView([1, 64, 512, 512], new Float32Array(64 * 512 * 512));
    expect(view.shape).toEqual([1, 16, 128, 128]);
    expect(view.note).toBe("the image shows the first 16 of 64 planes, every 4th row and column");
  });
});
