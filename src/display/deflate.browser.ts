/**
 * The compression a PNG needs, in a browser (package.json's "browser" field puts this file in place of
 * deflate.ts): fflate's synchronous zlib (the browser's CompressionStream is asynchronous, and a display
 * bundle is built synchronously) and a table CRC-32.
 */
import { zlibSync } from "fflate";

export function zlibDeflate(raw: Uint8Array): Uint8Array {
  return zlibSync(raw, { level: 6 });
}

let table: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as PNG uses), one table lookup a byte. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
