/**
 * Strip pooling's fused map, read from its trace: which strip cells a fused cell is made of, which fused cells a
 * strip cell feeds, and the read-out lines. The strips' values come from the trace and the fused values from
 * the payload: nothing here pools or convolves.
 */
import { decodeFloat32, formatNumber, type StripFusionTrace } from "poolscope/wire";
import type { Mark } from "../canvas/marks.js";
import { sayer, type Say } from "../words/messages.js";

/** The decoded strips of a fusion trace: rows (N·C·H) and columns (N·C·W). */
export interface FusionStrips {
  n: number;
  c: number;
  h: number;
  w: number;
  rows: Float32Array;
  cols: Float32Array;
}

/**
 * The strips when the trace agrees with the tensors (input and fused map both (N, C, H, W), strips of N·C·H
 * and N·C·W values), else a readable reason.
 */
export function fusionStrips(
  trace: StripFusionTrace,
  inputShape: readonly number[],
  outputShape: readonly number[],
  say: Say = sayer("en"),
): FusionStrips | string {
  const same = (a: readonly number[], b: readonly number[]): boolean =>
    a.length === b.length && a.every((d, k) => d === b[k]);
  if (inputShape.length !== 4 || !same(inputShape, outputShape) || !same(inputShape, trace.inputShape))
    return say("stripTraceShapes");
  if (trace.rows === undefined || trace.cols === undefined) return say("stripTooLarge");
  const [n, c, h, w] = inputShape;
  const rows = decodeFloat32(trace.rows);
  const cols = decodeFloat32(trace.cols);
  if (!rows || !cols || rows.length !== n * c * h || cols.length !== n * c * w) return say("stripStripsShapes");
  return { n, c, h, w, rows, cols };
}

/** What a view of one plane is focused on: a fused, input, row-strip or column-strip cell. */
export type FusionRole = "fused" | "input" | "rows" | "cols";

/** Marks for each panel of the focused plane. */
export interface FusionMarks {
  input: Mark[];
  rows: Mark[];
  cols: Mark[];
  fused: Mark[];
}

/** Strip positions within `reach` of p (the 3-tap convolution's neighbours), clipped to [0, size). */
function neighbours(p: number, reach: number, size: number): number[] {
  const out: number[] = [];
  for (let q = Math.max(0, p - reach); q <= Math.min(size - 1, p + reach); q++) if (q !== p) out.push(q);
  return out;
}

/**
 * The links of a focused cell (i, j) of one plane (h×w): a fused cell lights its row-strip cell i and column
 * strip cell j (their convolution neighbours outlined too) and the input's row i and column j; a strip cell
 * lights its row or column of the input and of the fused map; an input cell lights the strip cells it is
 * averaged into and the fused row and column they feed.
 */
export function fusionLinks(role: FusionRole, i: number, j: number, h: number, w: number, taps: number): FusionMarks {
  const m: FusionMarks = { input: [], rows: [], cols: [], fused: [] };
  const reach = Math.floor(taps / 2);
  const row = (r: number, style: Mark["style"]): Mark => ({ i: r, j: 0, h: 1, w, style });
  const col = (c: number, style: Mark["style"]): Mark => ({ i: 0, j: c, h, w: 1, style });
  if (role === "fused") {
    m.fused.push({ i, j, style: "cursor" });
    m.rows.push(
      { i, j: 0, style: "linked" },
      ...neighbours(i, reach, h).map((r) => ({ i: r, j: 0, style: "window" as const })),
    );
    m.cols.push(
      { i: 0, j, style: "linked" },
      ...neighbours(j, reach, w).map((c) => ({ i: 0, j: c, style: "window" as const })),
    );
    m.input.push(row(i, "window"), col(j, "window"));
  } else if (role === "rows") {
    m.rows.push({ i, j: 0, style: "cursor" });
    m.input.push(row(i, "window"));
    m.fused.push(row(i, "linked"));
  } else if (role === "cols") {
    m.cols.push({ i: 0, j, style: "cursor" });
    m.input.push(col(j, "window"));
    m.fused.push(col(j, "linked"));
  } else {
    m.input.push({ i, j, style: "cursor" });
    m.rows.push({ i, j: 0, style: "linked" });
    m.cols.push({ i: 0, j, style: "linked" });
    m.fused.push(row(i, "linked"), col(j, "linked"));
  }
  return m;
}

const MAX_TERMS = 12;

/** "(a + b + … (k more)) / W = mean": a strip cell's mean written with the input's own numbers. */
export function meanFormula(name: string, values: readonly number[], mean: number, say: Say = sayer("en")): string {
  const shown = values.slice(0, MAX_TERMS).map(formatNumber);
  const more = values.length > MAX_TERMS ? ` + ${say("formulaMore", { count: values.length - MAX_TERMS })}` : "";
  return `${name} = (${shown.join(" + ")}${more}) / ${values.length} = ${formatNumber(mean)}`;
}

/** The fused cell's line: which strip values it is made of, and its value. */
export function fusedFormula(
  i: number,
  j: number,
  rowMean: number,
  colMean: number,
  fused: number,
  h: number,
  w: number,
  taps: number,
  say: Say = sayer("en"),
): string {
  const reach = Math.floor(taps / 2);
  const span = (p: number, size: number): string => {
    const a = Math.max(0, p - reach);
    const b = Math.min(size - 1, p + reach);
    return a === b ? `${a}` : `${a}…${b}`;
  };
  return say("stripFused", {
    i,
    j,
    rows: span(i, h),
    cols: span(j, w),
    value: formatNumber(fused),
    row: formatNumber(rowMean),
    col: formatNumber(colMean),
  });
}
