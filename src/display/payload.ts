/**
 * The display payload of a tensor: the one definition of what travels under the poolscope MIME type, from
 * the kernel to the JupyterLab renderer. Values are base64 of little-endian float32 (compact, exact), stats
 * are over the whole tensor. The renderer imports this module; it has no Node or DOM dependency.
 */
import { decodeBase64, encodeBase64 } from "./base64.js";
import { computeStats, type TensorStats } from "./stats.js";

export const TENSOR_MIME = "application/vnd.poolscope.tensor+json";

/** Bumped whenever the payload's shape changes; the renderer refuses versions it does not know. */
export const PAYLOAD_VERSION = 1;

export interface TensorPayload {
  version: typeof PAYLOAD_VERSION;
  dtype: "float32";
  /** Row-major shape, NCHW for images. */
  shape: number[];
  /** Base64 of the little-endian float32 values, row-major. */
  data: string;
  /** Over all values (computed by the kernel, exact even when the view is reduced). */
  stats: TensorStats;
  /** Optional caption, e.g. the op that produced the tensor. */
  title?: string;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function float32ToBytes(values: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

export function bytesToFloat32(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

export function encodeTensorPayload(shape: readonly number[], values: Float32Array, title?: string): TensorPayload {
  const payload: TensorPayload = {
    version: PAYLOAD_VERSION,
    dtype: "float32",
    shape: [...shape],
    data: encodeBase64(float32ToBytes(values)),
    stats: computeStats(values),
  };
  if (title !== undefined) payload.title = title;
  return payload;
}

export interface PayloadLimits {
  /** Refuse to decode more values than this (a hostile shape must not allocate gigabytes). */
  maxElements: number;
}

export const DEFAULT_LIMITS: PayloadLimits = { maxElements: 16 * 1024 * 1024 };

export type ParsedPayload =
  | { ok: true; payload: TensorPayload; values: Float32Array }
  | { ok: false; error: string };

/** Validates untrusted JSON and decodes its values; never throws. */
export function parseTensorPayload(raw: unknown, limits: PayloadLimits = DEFAULT_LIMITS): ParsedPayload {
  const fail = (error: string): ParsedPayload => ({ ok: false, error });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail("payload is not an object");
  const p = raw as Record<string, unknown>;
  if (p.version !== PAYLOAD_VERSION) {
    return fail(`unsupported payload version ${describe(p.version)} (this renderer reads version ${PAYLOAD_VERSION})`);
  }
  if (p.dtype !== "float32") return fail(`unsupported dtype ${describe(p.dtype)}`);
  const shape = p.shape;
  if (!Array.isArray(shape) || shape.length > 8 || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    return fail("shape must be a list of at most 8 non-negative integers");
  }
  let size = 1;
  for (const d of shape as number[]) size *= d;
  if (size > limits.maxElements) {
    return fail(`shape [${shape.join(", ")}] has ${size} elements, more than the ${limits.maxElements} allowed`);
  }
  if (typeof p.data !== "string") return fail("data must be a base64 string");
  const expectedChars = Math.ceil((size * 4) / 3) * 4;
  if (p.data.length !== expectedChars) {
    return fail(`data holds ${Math.floor((p.data.length * 3) / 16)} values, shape [${shape.join(", ")}] needs ${size}`);
  }
  const bytes = decodeBase64(p.data);
  if (bytes === null || bytes.length !== size * 4) return fail("data is not valid base64 of float32 values");
  const values = bytesToFloat32(bytes);
  const stats = isStats(p.stats) ? p.stats : computeStats(values);
  const payload: TensorPayload = {
    version: PAYLOAD_VERSION,
    dtype: "float32",
    shape: [...(shape as number[])],
    data: p.data,
    stats,
  };
  if (typeof p.title === "string") payload.title = p.title;
  return { ok: true, payload, values };
}

function isStats(s: unknown): s is TensorStats {
  if (typeof s !== "object" || s === null) return false;
  const r = s as Record<string, unknown>;
  const numOrNull = (v: unknown): boolean => v === null || (typeof v === "number" && Number.isFinite(v));
  const count = (v: unknown): boolean => typeof v === "number" && Number.isInteger(v) && v >= 0;
  return (
    numOrNull(r.min) &&
    numOrNull(r.max) &&
    numOrNull(r.mean) &&
    numOrNull(r.std) &&
    count(r.nanCount) &&
    count(r.posInfCount) &&
    count(r.negInfCount)
  );
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.slice(0, 40));
  if (typeof v === "number" || typeof v === "boolean" || v === null || v === undefined) return String(v);
  return typeof v;
}

export type { TensorStats } from "./stats.js";
