/**
 * views/ holds the DOM views, one per trace kind (plus tensor.ts, the plain grid), each built from this
 * skeleton and linking through link/; widget.ts picks one from its table. Shared parts: panel.ts (a tensor
 * prepared for drawing, the view contract and its Refusal), pairs.ts, pointer.ts, selection.ts, sweep.ts.
 *
 * The skeleton every view is built on, so a view holds only what it links: a panel's planes in a grid on the
 * view's scales, the input → output pairs with their padding margin (pooling, unpooling), the SPP vector and
 * level buttons, and the ending every view shares (wire the planes to the selection, show the idle read-out,
 * answer the keys).
 */
import { MIN_CELL_PX, type ColorScale, type SppLevelTrace } from "poolscope/wire";
import { Plane, el } from "../canvas/plane.js";
import { stripCross, zoomFor } from "../canvas/screen.js";
import { planNotice } from "../canvas/budget.js";
import { padMargins, type PlaneAxes } from "../link/pooling.js";
import { planePairs } from "./pairs.js";
import {
  planeCaption,
  planeData,
  planeScale,
  scalesFor,
  type BuiltView,
  type Panel,
  type Scales,
  type ViewContext,
} from "./panel.js";
import { wirePlane } from "./pointer.js";
import type { Selection } from "./selection.js";
import type { Say } from "../words/messages.js";

export interface GridOptions {
  zoom: number;
  /** Planes drawn; the panel's size-budget plan by default. */
  count?: number;
  /** Prefix of the panel's own captions, e.g. "input ". */
  prefix?: string;
  /** Caption of plane p, instead of the panel's own. */
  caption?: (p: number) => string;
  /** Role class on each plane (jp-mod-input, jp-mod-output), for the stylesheet and the browser tests. */
  mod?: string;
  /** The "numbers" toggle (ViewContext.numbers). */
  numbers?: boolean;
  /** Long planes wrap into rows (PlaneSpec.wrap). */
  wrap?: boolean;
}

/** A panel's planes in one grid, each on its scale. */
export function planeGrid(pn: Panel, scales: Scales, o: GridOptions): { grid: HTMLElement; planes: Plane[] } {
  const grid = el("div", "jp-PoolscopeTensor-grid");
  const planes: Plane[] = [];
  const count = o.count ?? pn.plan.planes;
  for (let p = 0; p < count; p++) {
    const plane = new Plane({
      ...planeData(pn, p),
      scale: planeScale(scales, pn, p),
      zoom: o.zoom,
      numbers: o.numbers ?? false,
      wrap: o.wrap ?? false,
      caption: o.caption ? o.caption(p) : planeCaption(scales, pn, p, o.prefix),
    });
    if (o.mod) plane.node.classList.add(o.mod);
    planes.push(plane);
    grid.append(plane.node);
  }
  return { grid, planes };
}

/**
 * The input → output pair views' prologue (pooling, unpooling): one scale set for both, the padding margin the
 * windows need on the side they are drawn on, a zoom that fits that side with its margin, and the pairs. Fewer
 * pairs than planes (size budget) leave that side's notice.
 */
export function pairSkeleton(
  input: Panel,
  output: Panel,
  axes: PlaneAxes,
  windowsOn: "input" | "output",
  ctx: ViewContext,
  vertical = false,
): { scales: Scales; grid: HTMLElement; ins: Plane[]; outs: Plane[] } {
  const scales = scalesFor([input, output], ctx.scaleMode, ctx.scaleDecisions, "", ctx.say);
  const margin = padMargins(axes);
  const drawnOn = windowsOn === "input" ? input : output;
  const { planeH: h, planeW: w } = drawnOn.layout;
  const zoom = zoomFor(h + margin.top + margin.bottom, w + margin.left + margin.right);
  // the other side fits its own plane, with cells never finer than the side its windows are drawn on
  const other = windowsOn === "input" ? output : input;
  const otherZoom = zoomFor(other.layout.planeH, other.layout.planeW, undefined, zoom);
  const [inZoom, outZoom] = windowsOn === "input" ? [zoom, otherZoom] : [otherZoom, zoom];
  // a strip (H×1 or 1×W output of a wider map) keeps the map's rows or columns and is widened across
  const strip = stripCross(input.layout, output.layout);
  const count = Math.min(input.plan.planes, output.plan.planes);
  if (count < drawnOn.layout.rows * drawnOn.layout.cols)
    ctx.notices.push(planNotice(drawnOn.layout, drawnOn.plan, ctx.say) ?? "");
  const { grid, ins, outs } = planePairs(
    windowsOn === "input" ? { panel: input, margin, zoom: inZoom } : { panel: input, zoom: inZoom },
    windowsOn === "output" ? { panel: output, margin, zoom: outZoom } : { panel: output, zoom: outZoom, ...strip },
    count,
    scales,
    ctx.numbers,
    vertical,
    ctx.say,
  );
  return { scales, grid, ins, outs };
}

/**
 * Pixels per feature of an SPP vector: up to 24 so `length` features fit `budgetPx`, and never under
 * MIN_CELL_PX (a vector too long for that wraps into rows: canvas/wrap.ts).
 */
export function vectorZoom(length: number, budgetPx: number): number {
  return Math.max(MIN_CELL_PX, Math.min(24, Math.floor(budgetPx / Math.max(1, length))));
}

/** An SPP result's output vectors (N rows of features) as one plane. */
export function vectorPlane(output: Panel, scale: ColorScale, zoom: number, caption: string, numbers = false): Plane {
  const vector = new Plane({ ...planeData(output, 0), scale, zoom, caption, numbers, wrap: true });
  vector.node.classList.add("jp-mod-output");
  return vector;
}

/**
 * One toolbar button per pyramid level ("level 2×2"); a click picks that level. The level drawn is the pressed
 * button (aria-pressed): pressLevel marks it when a hover changes the level.
 */
export function levelButtons(
  levels: readonly SppLevelTrace[],
  say: Say,
  pick: (level: number) => void,
  initial = levels.length - 1,
): HTMLElement[] {
  const buttons = levels.map((lv, l) => {
    const b = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-level");
    b.textContent = say("sppLevel", { h: lv.bins[0], w: lv.bins[1] });
    b.addEventListener("click", () => {
      pressLevel(buttons, l);
      pick(l);
    });
    return b;
  });
  pressLevel(buttons, initial);
  return buttons;
}

/** Marks button `level` pressed and the others not. */
export function pressLevel(buttons: readonly HTMLElement[], level: number): void {
  buttons.forEach((b, l) => b.setAttribute("aria-pressed", String(l === level)));
}

/** Planes that report to the selection under one role; `pin: false` lets them be hovered only. */
export interface Wiring {
  role: string;
  planes: readonly Plane[];
  pin?: boolean;
}

/**
 * The end of every view: each plane reports (role, its index in `planes`, i, j) to the selection, the idle
 * read-out is shown, and arrow keys move the pin within the size `sizeOf` gives for the pinned role.
 */
export function finishView(
  selection: Selection,
  wiring: readonly Wiring[],
  view: { node: HTMLElement; legend: HTMLElement; sizeOf: (role: string) => [number, number]; dispose?: () => void },
): BuiltView {
  for (const w of wiring) w.planes.forEach((plane, p) => wirePlane(plane, selection, w.role, p, w.pin ?? true));
  selection.hover(null);
  return {
    node: view.node,
    legend: view.legend,
    onKey: (key) => {
      for (const w of wiring) for (const plane of w.planes) plane.followKeys();
      return selection.key(key, view.sizeOf);
    },
    dispose: view.dispose ?? (() => undefined),
  };
}
