/**
 * Base64 of raw bytes with the runtime's native codec: Node's Buffer in the kernel, atob/btoa in the browser
 * (found on globalThis, so this module imports nothing of Node and the renderer bundles it as is). A hand-written
 * codec cost a second and most of a megabyte of garbage per 2^20 values; the native ones take milliseconds.
 */

/** The part of Node's Buffer used here, looked up at run time (the browser has none). */
interface NodeBuffer {
  from(data: ArrayBufferLike, offset: number, length: number): { toString(encoding: "base64"): string };
  from(text: string, encoding: "base64"): Uint8Array;
}
const NodeBufferClass = (globalThis as { Buffer?: NodeBuffer }).Buffer;

export function encodeBase64(bytes: Uint8Array): string {
  if (NodeBufferClass) return NodeBufferClass.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  // btoa takes a "binary string", one char per byte; built in chunks, as String.fromCharCode's arguments are bounded
  const parts: string[] = [];
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    parts.push(String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + chunk))));
  }
  return btoa(parts.join(""));
}

/**
 * Decodes base64; returns null for text that is not base64 (the caller reports it). Neither native decoder is
 * strict the same way (Buffer skips what is not base64, atob throws), so the length of what was decoded is what
 * tells: every quad of valid text gives 3 bytes, less its padding.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = /[\r\n]/.test(text) ? text.replace(/[\r\n]/g, "") : text;
  if (clean.length % 4 !== 0) return null;
  const pad = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  const expected = (clean.length / 4) * 3 - pad;
  let out: Uint8Array;
  if (NodeBufferClass) {
    const b = NodeBufferClass.from(clean, "base64");
    if (b.length !== expected) return null;
    // a fresh, 4-aligned copy: small Buffers share a pool, and float32 views need an aligned offset
    out = new Uint8Array(b.length);
    out.set(b);
  } else {
    let binary: string;
    try {
      binary = atob(clean);
    } catch {
      return null;
    }
    if (binary.length !== expected) return null;
    out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  }
  return out;
}
