import { describe, expect, it } from "vitest";
import { jsonSafeBundle, toMimeBundle } from "../../../kernel/src/bundle.js";

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

  it("gives a bundle JSON cannot carry as its text, with why", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const value = { [JUPYTER_DISPLAY]: () => ({ "text/plain": "v", "application/json": cyclic }) };
    const bundle = jsonSafeBundle(value);
    expect(Object.keys(bundle)).toEqual(["text/plain"]);
    expect(bundle["text/plain"]).toMatch(/^v\n\(rich display failed: .*circular/i);
    expect(jsonSafeBundle({ a: 1 })).toEqual(toMimeBundle({ a: 1 }));
  });
});
