/**
 * The linked max-unpooling view: the pooled values (the op's input) beside the unpooled map (its output), per
 * plane, on one scale. Hovering a pooled cell lights the pooling window it came from on the map and the cell its
 * value was written to (the recorded index); hovering a map cell names the pooled value written there, or says
 * the cell stayed 0. Everything is read from the trace (the inverted pooling's windows and the indices).
 */
import { formatNumber } from "poolscope/wire";
import type { Mark } from "../canvas/marks.js";
import { el } from "../canvas/plane.js";
import { windowCells, type PlaneAxes } from "../link/pooling.js";
import { unpoolTarget, unpoolWriters } from "../link/unpool.js";
import { Selection } from "./selection.js";
import { showSelection } from "./pointer.js";
import { pairLegend } from "./pairs.js";
import { cellReadout, valueAt, type BuiltView, type Panel, type ViewContext } from "./panel.js";
import { finishView, pairSkeleton } from "./skeleton.js";

/** Most writers a map cell's read-out lists. */
const LISTED = 8;

export function unpoolView(pooled: Panel, map: Panel, axes: PlaneAxes, ctx: ViewContext): BuiltView {
  const [pooledH, pooledW] = [pooled.layout.planeH, pooled.layout.planeW];
  const [mapH, mapW] = [map.layout.planeH, map.layout.planeW];
  const { scales, grid, ins, outs } = pairSkeleton(pooled, map, axes, "output", ctx);

  const selection = new Selection((focus, pinned) => {
    const inMarks: Mark[][] = ins.map(() => []);
    const outMarks: Mark[][] = outs.map(() => []);
    let read = ctx.say("hintUnpool");
    let formula = "";
    if (focus?.role === "input") {
      const cells = windowCells(axes, focus.i, focus.j);
      for (const c of cells) outMarks[focus.plane]?.push({ i: c.i, j: c.j, style: c.pad ? "pad" : "window" });
      const target = unpoolTarget(axes, focus.plane, focus.i, focus.j, pooledH, pooledW);
      const v = formatNumber(valueAt(pooled, focus.plane, focus.i, focus.j));
      if (target) {
        outMarks[focus.plane]?.push({ i: target[0], j: target[1], style: "argmax" });
        const inWindow = cells.some((c) => c.i === target[0] && c.j === target[1]);
        const to = { value: v, i: target[0], j: target[1] };
        formula = ctx.say(inWindow ? "unpoolInWindow" : "unpoolOutside", to);
      } else formula = ctx.say("unpoolNoIndex", { value: v });
      inMarks[focus.plane].push({ i: focus.i, j: focus.j, style: "cursor" });
      read = ctx.say("readInput", { cell: cellReadout(pooled, focus.plane, focus.i, focus.j, ctx.say) });
    } else if (focus?.role === "output") {
      const writers = unpoolWriters(axes, focus.plane, focus.i, focus.j, pooledH, pooledW);
      for (const [a, b] of writers) inMarks[focus.plane]?.push({ i: a, j: b, style: "linked" });
      outMarks[focus.plane].push({ i: focus.i, j: focus.j, style: "cursor" });
      const listed = writers.slice(0, LISTED).map(([a, b]) => `(${a}, ${b})`);
      if (writers.length > LISTED) listed.push(ctx.say("formulaMore", { count: writers.length - LISTED }));
      formula =
        writers.length === 0
          ? ctx.say("unpoolNothing")
          : writers.length === 1
            ? ctx.say("writtenByOne", { cell: listed[0] })
            : ctx.say("writtenByMany", { cells: listed.join(", ") });
      read = ctx.say("readOutput", { cell: cellReadout(map, focus.plane, focus.i, focus.j, ctx.say) });
    }
    showSelection({ ins, outs, inMarks, outMarks }, focus, pinned, { read, formula }, ctx);
  });

  const node = el("div", "jp-PoolscopeTensor-pooling");
  node.append(grid);
  return finishView(
    selection,
    [
      { role: "input", planes: ins },
      { role: "output", planes: outs },
    ],
    {
      node,
      legend: pairLegend(scales, ctx.say),
      sizeOf: (role) => (role === "input" ? [pooledH, pooledW] : [mapH, mapW]),
    },
  );
}
