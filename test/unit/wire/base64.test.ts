import { afterEach, describe, expect, it, vi } from "vitest";
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

  describe("without Buffer, as in the browser (atob, btoa)", () => {
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.resetModules();
    });
    const browserCodec = async (): Promise<typeof import("../../../src/wire/base64.js")> => {
      vi.stubGlobal("Buffer", undefined);
      vi.resetModules();
      return import("../../../src/wire/base64.js");
    };

    it("gives Node's text and bytes on every tail length, also past one chunk of btoa's input", async () => {
      const { decodeBase64: decode, encodeBase64: encode } = await browserCodec();
      for (const n of [0, 1, 2, 3, 4, 5, 0x8000 * 2 + 1]) {
        const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
        const text = encode(bytes);
        vi.unstubAllGlobals();
        expect(text).toBe(Buffer.from(bytes).toString("base64"));
        vi.stubGlobal("Buffer", undefined);
        expect(Array.from(decode(text)!)).toEqual(Array.from(bytes));
      }
    });

    it("rejects what atob rejects, and text whose length does not add up", async () => {
      const { decodeBase64: decode } = await browserCodec();
      expect(decode("ab$d")).toBeNull();
      expect(decode("abc")).toBeNull();
      expect(decode("====")).toBeNull();
      expect(decode("ABCD\nEFGH")?.length).toBe(6); // wrapped lines are joined first
    });
  });

  it("returns bytes a float32 view can use (a fresh, aligned copy, not a slice of Node's pool)", () => {
    const out = decodeBase64("AAAAAAAAgD8=")!; // 0, then 1 as float32, in 8 bytes
    expect(out.byteOffset % 4).toBe(0);
    expect(new Float32Array(out.buffer, out.byteOffset, 2)[1]).toBe(1);
  });
});
