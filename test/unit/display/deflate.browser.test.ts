// The browser's PNG compression (fflate and a table CRC-32) gives what Node's zlib gives: the same CRC, and a
// zlib stream that inflates back to the input.
import { crc32 as nodeCrc32, inflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32, zlibDeflate } from "../../../src/display/deflate.browser.js";

describe("deflate.browser", () => {
  it("CRC-32 equals zlib's on any bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => crc32(b) === nodeCrc32(b)));
    expect(crc32(new TextEncoder().encode("IEND"))).toBe(0xae426082);
  });
  it("a zlib stream that inflates back to the input", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (b) => {
        expect(new Uint8Array(inflateSync(zlibDeflate(b)))).toEqual(b);
      }),
    );
  });
});
