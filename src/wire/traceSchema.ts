/**
 * The trace format declared once: one table of fields per trace kind, each field a reader of untrusted JSON.
 * traceTypes.ts derives the TypeScript types from these tables (`FromTable`) and traceValidate.ts walks them,
 * so a new field or enum value is written here and nowhere else. Readers throw `Invalid` with the message the
 * renderer shows; parseTrace catches it (it never throws). Sizes are bounded so a hostile payload cannot make
 * the renderer loop for long.
 */
import { decodeBase64 } from "./base64.js";
import type { AxisGeometry, AxisWindows } from "../geometry/window.js";

/** Arrays longer than this are left out of a trace (the renderer can recompute them from the geometry). */
export const TRACE_ARRAY_LIMIT = 65536;

const MAX_DIMS = 8;
const MAX_BINS = 1 << 16;
const MAX_LIST = 4096;

export class Invalid extends Error {}

export function fail(msg: string): never {
  throw new Invalid(msg);
}

type Obj = Record<string, unknown>;

/**
 * Reads one value; `what` names it in the error message. `parsed` holds the fields read before it and `state`
 * lives for one parseTrace call (RoIAlign's sample budget spans all regions).
 */
export type Reader<T> = (v: unknown, what: string, parsed: Obj, state: ParseState) => T;

export interface ParseState {
  samples: number;
}

export interface Field<T, Optional extends boolean> {
  read: Reader<T>;
  optional: Optional;
}

/** A field every trace of the kind carries. */
const req = <T>(read: Reader<T>): Field<T, false> => ({ read, optional: false });
/** A field read only when present (absent stays absent, so older traces stay readable). */
const opt = <T>(read: Reader<T>): Field<T, true> => ({ read, optional: true });

export type Table = Record<string, Field<unknown, boolean>>;

/** The object type a table reads: required fields as is, optional ones with `?`. */
export type FromTable<T extends Table> = {
  -readonly [K in keyof T as T[K] extends Field<unknown, false> ? K : never]: T[K] extends Field<infer V, false>
    ? V
    : never;
} & {
  -readonly [K in keyof T as T[K] extends Field<unknown, false> ? never : K]?: T[K] extends Field<infer V, true>
    ? V
    : never;
};

/** Reads the fields of `table` from `o` in table order (so the clean copy's key order is the table's). */
export function readFields<T extends Table>(
  o: Obj,
  table: T,
  prefix: string,
  state: ParseState,
  into: Obj = {},
): FromTable<T> {
  for (const [key, field] of Object.entries(table)) {
    if (field.optional && o[key] === undefined) continue;
    into[key] = field.read(o[key], `${prefix}.${key}`, into, state);
  }
  return into as FromTable<T>;
}

// ---- readers

export function obj(v: unknown, what: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(`${what} is not an object`);
  return v as Obj;
}

function int(v: unknown, what: string, min = -Infinity): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min)
    fail(`${what} must be an integer${min > -Infinity ? ` ≥ ${min}` : ""}`);
  return v as number;
}

const intAtLeast =
  (min: number): Reader<number> =>
  (v, what) =>
    int(v, what, min);

function num(v: unknown, what: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(`${what} must be a finite number`);
  return v as number;
}

function list(v: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(v) || v.length > max) fail(`${what} must be a list of at most ${max} entries`);
  return v as unknown[];
}

function shape(v: unknown, what: string): number[] {
  return list(v, what, MAX_DIMS).map((d, i) => int(d, `${what}[${i}]`, 0));
}

/** One of the listed strings; the list is the type (`oneOf(["max", "avg"])` reads `"max" | "avg"`). */
function oneOf<const T extends readonly string[]>(options: T): Reader<T[number]> {
  return (v, what) => {
    if (!options.includes(v as string)) fail(`${what} must be one of ${options.join(", ")}`);
    return v as T[number];
  };
}

const bool =
  (message: string): Reader<boolean> =>
  (v, what) =>
    typeof v === "boolean" ? v : fail(`${what} ${message}`);

function numbers(v: unknown, what: string): number[] {
  return list(v, what, TRACE_ARRAY_LIMIT).map((x, i) =>
    typeof x === "number" ? x : fail(`${what}[${i}] is not a number`),
  );
}

/** Base64 of exactly `count` float32 values (at most TRACE_ARRAY_LIMIT). */
function float32Base64(v: unknown, what: string, count: number): string {
  if (count > TRACE_ARRAY_LIMIT) fail(`${what} holds more than ${TRACE_ARRAY_LIMIT} values`);
  if (typeof v !== "string" || v.length !== Math.ceil((count * 4) / 3) * 4 || decodeBase64(v)?.length !== count * 4)
    fail(`${what} must be base64 of ${count} float32 values`);
  return v as string;
}

function axisWindows(v: unknown, what: string): AxisWindows {
  const o = obj(v, what);
  if (o.kind === "sliding") {
    const g = obj(o.geometry, `${what}.geometry`);
    const geometry: AxisGeometry = {
      size: int(g.size, `${what}.size`, 0),
      kernel: int(g.kernel, `${what}.kernel`, 1),
      stride: int(g.stride, `${what}.stride`, 1),
      dilation: int(g.dilation, `${what}.dilation`, 1),
      padBefore: int(g.padBefore, `${what}.padBefore`, 0),
      padAfter: int(g.padAfter, `${what}.padAfter`, 0),
      outSize: int(g.outSize, `${what}.outSize`, 0),
    };
    if (geometry.outSize > MAX_BINS) fail(`${what}.outSize is too large`);
    return { kind: "sliding", geometry };
  }
  if (o.kind === "bins") {
    const size = int(o.size, `${what}.size`, 0);
    const bins = list(o.bins, `${what}.bins`, MAX_BINS).map((b, i) => {
      const pair = list(b, `${what}.bins[${i}]`, 2);
      if (pair.length !== 2) fail(`${what}.bins[${i}] must be [start, end]`);
      const start = int(pair[0], `${what}.bins[${i}][0]`);
      const end = int(pair[1], `${what}.bins[${i}][1]`);
      if (end < start) fail(`${what}.bins[${i}] ends before it starts`);
      return [start, end] as [number, number];
    });
    return { kind: "bins", size, bins };
  }
  return fail(`${what}.kind must be "sliding" or "bins"`);
}

function axes(v: unknown, what: string): AxisWindows[] {
  return list(v, what, MAX_DIMS).map((a, i) => axisWindows(a, `${what}[${i}]`));
}

function pair(v: unknown, what: string): [number, number] {
  const p = list(v, what, 2);
  if (p.length !== 2) fail(`${what} must hold 2 numbers`);
  return [int(p[0], `${what}[0]`, 0), int(p[1], `${what}[1]`, 0)];
}

/** [start, end), end ≥ start: integers, possibly negative (a box off the map), or with `read = num` any finite numbers. */
function span(v: unknown, what: string, read: (v: unknown, what: string) => number = int): [number, number] {
  const p = list(v, what, 2);
  if (p.length !== 2) fail(`${what} must be [start, end]`);
  const s = read(p[0], `${what}[0]`);
  const e = read(p[1], `${what}[1]`);
  if (e < s) fail(`${what} ends before it starts`);
  return [s, e];
}

/** Two spans (H, W); `read = num` for continuous edges. */
const spans =
  (count: string, read?: (v: unknown, what: string) => number): Reader<[[number, number], [number, number]]> =>
  (v, what) => {
    const p = list(v, what, 2);
    if (p.length !== 2) fail(`${what} must hold 2 ${count}`);
    return [span(p[0], `${what}[0]`, read), span(p[1], `${what}[1]`, read)];
  };

/** A list of objects read with their own table. */
function objects<T extends Table>(table: T, max: number): Reader<FromTable<T>[]> {
  return (v, what, _parsed, state) =>
    list(v, what, max).map((item, i) => readFields(obj(item, `${what}[${i}]`), table, `${what}[${i}]`, state));
}

/** (N, C, H, W) of a stripFusion trace, whose strips are sized by it. */
export function stripShape(inputShape: number[]): [number, number, number, number] {
  if (inputShape.length !== 4) fail("trace.inputShape must be (N, C, H, W)");
  return inputShape as [number, number, number, number];
}

// ---- the tables

/** Fields every trace carries, read before its kind's. */
export const BASE_FIELDS = {
  /** The public op that produced the output, e.g. "maxPool2d". */
  op: req((v) => (typeof v === "string" ? v.slice(0, 80) : fail("trace.op must be a string"))),
  /** Shapes as laid out in memory. */
  inputShape: req(shape),
  outputShape: req(shape),
  /** "first": (N, C, spatial…), PyTorch; "last": (N, spatial…, C), TensorFlow/Keras. */
  channels: req(oneOf(["first", "last"])),
};

export const WINDOW_FIELDS = {
  /** Which family of windows: sliding (kernel/stride/padding), adaptive bins, global (one bin), strips. */
  family: req(oneOf(["sliding", "adaptive", "global", "strip"])),
  /** How a window is reduced. */
  reduce: req(oneOf(["max", "avg", "lp"])),
  /** One entry per spatial axis. */
  axes: req(axes),
  /** Strip pooling: "horizontal" averages each row (H×1), "vertical" each column (1×W). */
  strip: opt(oneOf(["horizontal", "vertical"])),
  /**
   * Max pooling: for output element k (the output's own row-major order), the row-major spatial offset of the
   * winning input cell within its plane (PyTorch's indices). Left out above TRACE_ARRAY_LIMIT elements.
   */
  argmax: opt(numbers),
  /**
   * Average pooling: the divisor of each output position of one plane (row-major over the output's spatial
   * dims), shared by all planes; 0 marks a window with no input cell. Left out above TRACE_ARRAY_LIMIT.
   */
  divisors: opt(numbers),
  /** Average pooling: whether padded cells count in the divisor, or a fixed divisorOverride. */
  countIncludePad: opt(bool("must be a boolean")),
  divisorOverride: opt(num),
  /**
   * LP pooling: p ("Infinity" / "-Infinity" for the max / min of |x|, as JSON cannot hold them), and the factor
   * PyTorch multiplies the in-window mean by (the full kernel volume).
   */
  normType: opt((v, what): number | "Infinity" | "-Infinity" =>
    v === "Infinity" || v === "-Infinity" ? v : num(v, what),
  ),
  lpScale: opt(num),
};

/** One level of a spatial pyramid. */
export const SPP_LEVEL_FIELDS = {
  /** The requested bins per axis (n, or [nh, nw]). */
  requested: req(pair),
  /** The bins the rule really produced per axis (the paper rule can give more than requested). */
  bins: req(pair),
  /** Where this level's features start in a sample's output row (channel-major: offset + c·bh·bw + i·bw + j). */
  offset: req(intAtLeast(0)),
  axes: req(axes),
  /** Max mode: argmax per output element of this level in (N, C, bh, bw) order, within the H×W plane. */
  argmax: opt(numbers),
};

export const SPP_FIELDS = {
  levels: req(objects(SPP_LEVEL_FIELDS, 64)),
  mode: req(oneOf(["max", "avg"])),
  rule: req(oneOf(["adaptive", "paper", "corrected"])),
};

/** One region of interest: its box, the feature-map region it maps to and its bins there. */
export const ROI_REGION_FIELDS = {
  /** [x1, y1, x2, y2] as given, in input-image coordinates. */
  box: req((v, what): [number, number, number, number] => {
    const box = list(v, what, 4);
    if (box.length !== 4) fail(`${what} must hold 4 numbers`);
    return box.map((b, j) => num(b, `${what}[${j}]`)) as [number, number, number, number];
  }),
  batchIndex: req(intAtLeast(0)),
  /**
   * Bins on the feature map per axis (H, W), already shifted by the region start and clipped to the map. For
   * RoIAlign, the hull of the cells each bin's samples weigh ([0, 0] when none is on the map).
   */
  axes: req(axes),
  /**
   * The box on the feature map, per axis (H, W): [start, end) after scaling by spatialScale and rounding, before
   * clipping to the map (it may reach off it). Optional: traces saved before it was added leave it out.
   */
  rect: opt(spans("spans")),
  /**
   * RoIAlign only: the box on the map as continuous edges per axis (H, W), in cell units (cell i spans
   * [i, i + 1)), so a renderer draws it where the samples see it.
   */
  edges: opt(spans("pairs", num)),
  /**
   * RoIAlign only: per axis (H, W), per bin, the sample coordinates (cell i's centre is at i). A bin averages
   * the bilinear reads at every (y, x) pair of its row and column samples; a sample beyond the map's one-cell
   * margin (coordinate < −1 or > size) reads 0.
   */
  samples: opt((v, what, _parsed, state): [number[][], number[][]] => {
    const per = list(v, what, 2);
    if (per.length !== 2) fail(`${what} must hold 2 axes`);
    const axis = (a: unknown, w: string): number[][] =>
      list(a, w, MAX_BINS).map((bin, b) => {
        const coords = list(bin, `${w}[${b}]`, TRACE_ARRAY_LIMIT).map((c, j) => num(c, `${w}[${b}][${j}]`));
        state.samples += coords.length;
        if (state.samples > TRACE_ARRAY_LIMIT) fail(`trace.regions hold more than ${TRACE_ARRAY_LIMIT} samples`);
        return coords;
      });
    return [axis(per[0], `${what}[0]`), axis(per[1], `${what}[1]`)];
  }),
};

export const ROI_FIELDS = {
  // read before spatialScale, as the format always has: a malformed payload reports the same first error
  regions: req(objects(ROI_REGION_FIELDS, MAX_LIST)),
  spatialScale: req(num),
  /** "max": RoI pooling (roiPool); "align": RoIAlign's average of bilinear samples. Absent in older traces: max. */
  mode: opt(oneOf(["max", "align"])),
  /** RoIAlign: samples per bin per axis as asked (≤ 0: adaptive), and whether boxes were shifted by −0.5. */
  samplingRatio: opt((v, what) => int(v, what)),
  aligned: opt(bool("must be true or false")),
  /** Argmax per output element (K, C, ph, pw) within the H×W plane; −1 for an empty bin (output 0). */
  argmax: opt(numbers),
  /**
   * A name per region, in the order of `regions` (the op's `names` option), shown on its box and its bins; absent:
   * the renderer labels regions by index.
   */
  names: opt((v, what, parsed): string[] => {
    const names = list(v, what, MAX_LIST).map((s, k) =>
      typeof s === "string" && s.length <= MAX_NAME
        ? s
        : fail(`${what}[${k}] must be a text of at most ${MAX_NAME} characters`),
    );
    if (names.length !== (parsed.regions as unknown[]).length) fail(`${what} must name every region, one name each`);
    return names;
  }),
};

/** Longest region name a trace carries: a label on a box, not a paragraph. */
export const MAX_NAME = 64;

export const STRIP_FUSION_FIELDS = {
  /** Taps of the strip convolutions along the strip (3 in SPNet: fused row i reads rows i − 1 … i + 1). */
  taps: req(intAtLeast(1)),
  /** Channels between the strip convolutions and the 1×1 convolution. */
  midChannels: req(intAtLeast(1)),
  /**
   * Row means, the H×1 strip: (N, C, H) row-major, as base64 of little-endian float32 like the payload's data
   * (exact, and NaN / ±Inf survive JSON). Left out above TRACE_ARRAY_LIMIT values.
   */
  rows: opt((v, what, parsed) => {
    const [n, c, h] = stripShape(parsed.inputShape as number[]);
    return float32Base64(v, what, n * c * h);
  }),
  /** Column means, the 1×W strip: (N, C, W) row-major, encoded the same way. Left out above TRACE_ARRAY_LIMIT. */
  cols: opt((v, what, parsed) => {
    const [n, c, , w] = stripShape(parsed.inputShape as number[]);
    return float32Base64(v, what, n * c * w);
  }),
};

export const UNPOOL_FIELDS = {
  axes: req(axes),
  /**
   * For input element k (row-major over N, C, spatial), the flat spatial index in the output it was written to
   * (the indices given). Left out above TRACE_ARRAY_LIMIT elements.
   */
  targets: opt(numbers),
};

/** Checks across fields, run after a kind's table is read. */
export const KIND_CHECKS: { [K in keyof typeof TRACE_KINDS]?: (parsed: Obj) => void } = {
  // a stripFusion trace is (N, C, H, W) even when it carries no strips
  stripFusion: (parsed) => void stripShape(parsed.inputShape as number[]),
};

/** Every trace kind and its table: traceValidate.ts dispatches on this, traceTypes.ts builds PoolTrace from it. */
export const TRACE_KINDS = {
  window: WINDOW_FIELDS,
  spp: SPP_FIELDS,
  roi: ROI_FIELDS,
  stripFusion: STRIP_FUSION_FIELDS,
  unpool: UNPOOL_FIELDS,
};
