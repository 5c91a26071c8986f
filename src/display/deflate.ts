/**
 * The compression a PNG needs, on Node: zlib's native deflate and CRC-32. package.json's "browser" field
 * swaps this file for deflate.browser.ts (fflate, pure JS), as a page has no synchronous native codec.
 */
import { crc32 as nodeCrc32, deflateSync } from "node:zlib";

/** A zlib stream (what a PNG's IDAT holds) of `raw`. */
export function zlibDeflate(raw: Uint8Array): Uint8Array {
  return deflateSync(raw, { level: 6 });
}

export function crc32(bytes: Uint8Array): number {
  return nodeCrc32(bytes);
}
