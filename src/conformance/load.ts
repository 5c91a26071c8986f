/**
 * Reading a golden file: { cases: [{ id, op, params, inputs, outputs, error?, error_param?, bins? }] }, tensors as
 * { shape, data } with null for NaN and "Infinity" / "-Infinity" strings. A case that cannot be read is kept
 * with its problem recorded, so the runner counts it as failed rather than skipping it.
 */
import { readFileSync } from "node:fs";
import { Tensor } from "../core/tensor.js";

export interface GoldenTensor {
  shape: number[];
  /** float64 copies of the JSON numbers, so comparisons see the file's values exactly. */
  data: Float64Array;
}

export interface GoldenCase {
  id: string;
  op: string;
  params: Record<string, unknown>;
  inputs: Record<string, GoldenTensor>;
  outputs: Record<string, GoldenTensor>;
  /** The op must refuse these parameters. */
  error: boolean;
  /**
   * For an error case, the argument PyTorch refuses (a golden parameter name or an input name), when the file
   * records it; the op's ParameterError must then name that argument.
   */
  errorParam?: string;
  /** Extra fields (e.g. spp's real bin counts). */
  extra: Record<string, unknown>;
  /** Set when the case itself is malformed. */
  problem?: string;
}

export interface GoldenFile {
  count?: number;
  cases: GoldenCase[];
}

export function loadGoldenFile(path: string): GoldenFile {
  return parseGolden(JSON.parse(readFileSync(path, "utf8")));
}

export function parseGolden(raw: unknown): GoldenFile {
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as { cases?: unknown }).cases)) {
    throw new Error('not a golden file: expected { "cases": [...] }');
  }
  const file = raw as { count?: unknown; cases: unknown[] };
  return {
    count: typeof file.count === "number" ? file.count : undefined,
    cases: file.cases.map((c, i) => parseCase(c, i)),
  };
}

function parseCase(raw: unknown, index: number): GoldenCase {
  const c = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const id = typeof c.id === "string" ? c.id : `case#${index}`;
  const base: GoldenCase = {
    id,
    op: typeof c.op === "string" ? c.op : "(missing op)",
    params: isRecord(c.params) ? c.params : {},
    inputs: {},
    outputs: {},
    error: c.error === true,
    extra: {},
  };
  for (const [k, v] of Object.entries(c)) {
    if (!["id", "op", "params", "inputs", "outputs", "error", "error_param", "note"].includes(k)) base.extra[k] = v;
  }
  try {
    if (c.error_param !== undefined) {
      if (typeof c.error_param !== "string") throw new Error("error_param is not a string");
      if (!base.error) throw new Error("error_param on a case that is not an error case");
      base.errorParam = c.error_param;
    }
    if (typeof c.op !== "string") throw new Error("no op");
    if (c.params !== undefined && !isRecord(c.params)) throw new Error("params is not an object");
    if (!isRecord(c.inputs)) throw new Error("no inputs");
    for (const [k, v] of Object.entries(c.inputs)) base.inputs[k] = parseTensor(v, `inputs.${k}`);
    if (!base.error) {
      if (!isRecord(c.outputs) || Object.keys(c.outputs).length === 0) throw new Error("no outputs");
      for (const [k, v] of Object.entries(c.outputs)) base.outputs[k] = parseTensor(v, `outputs.${k}`);
    }
  } catch (e) {
    base.problem = `malformed case: ${(e as Error).message}`;
  }
  return base;
}

function parseTensor(raw: unknown, what: string): GoldenTensor {
  if (!isRecord(raw) || !Array.isArray(raw.shape) || !Array.isArray(raw.data))
    throw new Error(`${what} is not { shape, data }`);
  const shape = raw.shape.map((d) => {
    if (!Number.isInteger(d) || (d as number) < 0) throw new Error(`${what}.shape is not a list of sizes`);
    return d as number;
  });
  const data = Float64Array.from(raw.data, (v) => decodeNumber(v, what));
  const size = shape.reduce((n, d) => n * d, 1);
  if (data.length !== size) throw new Error(`${what} holds ${data.length} values for shape [${shape.join(", ")}]`);
  return { shape, data };
}

function decodeNumber(v: unknown, what: string): number {
  if (typeof v === "number") return v;
  if (v === null) return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  if (v === "NaN") return NaN;
  throw new Error(`${what} holds a value that is not a number: ${JSON.stringify(v)}`);
}

/** A golden tensor as a library tensor (float32). */
export function toTensor(t: GoldenTensor): Tensor {
  return new Tensor(Float32Array.from(t.data), t.shape);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
