/**
 * Validation of a trace received as untrusted JSON (the renderer's side of the payload). It never throws: a
 * malformed trace is reported and left out, the tensor still renders. It walks the tables of traceSchema.ts
 * (the one declaration of every field and enum), so nothing here restates the format.
 */
import {
  BASE_FIELDS,
  fail,
  Invalid,
  KIND_CHECKS,
  obj,
  readFields,
  TRACE_KINDS,
  type ParseState,
} from "./traceSchema.js";
import type { PoolTrace } from "./traceTypes.js";

export type ParsedTrace = { ok: true; trace: PoolTrace } | { ok: false; error: string };

const KINDS = Object.keys(TRACE_KINDS) as (keyof typeof TRACE_KINDS)[];

/** Checks untrusted JSON against the PoolTrace types and returns a clean copy; never throws. */
export function parseTrace(raw: unknown): ParsedTrace {
  try {
    return { ok: true, trace: parse(raw) };
  } catch (e) {
    return { ok: false, error: e instanceof Invalid ? e.message : "trace could not be read" };
  }
}

function parse(raw: unknown): PoolTrace {
  const t = obj(raw, "trace");
  const state: ParseState = { samples: 0 };
  const base = readFields(t, BASE_FIELDS, "trace", state);
  const kind = KINDS.find((k) => k === t.kind);
  if (kind === undefined) {
    const quoted = KINDS.map((k) => `"${k}"`);
    return fail(`trace.kind must be ${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`);
  }
  const trace = readFields(t, TRACE_KINDS[kind], "trace", state, { kind, ...base });
  KIND_CHECKS[kind]?.(trace);
  // the tables are the types' source (traceTypes.ts), so a kind's fields read off its table are that trace
  return trace as unknown as PoolTrace;
}
