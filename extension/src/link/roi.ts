/**
 * RoI pooling and RoIAlign, read from their trace: each region's box on the feature map and its bins there
 * (already shifted and clipped by the op), the input cells one output bin pooled (RoIAlign: the cells its
 * samples weigh) with the argmax (RoI pooling) or the sample points (RoIAlign), and which bins of which regions
 * contain an input cell. Nothing is recomputed: every edge and point comes from the trace.
 */
import { alignSampleInside, formatNumber, type AxisWindows, type RoiTrace } from "poolscope/wire";
import type { Mark } from "../canvas/marks.js";
import { terms } from "./pooling.js";
import { sayer, type Say } from "../words/messages.js";

/** A rectangle of cells, [r0, r1) × [c0, c1) (a RoIAlign box may have fractional edges). */
export interface CellRect {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** One region as drawn: its batch sample, its box on the map (clipped for drawing) and its bins' edges. */
export interface RoiRegion {
  batchIndex: number;
  /** The box on the feature map clipped to it; null when it lies wholly off the map. */
  box: CellRect | null;
  /** Bin edges per axis, [start, end) on the map. */
  rows: [number, number][];
  cols: [number, number][];
  /** RoIAlign: each bin's sample coordinates per axis (cell i's centre is at i), when the trace has them. */
  samples?: [number[][], number[][]];
}

export interface RoiGeometry {
  trace: RoiTrace;
  regions: RoiRegion[];
  /** Input (N, C, H, W) and pooled bins per region. */
  n: number;
  c: number;
  h: number;
  w: number;
  ph: number;
  pw: number;
}

/** Most bins a region may have (ph·pw), so a hostile trace cannot make hover loop for long. */
const MAX_REGION_BINS = 4096;

function binsOf(a: AxisWindows | undefined, size: number, count: number): [number, number][] | null {
  if (!a || a.kind !== "bins" || a.size !== size || a.bins.length !== count) return null;
  const out: [number, number][] = [];
  for (const [s, e] of a.bins) {
    // the op clips bins to the map; a trace that does not is not drawn
    if (s < 0 || e > size || e < s) return null;
    out.push([s, e]);
  }
  return out;
}

function clip(span: [number, number], size: number): [number, number] | null {
  const s = Math.max(0, span[0]);
  const e = Math.min(size, span[1]);
  return e > s ? [s, e] : null;
}

/**
 * The box of a region clipped to the map: RoIAlign's continuous edges, else its recorded rect, else (older
 * traces) the span of its bins.
 */
function boxOf(
  rect: RoiTrace["regions"][number]["rect"],
  rows: [number, number][],
  cols: [number, number][],
  h: number,
  w: number,
): CellRect | null {
  const spanOf = (bins: [number, number][]): [number, number] => [
    Math.min(...bins.map((b) => b[0])),
    Math.max(...bins.map((b) => b[1])),
  ];
  const r = clip(rect ? rect[0] : spanOf(rows), h);
  const c = clip(rect ? rect[1] : spanOf(cols), w);
  return r && c ? { r0: r[0], r1: r[1], c0: c[0], c1: c[1] } : null;
}

/**
 * The regions of an RoI trace, when the trace agrees with the data: input (N, C, H, W), output (K, C, ph, pw),
 * one region per output row with bins over the map; else a reason, as text.
 */
export function roiGeometry(
  trace: RoiTrace,
  inputShape: readonly number[],
  outputShape: readonly number[],
  say: Say = sayer("en"),
): RoiGeometry | string {
  if (inputShape.length !== 4 || outputShape.length !== 4) return say("roiNeeds4d");
  const [n, c, h, w] = inputShape;
  const [k, oc, ph, pw] = outputShape;
  if (oc !== c) return say("roiChannels");
  if (trace.regions.length !== k) return say("roiRegionCount", { regions: trace.regions.length, outputs: k });
  if (ph * pw > MAX_REGION_BINS) return say("roiTooManyBins");
  const regions: RoiRegion[] = [];
  for (const [r, region] of trace.regions.entries()) {
    const rows = binsOf(region.axes[0], h, ph);
    const cols = binsOf(region.axes[1], w, pw);
    if (region.axes.length !== 2 || !rows || !cols || region.batchIndex >= n) return say("roiRegionOff", { r });
    const reg: RoiRegion = {
      batchIndex: region.batchIndex,
      box: boxOf(region.edges ?? region.rect, rows, cols, h, w),
      rows,
      cols,
    };
    const s = region.samples;
    if (s && s[0].length === ph && s[1].length === pw) reg.samples = s;
    regions.push(reg);
  }
  return { trace, regions, n, c, h, w, ph, pw };
}

/** Output plane p (grid order over (K, C)) as region k and channel, and the input plane it pooled from. */
export function roiPlanes(geo: RoiGeometry, p: number): { region: number; channel: number; inputPlane: number } {
  const region = Math.floor(p / geo.c);
  const channel = p % geo.c;
  return { region, channel, inputPlane: (geo.regions[region]?.batchIndex ?? 0) * geo.c + channel };
}

/** The cells of region k's bin (bi, bj), as a rectangle; null for an empty bin (it lies off the map). */
export function roiBin(geo: RoiGeometry, k: number, bi: number, bj: number): CellRect | null {
  const reg = geo.regions[k];
  const r = reg?.rows[bi];
  const c = reg?.cols[bj];
  if (!r || !c || r[1] <= r[0] || c[1] <= c[0]) return null;
  return { r0: r[0], r1: r[1], c0: c[0], c1: c[1] };
}

/** Region k's bins that hold at least one cell, as rectangles (its grid on the map). */
export function roiBinGrid(geo: RoiGeometry, k: number): (CellRect & { bi: number; bj: number })[] {
  const out: (CellRect & { bi: number; bj: number })[] = [];
  for (let bi = 0; bi < geo.ph; bi++)
    for (let bj = 0; bj < geo.pw; bj++) {
      const b = roiBin(geo, k, bi, bj);
      if (b) out.push({ ...b, bi, bj });
    }
  return out;
}

/**
 * The input cell the op recorded as output (p, bi, bj)'s max (p a plane of the (K, C) grid), or null for an
 * empty bin (−1), a missing argmax or one outside the bin.
 */
export function roiArgmax(geo: RoiGeometry, p: number, bi: number, bj: number): [number, number] | null {
  const a = geo.trace.argmax?.[(p * geo.ph + bi) * geo.pw + bj];
  if (a === undefined || !Number.isInteger(a) || a < 0 || a >= geo.h * geo.w) return null;
  const cell: [number, number] = [Math.floor(a / geo.w), a % geo.w];
  const bin = roiBin(geo, Math.floor(p / geo.c), bi, bj);
  if (!bin || cell[0] < bin.r0 || cell[0] >= bin.r1 || cell[1] < bin.c0 || cell[1] >= bin.c1) return null;
  return cell;
}

/** Every bin (of every region of sample `batch`) that contains input cell (i, j): [region, bi, bj]. */
export function roiBinsContaining(geo: RoiGeometry, batch: number, i: number, j: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  geo.regions.forEach((reg, k) => {
    if (reg.batchIndex !== batch) return;
    const bis = reg.rows.flatMap(([s, e], bi) => (i >= s && i < e ? [bi] : []));
    const bjs = reg.cols.flatMap(([s, e], bj) => (j >= s && j < e ? [bj] : []));
    for (const bi of bis) for (const bj of bjs) out.push([k, bi, bj]);
  });
  return out;
}

/** Most sample points drawn for one bin. */
export const MAX_BIN_SAMPLES = 1024;

/**
 * RoIAlign: bin (bi, bj) of region k's sample points as marks (centred in cell units), and how many it has in
 * all; none for a trace without samples.
 */
export function roiSampleMarks(
  geo: RoiGeometry,
  k: number,
  bi: number,
  bj: number,
): { marks: Mark[]; count: number; onMap: number } {
  const s = geo.regions[k]?.samples;
  const ys = s?.[0][bi] ?? [];
  const xs = s?.[1][bj] ?? [];
  // a sample beyond the one-cell margin reads nothing (and is not drawn)
  const yIn = ys.filter((y) => alignSampleInside(y, geo.h));
  const xIn = xs.filter((x) => alignSampleInside(x, geo.w));
  const marks: Mark[] = [];
  for (const y of yIn)
    for (const x of xIn) {
      if (marks.length >= MAX_BIN_SAMPLES) break;
      marks.push({ i: y + 0.5, j: x + 0.5, h: 0, w: 0, style: "sample" });
    }
  return { marks, count: ys.length * xs.length, onMap: yIn.length * xIn.length };
}

/** RoIAlign's formula for one bin: the mean of its samples, said in words (their values are not in the trace). */
export function roiAlignFormula(samples: number, onMap: number, output: number, say: Say = sayer("en")): string {
  const value = formatNumber(output);
  if (samples === 0) return say("roiAlignNoSamples", { value });
  const off = onMap < samples ? say("roiAlignOffMap", { off: samples - onMap }) : "";
  return say("roiAlignMean", { count: samples, off, value });
}

/** `max(…) = v` with the bin's values in scan order, or the empty bin's 0 said in words. */
export function roiFormula(values: readonly number[], output: number, say: Say = sayer("en")): string {
  const v = formatNumber(output);
  if (values.length === 0) return say("roiEmptyBin", { value: v });
  return `max(${terms(values.map(formatNumber), ", ", say)}) = ${v}`;
}

/** Most bins drawn as a grid on one map; past it only the boxes are drawn. */
export const MAX_GRID_BINS = 2048;

/**
 * The marks on sample `batch`'s maps: each of its regions' box (dashed) and, when `grid` and within
 * MAX_GRID_BINS, every bin that holds cells (shaded, so overlapping bins read darker).
 */
export function roiMapMarks(geo: RoiGeometry, batch: number, grid: boolean): Mark[] {
  const marks: Mark[] = [];
  const mine = geo.regions.flatMap((r, k) => (r.batchIndex === batch ? [k] : []));
  if (grid && mine.length * geo.ph * geo.pw <= MAX_GRID_BINS) {
    for (const k of mine)
      for (const b of roiBinGrid(geo, k))
        marks.push({ i: b.r0, j: b.c0, h: b.r1 - b.r0, w: b.c1 - b.c0, style: "bin" });
  }
  for (const k of mine) {
    const b = geo.regions[k].box;
    if (b) marks.push({ i: b.r0, j: b.c0, h: b.r1 - b.r0, w: b.c1 - b.c0, style: "region" });
  }
  return marks;
}

/**
 * What hovering output bin (bi, bj) of output plane p lights on its input plane: the region's box, the bin's
 * cells and the recorded argmax (RoIAlign: its sample dots); and the bin's cells in scan order (row-major, the
 * op's order) and its sample counts for the formula.
 */
export function roiBinFocus(
  geo: RoiGeometry,
  p: number,
  bi: number,
  bj: number,
): {
  inputPlane: number;
  marks: Mark[];
  cells: [number, number][];
  argmax: [number, number] | null;
  /** RoIAlign: the bin's samples in all and on the map (0, 0 without samples). */
  samples: { count: number; onMap: number };
} {
  const { region, inputPlane } = roiPlanes(geo, p);
  const marks: Mark[] = [];
  const box = geo.regions[region]?.box;
  if (box) marks.push({ i: box.r0, j: box.c0, h: box.r1 - box.r0, w: box.c1 - box.c0, style: "binActive" });
  const cells: [number, number][] = [];
  const bin = roiBin(geo, region, bi, bj);
  if (bin)
    for (let i = bin.r0; i < bin.r1; i++)
      for (let j = bin.c0; j < bin.c1; j++) {
        cells.push([i, j]);
        marks.push({ i, j, style: "window" });
      }
  const argmax = roiArgmax(geo, p, bi, bj);
  if (argmax) marks.push({ i: argmax[0], j: argmax[1], style: "argmax" });
  const { marks: dots, count, onMap } = roiSampleMarks(geo, region, bi, bj);
  marks.push(...dots);
  return { inputPlane, marks, cells, argmax, samples: { count, onMap } };
}

/** Region k's label: its name from the trace (the op's `names` option), else its index. */
export function roiLabel(geo: RoiGeometry, k: number): string {
  return geo.trace.names?.[k] ?? String(k);
}

/** "region 1" or, named, `region 1 "cat"`: how captions and formulas call region k. */
export function roiName(geo: RoiGeometry, k: number, say: Say = sayer("en")): string {
  const name = geo.trace.names?.[k];
  return name === undefined ? say("roiName", { k }) : say("roiNamed", { k, name });
}

/**
 * The labels on sample `batch`'s maps: each region with a box on the map, at the box's top-left cell (a box's
 * fractional RoIAlign edge rounds down to the cell it starts in); `stack` counts the labels before it at the same
 * cell, so boxes sharing a corner get their labels one under the other instead of on top of each other.
 */
export function roiLabels(
  geo: RoiGeometry,
  batch: number,
): { region: number; text: string; i: number; j: number; stack: number }[] {
  const at = new Map<string, number>();
  return geo.regions.flatMap((reg, k) => {
    if (reg.batchIndex !== batch || !reg.box) return [];
    const i = Math.floor(reg.box.r0);
    const j = Math.floor(reg.box.c0);
    const stack = at.get(`${i},${j}`) ?? 0;
    at.set(`${i},${j}`, stack + 1);
    return [{ region: k, text: roiLabel(geo, k), i, j, stack }];
  });
}

/**
 * Where each plane sits in the view's grid (1-based rows and columns), so the lit map is always beside the bin
 * hovered: one row per input map (n, c), the map in column 1, then the bins of every region of sample n on channel
 * c, region after region. The planes keep their order in the page (maps, then bins by (region, channel)).
 */
export function roiLayout(
  geo: RoiGeometry,
  maps: number,
  bins: number,
): { maps: { row: number; col: number }[]; bins: { row: number; col: number }[] } {
  // a region's place among the regions of its own sample
  const seen = new Map<number, number>();
  const slot = geo.regions.map((reg) => {
    const s = seen.get(reg.batchIndex) ?? 0;
    seen.set(reg.batchIndex, s + 1);
    return s;
  });
  return {
    maps: Array.from({ length: maps }, (_, p) => ({ row: p + 1, col: 1 })),
    bins: Array.from({ length: bins }, (_, q) => {
      const { region, inputPlane } = roiPlanes(geo, q);
      return { row: inputPlane + 1, col: 3 + (slot[region] ?? 0) };
    }),
  };
}
