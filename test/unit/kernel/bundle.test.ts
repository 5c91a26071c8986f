import { describe, expect, it } from "vitest";
import { toMimeBundle } from "../../../kernel/src/bundle.js";

const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

describe("kernel MIME bundles", () => {
  it("hands display's options to the value's hook", () => {
    let got: unknown;
    const value = {
      [JUPYTER_DISPLAY](options: unknown) {
        got = options;
        return { "text/plain": "v" };
      },
    };
    toMimeBundle(value, { title: "caption" });
    expect(got).toEqual({ title: "caption" });
    toMimeBundle(value);
    expect(got).toEqual({});
  });

  it("puts a title above the text of a value without a hook", () => {
    expect(toMimeBundle({ a: 1 }, { title: "caption" })).toEqual({ "text/plain": "caption\n{ a: 1 }" });
    expect(toMimeBundle("s")).toEqual({ "text/plain": "'s'" });
  });
});
