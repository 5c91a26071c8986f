/**
 * Two SPP results side by side, linked by feature index: feature k of one vector is (level, channel, bin) of
 * its own pyramid, and the same k is the same (level, channel, bin) of the other whenever both have the same
 * levels and channels, however different their maps' sizes. Pure, so the linking is unit-tested.
 */
import type { SppTrace } from "poolscope/wire";
import type { Mark } from "../canvas/marks.js";
import { levelBins, locateFeature, vectorIndex, type BinRect } from "./spp.js";
import { sayer, type Say } from "../words/messages.js";

/** One side of the comparison: its trace and the (N, C, H, W) map it pooled. */
export interface SppSide {
  trace: SppTrace;
  channels: number;
  /** Plane width of the map, to turn a recorded argmax into (row, column). */
  width: number;
}

/** Marks on one side: per map plane (n·C + c) and on the vector (rows n, columns k). */
export interface SideMarks {
  map: Map<number, Mark[]>;
  vector: Mark[];
  /** The level whose bins the map should show. */
  level: number | null;
}

function binMark(b: BinRect, style: Mark["style"]): Mark {
  return { i: b.r0, j: b.c0, h: b.r1 - b.r0, w: b.c1 - b.c0, style };
}

function push(map: Map<number, Mark[]>, plane: number, m: Mark): void {
  const list = map.get(plane) ?? [];
  list.push(m);
  map.set(plane, list);
}

/**
 * Feature k of sample n on one side: the feature itself on the vector, its bin on the map and the argmax the
 * op recorded. Nothing when k lies outside this side's vector.
 */
export function featureMarks(side: SppSide, n: number, k: number, style: Mark["style"]): SideMarks {
  const out: SideMarks = { map: new Map(), vector: [], level: null };
  const loc = locateFeature(side.trace, side.channels, k);
  if (!loc) return out;
  const lv = side.trace.levels[loc.level];
  out.level = loc.level;
  out.vector.push({ i: n, j: k, style });
  const plane = n * side.channels + loc.c;
  const b = levelBins(lv)[loc.bi * lv.bins[1] + loc.bj];
  if (b) push(out.map, plane, binMark(b, "binActive"));
  const a = lv.argmax?.[((n * side.channels + loc.c) * lv.bins[0] + loc.bi) * lv.bins[1] + loc.bj];
  if (a !== undefined && Number.isInteger(a) && a >= 0 && side.width > 0)
    push(out.map, plane, { i: Math.floor(a / side.width), j: a % side.width, style: "argmax" });
  return out;
}

/** The features that map cell (i, j) of channel c falls in, at one level (several where bins overlap). */
export function featuresAt(side: SppSide, level: number, c: number, i: number, j: number): number[] {
  const lv = side.trace.levels[level];
  if (!lv) return [];
  return levelBins(lv)
    .filter((b) => i >= b.r0 && i < b.r1 && j >= b.c0 && j < b.c1)
    .map((b) => vectorIndex(lv, c, b.bi, b.bj));
}

/** "42 = 42": both lengths, and whether they agree. */
export function lengthsLine(a: number, b: number, ha: string, hb: string, say: Say = sayer("en")): string {
  return a === b ? say("sppSameLength", { count: a, ha, hb }) : say("sppDifferentLength", { a, b, ha, hb });
}
