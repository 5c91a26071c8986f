/**
 * Input and output planes drawn in pairs (input → output), one pair per plane, on the panels' scales: the layout
 * the pooling and unpooling views share. Either side may carry a padding margin.
 */
import { legend } from "../canvas/legend.js";
import type { Margin } from "../canvas/marks.js";
import { Plane, el } from "../canvas/plane.js";
import { sayer, type Say } from "../words/messages.js";
import { planeCaption, planeData, planeScale, type Panel, type Scales } from "./panel.js";

export interface PairSide {
  panel: Panel;
  margin?: Margin;
  /** Cell side in CSS pixels: each side its own, so a pooled plane is not drawn at its input's small cells. */
  zoom: number;
  /** A strip's cells widened across its length (PlaneSpec.cellW / cellH). */
  cellW?: number;
  cellH?: number;
}

export function planePairs(
  input: PairSide,
  output: PairSide,
  count: number,
  scales: Scales,
  numbers: boolean,
  vertical = false,
  say: Say = sayer("en"),
): { grid: HTMLElement; ins: Plane[]; outs: Plane[] } {
  const grid = el("div", "jp-PoolscopeTensor-grid");
  const ins: Plane[] = [];
  const outs: Plane[] = [];
  const plane = (side: PairSide, p: number, prefix: string, mod: string): Plane => {
    const pl = new Plane({
      ...planeData(side.panel, p),
      scale: planeScale(scales, side.panel, p),
      zoom: side.zoom,
      ...(side.cellW ? { cellW: side.cellW } : {}),
      ...(side.cellH ? { cellH: side.cellH } : {}),
      numbers,
      ...(side.margin ? { margin: side.margin } : {}),
      caption: planeCaption(scales, side.panel, p, prefix),
    });
    pl.node.classList.add(mod);
    return pl;
  };
  for (let p = 0; p < count; p++) {
    const pair = el("div", "jp-PoolscopeTensor-pair" + (vertical ? " jp-mod-vertical" : ""));
    const a = plane(input, p, say("captionInput"), "jp-mod-input");
    const b = plane(output, p, say("captionOutput"), "jp-mod-output");
    const arrow = el("div", "jp-PoolscopeTensor-arrow");
    arrow.textContent = vertical ? "↓" : "→";
    pair.append(a.node, arrow, b.node);
    // a strip keeps its map's rows (H×1 beside it) or columns (1×W under it): when both scroll, they scroll
    // together along that axis, so strip row i stays beside map row i
    if (output.cellW) {
      // row beside row: tops aligned (not centred), the narrow strip's caption on one line like the map's
      pair.style.alignItems = "flex-start";
      b.node.querySelector<HTMLElement>(".jp-PoolscopeTensor-caption")?.style.setProperty("white-space", "nowrap");
      linkScroll(a, b, "scrollTop");
    }
    if (output.cellH) linkScroll(a, b, "scrollLeft");
    ins.push(a);
    outs.push(b);
    grid.append(pair);
  }
  return { grid, ins, outs };
}

/** Keeps two framed planes at one scroll offset along an axis (either may be scrolled, by the reader or a reveal). */
function linkScroll(a: Plane, b: Plane, axis: "scrollTop" | "scrollLeft"): void {
  const [fa, fb] = [a.frame, b.frame];
  if (!fa || !fb) return;
  const follow = (from: HTMLElement, to: HTMLElement) => () => {
    // equal already: the echo of the other frame's own scroll, which must not bounce back
    if (to[axis] !== from[axis]) to[axis] = from[axis];
  };
  fa.addEventListener("scroll", follow(fa, fb));
  fb.addEventListener("scroll", follow(fb, fa));
}

/** The legend of an input beside its output on shared or per-channel scales. */
export function pairLegend(scales: Scales, say: Say): HTMLElement {
  return legend(scales.shared, say(scales.mode === "shared" ? "legendInputOutput" : "legendPairChannel"), say, {
    perChannel: scales.mode === "channel",
  });
}
