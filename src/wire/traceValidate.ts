/**
 * Validation of a trace received as untrusted JSON (the renderer's side of the payload). It never throws: a
 * malformed trace is reported and left out, the tensor still renders. Sizes are bounded so a hostile payload
 * cannot make the renderer loop for long.
 */
import { decodeBase64 } from "./base64.js";
import type { AxisGeometry, AxisWindows } from "../geometry/window.js";
import { TRACE_ARRAY_LIMIT, type PoolTrace, type RoiRegionTrace, type SppLevelTrace } from "./traceTypes.js";

export type ParsedTrace = { ok: true; trace: PoolTrace } | { ok: false; error: string };

const MAX_DIMS = 8;
const MAX_BINS = 1 << 16;
const MAX_LIST = 4096;

class Invalid extends Error {}

function fail(msg: string): never {
  throw new Invalid(msg);
}

type Obj = Record<string, unknown>;

function obj(v: unknown, what: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(`${what} is not an object`);
  return v as Obj;
}

function int(v: unknown, what: string, min = -Infinity): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min)
    fail(`${what} must be an integer${min > -Infinity ? ` ≥ ${min}` : ""}`);
  return v as number;
}

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

function oneOf<T extends string>(v: unknown, options: readonly T[], what: string): T {
  if (!options.includes(v as T)) fail(`${what} must be one of ${options.join(", ")}`);
  return v as T;
}

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
  const base = {
    op: typeof t.op === "string" ? t.op.slice(0, 80) : fail("trace.op must be a string"),
    inputShape: shape(t.inputShape, "trace.inputShape"),
    outputShape: shape(t.outputShape, "trace.outputShape"),
    channels: oneOf(t.channels, ["first", "last"] as const, "trace.channels"),
  };
  const axes = (v: unknown, what: string): AxisWindows[] =>
    list(v, what, MAX_DIMS).map((a, i) => axisWindows(a, `${what}[${i}]`));
  if (t.kind === "window") {
    const trace: PoolTrace = {
      kind: "window",
      ...base,
      family: oneOf(t.family, ["sliding", "adaptive", "global", "strip"] as const, "trace.family"),
      reduce: oneOf(t.reduce, ["max", "avg", "lp"] as const, "trace.reduce"),
      axes: axes(t.axes, "trace.axes"),
    };
    if (t.strip !== undefined) trace.strip = oneOf(t.strip, ["horizontal", "vertical"] as const, "trace.strip");
    if (t.argmax !== undefined) trace.argmax = numbers(t.argmax, "trace.argmax");
    if (t.divisors !== undefined) trace.divisors = numbers(t.divisors, "trace.divisors");
    if (t.countIncludePad !== undefined) {
      trace.countIncludePad =
        typeof t.countIncludePad === "boolean" ? t.countIncludePad : fail("trace.countIncludePad must be a boolean");
    }
    if (t.divisorOverride !== undefined) trace.divisorOverride = num(t.divisorOverride, "trace.divisorOverride");
    if (t.normType !== undefined)
      trace.normType =
        t.normType === "Infinity" || t.normType === "-Infinity" ? t.normType : num(t.normType, "trace.normType");
    if (t.lpScale !== undefined) trace.lpScale = num(t.lpScale, "trace.lpScale");
    return trace;
  }
  if (t.kind === "spp") {
    const levels = list(t.levels, "trace.levels", 64).map((l, i): SppLevelTrace => {
      const o = obj(l, `trace.levels[${i}]`);
      const level: SppLevelTrace = {
        requested: pair(o.requested, `trace.levels[${i}].requested`),
        bins: pair(o.bins, `trace.levels[${i}].bins`),
        offset: int(o.offset, `trace.levels[${i}].offset`, 0),
        axes: axes(o.axes, `trace.levels[${i}].axes`),
      };
      if (o.argmax !== undefined) level.argmax = numbers(o.argmax, `trace.levels[${i}].argmax`);
      return level;
    });
    return {
      kind: "spp",
      ...base,
      mode: oneOf(t.mode, ["max", "avg"] as const, "trace.mode"),
      rule: oneOf(t.rule, ["adaptive", "paper", "corrected"] as const, "trace.rule"),
      levels,
    };
  }
  if (t.kind === "roi") {
    let samples = 0;
    const regions = list(t.regions, "trace.regions", MAX_LIST).map((r, i): RoiRegionTrace => {
      const o = obj(r, `trace.regions[${i}]`);
      const box = list(o.box, `trace.regions[${i}].box`, 4);
      if (box.length !== 4) fail(`trace.regions[${i}].box must hold 4 numbers`);
      const region: RoiRegionTrace = {
        batchIndex: int(o.batchIndex, `trace.regions[${i}].batchIndex`, 0),
        box: box.map((v, j) => num(v, `trace.regions[${i}].box[${j}]`)) as [number, number, number, number],
        axes: axes(o.axes, `trace.regions[${i}].axes`),
      };
      if (o.rect !== undefined) {
        const rect = list(o.rect, `trace.regions[${i}].rect`, 2);
        if (rect.length !== 2) fail(`trace.regions[${i}].rect must hold 2 spans`);
        region.rect = [span(rect[0], `trace.regions[${i}].rect[0]`), span(rect[1], `trace.regions[${i}].rect[1]`)];
      }
      if (o.edges !== undefined) {
        const e = list(o.edges, `trace.regions[${i}].edges`, 2);
        if (e.length !== 2) fail(`trace.regions[${i}].edges must hold 2 pairs`);
        // continuous edges: any finite numbers, not only whole cells
        region.edges = [
          span(e[0], `trace.regions[${i}].edges[0]`, num),
          span(e[1], `trace.regions[${i}].edges[1]`, num),
        ];
      }
      if (o.samples !== undefined) {
        const per = list(o.samples, `trace.regions[${i}].samples`, 2);
        if (per.length !== 2) fail(`trace.regions[${i}].samples must hold 2 axes`);
        const axis = (v: unknown, what: string) =>
          list(v, what, MAX_BINS).map((bin, b) => {
            const coords = list(bin, `${what}[${b}]`, TRACE_ARRAY_LIMIT).map((c, j) => num(c, `${what}[${b}][${j}]`));
            samples += coords.length;
            if (samples > TRACE_ARRAY_LIMIT) fail(`trace.regions hold more than ${TRACE_ARRAY_LIMIT} samples`);
            return coords;
          });
        region.samples = [
          axis(per[0], `trace.regions[${i}].samples[0]`),
          axis(per[1], `trace.regions[${i}].samples[1]`),
        ];
      }
      return region;
    });
    const trace: PoolTrace = { kind: "roi", ...base, spatialScale: num(t.spatialScale, "trace.spatialScale"), regions };
    if (t.mode !== undefined) trace.mode = oneOf(t.mode, ["max", "align"] as const, "trace.mode");
    if (t.samplingRatio !== undefined) trace.samplingRatio = int(t.samplingRatio, "trace.samplingRatio");
    if (t.aligned !== undefined) {
      if (typeof t.aligned !== "boolean") fail("trace.aligned must be true or false");
      trace.aligned = t.aligned;
    }
    if (t.argmax !== undefined) trace.argmax = numbers(t.argmax, "trace.argmax");
    return trace;
  }
  if (t.kind === "stripFusion") {
    const trace: PoolTrace = {
      kind: "stripFusion",
      ...base,
      taps: int(t.taps, "trace.taps", 1),
      midChannels: int(t.midChannels, "trace.midChannels", 1),
    };
    if (base.inputShape.length !== 4) fail("trace.inputShape must be (N, C, H, W)");
    const [n, c, h, w] = base.inputShape;
    if (t.rows !== undefined) trace.rows = float32Base64(t.rows, "trace.rows", n * c * h);
    if (t.cols !== undefined) trace.cols = float32Base64(t.cols, "trace.cols", n * c * w);
    return trace;
  }
  if (t.kind === "unpool") {
    const trace: PoolTrace = { kind: "unpool", ...base, axes: axes(t.axes, "trace.axes") };
    if (t.targets !== undefined) trace.targets = numbers(t.targets, "trace.targets");
    return trace;
  }
  return fail('trace.kind must be "window", "spp", "roi", "stripFusion" or "unpool"');
}
