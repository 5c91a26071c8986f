/**
 * Base64 of raw bytes without Node's Buffer, so the same code runs in the kernel and in the browser.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 3 * 4096;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(start + chunk, bytes.length);
    let s = "";
    for (let i = start; i < end; i += 3) {
      const b0 = bytes[i];
      const b1 = i + 1 < end ? bytes[i + 1] : 0;
      const b2 = i + 2 < end ? bytes[i + 2] : 0;
      s += ALPHABET[b0 >> 2] + ALPHABET[((b0 & 3) << 4) | (b1 >> 4)];
      s += i + 1 < end ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)] : "=";
      s += i + 2 < end ? ALPHABET[b2 & 63] : "=";
    }
    parts.push(s);
  }
  return parts.join("");
}

/** Decodes base64; returns null for text that is not base64 (the caller reports it). */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/[\r\n]/g, "");
  if (clean.length % 4 !== 0) return null;
  const pad = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((clean.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const c = [0, 1, 2, 3].map((k) => {
      const code = clean.charCodeAt(i + k);
      if (code === 61 /* = */ && i + k >= clean.length - pad) return 0;
      return code < 128 ? LOOKUP[code] : -1;
    });
    if (c.some((v) => v < 0)) return null;
    const n = (c[0] << 18) | (c[1] << 12) | (c[2] << 6) | c[3];
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
