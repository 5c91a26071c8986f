/**
 * The display payload of a tensor: the one definition of what travels under the poolscope MIME type, from
 * the kernel to the JupyterLab renderer. Values are base64 of little-endian float32 (exact), or past the
 * bundle's size budget base64 of packed codes (`quantized`, quantize.ts); stats are over the whole tensor, exact
 * either way. The renderer imports this module; it has no Node or DOM dependency.
 */
import { decodeBase64, encodeBase64 } from "./base64.js";
import { computeStats, type TensorStats } from "./stats.js";
import type { PoolTrace } from "./traceTypes.js";
import { parseTrace } from "./traceValidate.js";
import type { ReducedInfo } from "./reduce.js";
import { dequantize, packedBytes, quantInfo, quantize, type QuantInfo } from "./quantize.js";

export const TENSOR_MIME = "application/vnd.poolscope.tensor+json";

/**
 * Bumped whenever the payload's shape changes; the renderer refuses versions it does not know.
 * 2: optional `input` (the pooled tensor) and `trace` (how each output cell was computed).
 * 3: optional `reduced` (the data is a bounded view of a larger tensor), `compare` (a second traced result),
 *    trace kind "stripFusion". A version-2 payload is a valid version-3 one without them, so both are read.
 * 4: optional `quantized` on the tensor and on each part (the data is packed codes of that many bits). Older
 *    payloads are valid version-4 ones without it.
 * 5: optional `row` (more results drawn beside this one, `show([a, b, …])`). Older payloads are valid
 *    version-5 ones without it.
 */
export const PAYLOAD_VERSION = 5;
export const READABLE_VERSIONS: readonly number[] = [2, 3, 4, 5];

/** A tensor's values without the envelope: the input of a traced op travels as one. */
export interface TensorData {
  /** Row-major shape (of the view, when reduced). */
  shape: number[];
  /** Base64 of the little-endian float32 values, row-major; of packed codes when `quantized` is present. */
  data: string;
  /** Over all values of the tensor, even when the data is a reduced view. */
  stats: TensorStats;
  /** Present when the data is a reduced view of a tensor too large to embed (see reduce.ts). */
  reduced?: ReducedInfo;
  /** Present when the data is quantised: the values read back are within half a step of the real ones. */
  quantized?: QuantInfo;
}

export interface TensorPayload {
  version: typeof PAYLOAD_VERSION;
  dtype: "float32";
  /** Row-major shape, NCHW for images. */
  shape: number[];
  /** Base64 of the little-endian float32 values, row-major; of packed codes when `quantized` is present. */
  data: string;
  /** Over all values (computed by the kernel, exact even when the view is reduced or quantised). */
  stats: TensorStats;
  /** Present when `shape` and `data` are a reduced view of a larger tensor: its real shape and how. */
  reduced?: ReducedInfo;
  /** Present when `data` holds quantised codes instead of exact float32 values (the size budget). */
  quantized?: QuantInfo;
  /** Optional caption, e.g. the op that produced the tensor. */
  title?: string;
  /** A traced pooling result: the op's input, so the renderer can draw each output cell's window on it. */
  input?: TensorData;
  /** A traced pooling result: the geometry of every output cell (see trace/types.ts). */
  trace?: PoolTrace;
  /**
   * A second traced result drawn beside this one and linked to it, e.g. SPP on an input of another size giving
   * a vector of the same length (compareSpp).
   */
  compare?: ComparedResult;
  /**
   * More results drawn in one row after this one (`show([a, b, …])`), on one colour scale or each on its own.
   * This payload is the row's first item, so a renderer that ignored `row` would still show a whole result.
   */
  row?: RowPart;
}

/** How the items of a row share colours: one scale (and one legend) for all, or each its own. */
export const ROW_SCALES = ["shared", "each"] as const;
export type RowScale = (typeof ROW_SCALES)[number];

/** At most this many items in a row: each is a full view, and a row wider than a notebook is no comparison. */
export const ROW_LIMIT = 8;

/** One item of a row: a tensor or a traced result, as a payload is, without the envelope or nesting. */
export type RowItem = Omit<TensorPayload, "version" | "dtype" | "compare" | "row">;

export interface RowPart {
  scale: RowScale;
  /** The items after the first (the payload itself). */
  items: RowItem[];
}

/** The second traced result of a comparison: its output, its input and its trace. */
export interface ComparedResult {
  output: TensorData;
  input: TensorData;
  trace: PoolTrace;
}

/**
 * Values to embed: stats default to theirs; a reduced view brings the full tensor's stats and how it was made;
 * `bits` asks for quantised data (absent: exact float32).
 */
export interface PayloadPart {
  shape: readonly number[];
  values: Float32Array;
  stats?: TensorStats;
  reduced?: ReducedInfo;
  bits?: number;
}

export interface PayloadExtras {
  input?: PayloadPart;
  trace?: PoolTrace;
  compare?: { output: PayloadPart; input: PayloadPart; trace: PoolTrace };
  /** More results drawn beside this one: each item's title, tensor, and a traced result's input and trace. */
  row?: { scale: RowScale; items: RowItemPart[] };
  /** The main tensor's stats and reduction, when its values are a reduced view. */
  stats?: TensorStats;
  reduced?: ReducedInfo;
  /** Quantise the main tensor's data to this many bits (absent: exact float32). */
  bits?: number;
}

/** A row item to embed: its tensor, and a traced result's input and trace. */
export interface RowItemPart extends PayloadPart {
  title?: string;
  input?: PayloadPart;
  trace?: PoolTrace;
}

function tensorData(t: PayloadPart): TensorData {
  const d: TensorData = { shape: [...t.shape], data: "", stats: t.stats ?? computeStats(t.values) };
  if (t.bits === undefined) d.data = encodeFloat32(t.values);
  else {
    // a whole tensor's exact stats are its range; a reduced view's block means have their own
    const q = quantize(t.values, t.bits, t.stats && !t.reduced ? t.stats : undefined);
    d.data = encodeBase64(q.bytes);
    d.quantized = q.info;
  }
  if (t.reduced) d.reduced = t.reduced;
  return d;
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
  // a view where the platform's order is the wire's and the offset allows it; else value by value
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0 && bytes.length % 4 === 0) {
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  }
  const out = new Float32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Float32 values as base64 of little-endian bytes: how payloads and traces carry exact values in JSON. */
export function encodeFloat32(values: Float32Array): string {
  return encodeBase64(float32ToBytes(values));
}

/** The inverse of encodeFloat32; null when the text is not base64 of whole float32 values. */
export function decodeFloat32(text: string): Float32Array | null {
  const bytes = decodeBase64(text);
  return bytes === null || bytes.length % 4 !== 0 ? null : bytesToFloat32(bytes);
}

export function encodeTensorPayload(
  shape: readonly number[],
  values: Float32Array,
  title?: string,
  extras: PayloadExtras = {},
): TensorPayload {
  const main = tensorData({ shape, values, stats: extras.stats, reduced: extras.reduced, bits: extras.bits });
  const payload: TensorPayload = { version: PAYLOAD_VERSION, dtype: "float32", ...main };
  if (title !== undefined) payload.title = title;
  if (extras.input !== undefined) payload.input = tensorData(extras.input);
  if (extras.trace !== undefined) payload.trace = extras.trace;
  if (extras.compare !== undefined) {
    const c = extras.compare;
    payload.compare = { output: tensorData(c.output), input: tensorData(c.input), trace: c.trace };
  }
  if (extras.row !== undefined) {
    const items = extras.row.items.map((part): RowItem => {
      const item: RowItem = tensorData(part);
      if (part.title !== undefined) item.title = part.title;
      if (part.input !== undefined) item.input = tensorData(part.input);
      if (part.trace !== undefined) item.trace = part.trace;
      return item;
    });
    payload.row = { scale: extras.row.scale, items };
  }
  return payload;
}

export interface PayloadLimits {
  /** Refuse to decode more values than this (a hostile shape must not allocate gigabytes). */
  maxElements: number;
}

export const DEFAULT_LIMITS: PayloadLimits = { maxElements: 16 * 1024 * 1024 };

export type ParsedPayload =
  | {
      ok: true;
      payload: TensorPayload;
      values: Float32Array;
      /** The decoded values of payload.input, when it is present and valid. */
      inputValues?: Float32Array;
      /** The decoded second result of a comparison, when present and valid. */
      compare?: { outputValues: Float32Array; inputValues: Float32Array };
      /** The row's other items, decoded, when the payload has a valid `row` (payload.row is then set too). */
      row?: ParsedItem[];
      /** Optional parts that were malformed and left out (input, trace); the tensor itself is fine. */
      warnings?: string[];
    }
  | { ok: false; error: string };

/** A row item as the renderer gets it: the item, its values, and what was left out of it. */
export interface ParsedItem {
  payload: RowItem;
  values: Float32Array;
  inputValues?: Float32Array;
  warnings?: string[];
}

/** Validates untrusted JSON and decodes its values; never throws. */
export function parseTensorPayload(raw: unknown, limits: PayloadLimits = DEFAULT_LIMITS): ParsedPayload {
  const fail = (error: string): ParsedPayload => ({ ok: false, error });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail("payload is not an object");
  const p = raw as Record<string, unknown>;
  if (typeof p.version !== "number" || !READABLE_VERSIONS.includes(p.version)) {
    return fail(
      `unsupported payload version ${describe(p.version)} (this renderer reads versions ${READABLE_VERSIONS.slice(0, -1).join(", ")} and ${READABLE_VERSIONS[READABLE_VERSIONS.length - 1]})`,
    );
  }
  if (p.dtype !== "float32") return fail(`unsupported dtype ${describe(p.dtype)}`);
  const main = parseItem(p, limits.maxElements);
  if (!main.ok) return fail(main.error);
  const payload: TensorPayload = { version: PAYLOAD_VERSION, dtype: "float32", ...main.item.payload };
  const result: Extract<ParsedPayload, { ok: true }> = { ok: true, payload, values: main.item.values };
  if (main.item.inputValues) result.inputValues = main.item.inputValues;
  const warnings: string[] = [...(main.item.warnings ?? [])];
  if (p.compare !== undefined) {
    const c = decodeCompared(p.compare, limits.maxElements);
    if (c.ok) {
      payload.compare = c.compare;
      result.compare = { outputValues: c.outputValues, inputValues: c.inputValues };
    } else warnings.push(`compared result left out: ${c.error}`);
  }
  if (p.row !== undefined) {
    const used = main.item.values.length + (main.item.inputValues?.length ?? 0);
    const row = decodeRow(p.row, Math.max(0, limits.maxElements - used));
    if (typeof row === "string") warnings.push(`the rest of the row left out: ${row}`);
    else {
      payload.row = { scale: row.scale, items: row.items.map((it) => it.payload) };
      result.row = row.items;
    }
  }
  if (warnings.length > 0) result.warnings = warnings;
  return result;
}

/**
 * The part a payload and a row item share: the tensor, its title, a traced result's input and trace. A bad
 * tensor fails the item; a bad input or trace is left out with a warning (the tensor is still worth showing).
 */
function parseItem(
  p: Record<string, unknown>,
  maxElements: number,
): { ok: true; item: ParsedItem } | { ok: false; error: string } {
  const main = decodeTensorData(p, maxElements);
  if (!main.ok) return main;
  const payload: RowItem = { shape: main.data.shape, data: main.data.data, stats: main.data.stats };
  if (main.data.reduced) payload.reduced = main.data.reduced;
  if (main.data.quantized) payload.quantized = main.data.quantized;
  if (typeof p.title === "string") payload.title = p.title;
  const item: ParsedItem = { payload, values: main.values };
  const warnings: string[] = [];
  if (p.input !== undefined) {
    const input =
      typeof p.input === "object" && p.input !== null && !Array.isArray(p.input)
        ? decodeTensorData(p.input as Record<string, unknown>, maxElements)
        : { ok: false as const, error: "is not an object" };
    if (input.ok) {
      payload.input = input.data;
      item.inputValues = input.values;
    } else warnings.push(`input left out: ${input.error}`);
  }
  if (p.trace !== undefined) {
    const trace = parseTrace(p.trace);
    if (trace.ok) payload.trace = trace.trace;
    else warnings.push(`trace left out: ${trace.error}`);
  }
  if (warnings.length > 0) item.warnings = warnings;
  return { ok: true, item };
}

/**
 * Validates and decodes a payload's `row`; a string says what is wrong. `maxElements` is what the first item
 * left of the limit: it holds for the whole row, not per item, so a long row of big items cannot allocate more
 * than one big payload.
 */
function decodeRow(raw: unknown, maxElements: number): { scale: RowScale; items: ParsedItem[] } | string {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "is not an object";
  const r = raw as Record<string, unknown>;
  if (!ROW_SCALES.includes(r.scale as RowScale)) return `scale must be ${ROW_SCALES.map((v) => `"${v}"`).join(" or ")}`;
  if (!Array.isArray(r.items) || r.items.length < 1 || r.items.length >= ROW_LIMIT) {
    return `items must be a list of 1 to ${ROW_LIMIT - 1} results`;
  }
  const items: ParsedItem[] = [];
  let budget = maxElements;
  for (const [k, v] of r.items.entries()) {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return `item ${k + 2} is not an object`;
    const parsed = parseItem(v as Record<string, unknown>, budget);
    if (!parsed.ok) return `item ${k + 2}: ${parsed.error}`;
    budget = Math.max(0, budget - parsed.item.values.length - (parsed.item.inputValues?.length ?? 0));
    items.push(parsed.item);
  }
  return { scale: r.scale as RowScale, items };
}

type DecodedCompared =
  | { ok: true; compare: ComparedResult; outputValues: Float32Array; inputValues: Float32Array }
  | { ok: false; error: string };

/** Validates and decodes a payload's `compare` part; never throws. */
function decodeCompared(raw: unknown, maxElements: number): DecodedCompared {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, error: "is not an object" };
  const c = raw as Record<string, unknown>;
  const part = (v: unknown): DecodedData =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? decodeTensorData(v as Record<string, unknown>, maxElements)
      : { ok: false, error: "is not an object" };
  const output = part(c.output);
  if (!output.ok) return { ok: false, error: `output: ${output.error}` };
  const input = part(c.input);
  if (!input.ok) return { ok: false, error: `input: ${input.error}` };
  const trace = parseTrace(c.trace);
  if (!trace.ok) return { ok: false, error: trace.error };
  return {
    ok: true,
    compare: { output: output.data, input: input.data, trace: trace.trace },
    outputValues: output.values,
    inputValues: input.values,
  };
}

type DecodedData = { ok: true; data: TensorData; values: Float32Array } | { ok: false; error: string };

/** Validates and decodes { shape, data, stats } of untrusted JSON; never throws. */
function decodeTensorData(p: Record<string, unknown>, maxElements: number): DecodedData {
  const fail = (error: string): DecodedData => ({ ok: false, error });
  const shape = p.shape;
  if (!Array.isArray(shape) || shape.length > 8 || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    return fail("shape must be a list of at most 8 non-negative integers");
  }
  let size = 1;
  for (const d of shape as number[]) size *= d;
  if (size > maxElements) {
    return fail(`shape [${shape.join(", ")}] has ${size} elements, more than the ${maxElements} allowed`);
  }
  if (typeof p.data !== "string") return fail("data must be a base64 string");
  let quantized: QuantInfo | undefined;
  if (p.quantized !== undefined) {
    const q = quantInfo(p.quantized);
    if (typeof q === "string") return fail(`quantized ${q}`);
    quantized = q;
  }
  const bits = quantized?.bits ?? 32;
  const byteCount = packedBytes(size, bits);
  const expectedChars = Math.ceil(byteCount / 3) * 4;
  if (p.data.length !== expectedChars) {
    const held = Math.floor((((p.data.length * 3) / 4) * 8) / bits);
    return fail(`data holds ${held} values, shape [${shape.join(", ")}] needs ${size}`);
  }
  const bytes = decodeBase64(p.data);
  if (bytes === null || bytes.length !== byteCount) {
    return fail(`data is not valid base64 of ${quantized ? `${bits}-bit codes` : "float32 values"}`);
  }
  const values = quantized ? dequantize(bytes, size, quantized) : bytesToFloat32(bytes);
  if (values === null) return fail("data is too short for its codes");
  const stats = isStats(p.stats) ? p.stats : computeStats(values);
  const data: TensorData = { shape: [...(shape as number[])], data: p.data, stats };
  if (quantized) data.quantized = quantized;
  if (p.reduced !== undefined) {
    const reduced = reducedInfo(p.reduced, data.shape);
    if (typeof reduced === "string") return fail(`reduced ${reduced}`);
    data.reduced = reduced;
  }
  return { ok: true, data, values };
}

/** Validates a `reduced` description against the view's shape; a string says what is wrong. */
function reducedInfo(raw: unknown, viewShape: readonly number[]): ReducedInfo | string {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "is not an object";
  const r = raw as Record<string, unknown>;
  const shape = r.originalShape;
  if (
    !Array.isArray(shape) ||
    shape.length !== viewShape.length ||
    shape.some((d, k) => !Number.isInteger(d) || d < viewShape[k])
  )
    return "originalShape must list, axis by axis, sizes at least the view's";
  if (!Number.isInteger(r.factor) || (r.factor as number) < 1) return "factor must be a whole number ≥ 1";
  if (r.method !== "mean") return 'method must be "mean"';
  return { originalShape: [...(shape as number[])], factor: r.factor as number, method: "mean" };
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
