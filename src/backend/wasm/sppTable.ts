/**
 * The level table of the wasm `sppPool` kernel (layout documented there): one entry per level, finest level
 * first, so a max level whose bins are exact unions of a finer level's bins (e.g. {3, 2, 1} from 6 under the
 * adaptive rule) is reduced from that level's output instead of the input. Pure; the op memoizes it.
 */
import type { Ranges } from "./kernels.js";

export const SPP_WORDS = 10;

export interface SppTableLevel {
  /** Bins per axis. */
  nh: number;
  nw: number;
  /** Row and column [start, end) per bin. */
  ranges: Ranges;
  /** Per-bin divisors (mean), or null (max). */
  divisors: Float32Array | null;
}

/** Whether each child bin's [start, end) is the gap-free union of `k` consecutive parent bins. */
function unionOf(cs: Int32Array, ce: Int32Array, ps: Int32Array, pe: Int32Array): boolean {
  const n = cs.length;
  if (n === 0 || ps.length % n !== 0) return false;
  const k = ps.length / n;
  for (let i = 0; i < n; i++) {
    if (cs[i] !== ps[i * k] || ce[i] !== pe[(i + 1) * k - 1]) return false;
    for (let t = i * k; t < (i + 1) * k - 1; t++) if (ps[t + 1] > pe[t] || pe[t + 1] < pe[t]) return false;
  }
  return true;
}

/** Whether level `child`'s bins are unions of level `parent`'s on both axes. */
export function derivable(child: SppTableLevel, parent: SppTableLevel): boolean {
  const c = child.ranges;
  const p = parent.ranges;
  return unionOf(c.hs, c.he, p.hs, p.he) && unionOf(c.ws, c.we, p.ws, p.we);
}

/** Packs the levels (in output order) into the kernel's table; `mode` max allows derived levels. */
export function sppTable(levels: readonly SppTableLevel[], mode: "max" | "avg"): Int32Array {
  const before: number[] = [];
  levels.reduce((sum, l, i) => ((before[i] = sum), sum + l.nh * l.nw), 0);
  // finest first (stable), so parents come before their children
  const order = levels.map((_, i) => i).sort((a, b) => levels[b].nh * levels[b].nw - levels[a].nh * levels[a].nw);
  const words: number[] = new Array(levels.length * SPP_WORDS).fill(0);
  const extra: number[] = [];
  const push = (a: ArrayLike<number>): number => {
    const at = levels.length * SPP_WORDS + extra.length;
    for (let i = 0; i < a.length; i++) extra.push(a[i]);
    return at;
  };
  order.forEach((li, slot) => {
    const l = levels[li];
    const e = slot * SPP_WORDS;
    // the coarsest earlier level that works: fewest values to reduce
    let parent = -1;
    if (mode === "max") {
      for (let s = slot - 1; s >= 0 && parent < 0; s--) if (derivable(l, levels[order[s]])) parent = s;
    }
    words[e] = l.nh;
    words[e + 1] = l.nw;
    words[e + 2] = before[li];
    words[e + 3] = parent;
    words[e + 4] = push(l.ranges.hs);
    words[e + 5] = push(l.ranges.he);
    words[e + 6] = push(l.ranges.ws);
    words[e + 7] = push(l.ranges.we);
    words[e + 8] = l.divisors ? push(new Int32Array(Float32Array.from(l.divisors).buffer)) : -1;
  });
  return Int32Array.from([...words, ...extra]);
}
