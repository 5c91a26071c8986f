import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64 } from "../../../src/wire/base64.js";

describe("base64", () => {
  it("matches Node's encoder on every tail length", () => {
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64"));
      expect(Array.from(decodeBase64(text)!)).toEqual(Array.from(bytes));
    }
  });

  it("rejects text that is not base64", () => {
    expect(decodeBase64("ab$d")).toBeNull();
    expect(decodeBase64("abc")).toBeNull();
  });
});
