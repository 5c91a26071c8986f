/**
 * The linked RoI pooling / RoIAlign view: the feature maps with every region's box (dashed, labelled with its
 * index or name) and bin grid, and the pooled (K, C, ph, pw) bins beside them on one scale, one row per map:
 * map (n, c), then every region's bins of sample n on channel c, so the map a hovered bin lights is beside it.
 * Hovering an output bin lights its region's box and the bin's cells on that channel's map, marks the recorded
 * argmax and writes `max(…) = v` (RoIAlign: dots at its sample points and the mean said in words); hovering a map
 * cell lights every bin (of every region on that sample) that contains it.
 */
import { zoomFor } from "../canvas/screen.js";
import { planNotice } from "../canvas/budget.js";
import { legend } from "../canvas/legend.js";
import type { Mark } from "../canvas/marks.js";
import { el } from "../canvas/plane.js";
import {
  roiBin,
  roiBinFocus,
  roiBinsContaining,
  roiAlignFormula,
  roiFormula,
  roiMapMarks,
  roiLabels,
  roiLayout,
  roiName,
  roiPlanes,
  type RoiGeometry,
} from "../link/roi.js";
import { Selection } from "./selection.js";
import { showSelection } from "./pointer.js";
import {
  cellReadout,
  scalesFor,
  valueAt,
  valueReadout,
  type BuiltView,
  type Panel,
  type ViewContext,
} from "./panel.js";
import { finishView, planeGrid } from "./skeleton.js";

/** A region label's height in CSS pixels (the stylesheet's line height): labels sharing a corner stack by it. */
const LABEL_PX = 14;

/** Most bins the reverse link lists in words. */
const LISTED = 12;

export function roiView(geo: RoiGeometry, input: Panel, output: Panel, ctx: ViewContext): BuiltView {
  const scales = scalesFor([input, output], ctx.scaleMode, ctx.scaleDecisions, "", ctx.say);
  const inPlanes = Math.min(input.plan.planes, geo.n * geo.c);
  const outPlanes = Math.min(output.plan.planes, geo.regions.length * geo.c);
  const sideNotice = (side: "sideInput" | "sideOutput", pn: Panel): string =>
    ctx.say("sideNotice", { side: ctx.say(side), notice: planNotice(pn.layout, pn.plan, ctx.say) ?? "" });
  if (inPlanes < geo.n * geo.c) ctx.notices.push(sideNotice("sideInput", input));
  if (outPlanes < geo.regions.length * geo.c) ctx.notices.push(sideNotice("sideOutput", output));
  const zoom = zoomFor(geo.h, geo.w);
  const outZoom = zoomFor(geo.ph, geo.pw, 96);

  const { grid: maps, planes: ins } = planeGrid(input, scales, {
    zoom,
    count: inPlanes,
    prefix: ctx.say("captionInput"),
    mod: "jp-mod-input",
    numbers: ctx.numbers,
  });
  // each map's boxes and bin grids: the marks every selection starts from (one list per batch sample)
  const gridOf = new Map<number, Mark[]>();
  const base: Mark[][] = ins.map((_, p) => {
    const batch = Math.floor(p / geo.c);
    if (!gridOf.has(batch)) gridOf.set(batch, roiMapMarks(geo, batch, true));
    return gridOf.get(batch)!;
  });
  const { grid: bins, planes: outs } = planeGrid(output, scales, {
    zoom: outZoom,
    count: outPlanes,
    mod: "jp-mod-output",
    numbers: ctx.numbers,
    caption: (p) => {
      const { region, channel } = roiPlanes(geo, p);
      return `${roiName(geo, region, ctx.say)} (n=${geo.regions[region].batchIndex}) c=${channel}`;
    },
  });
  // each map's region labels: text over the stage (never HTML from the payload), as state a test can read
  ins.forEach((plane, p) => {
    for (const l of roiLabels(geo, Math.floor(p / geo.c))) {
      const tag = el("span", "jp-PoolscopeTensor-roiLabel");
      tag.textContent = l.text;
      tag.dataset.region = String(l.region);
      tag.style.left = `${l.j * zoom}px`;
      tag.style.top = `${l.i * zoom + l.stack * LABEL_PX}px`;
      plane.stage.append(tag);
    }
  });

  const selection = new Selection((focus, pinned) => {
    const inMarks: Mark[][] = base.map((m) => [...m]);
    const outMarks: Mark[][] = outs.map(() => []);
    let read = ctx.say("hintRoi");
    let formula = "";
    if (focus?.role === "output") {
      const f = roiBinFocus(geo, focus.plane, focus.i, focus.j);
      inMarks[f.inputPlane]?.push(...f.marks);
      outMarks[focus.plane].push({ i: focus.i, j: focus.j, style: "cursor" });
      const values = f.cells.map(([i, j]) => valueAt(input, f.inputPlane, i, j));
      const { region } = roiPlanes(geo, focus.plane);
      const bin = roiBin(geo, region, focus.i, focus.j);
      const outValue = valueAt(output, focus.plane, focus.i, focus.j);
      formula =
        geo.trace.mode === "align"
          ? roiAlignFormula(f.samples.count, f.samples.onMap, outValue, ctx.say)
          : roiFormula(values, outValue, ctx.say);
      if (f.argmax) formula += ctx.say("argmaxAt", { cell: `${f.argmax[0]}, ${f.argmax[1]}` });
      formula +=
        ctx.say("roiBinAt", { region: roiName(geo, region, ctx.say), i: focus.i, j: focus.j }) +
        (bin ? ctx.say("roiBinCells", { r0: bin.r0, r1: bin.r1 - 1, c0: bin.c0, c1: bin.c1 - 1 }) : "");
      if (f.inputPlane >= inPlanes) formula += ctx.say("roiMapNotDrawn");
      read = ctx.say("readOutput", { cell: cellReadout(output, focus.plane, focus.i, focus.j, ctx.say) });
    } else if (focus?.role === "input") {
      const batch = Math.floor(focus.plane / geo.c);
      const channel = focus.plane % geo.c;
      const hit = roiBinsContaining(geo, batch, focus.i, focus.j);
      for (const [k, bi, bj] of hit) outMarks[k * geo.c + channel]?.push({ i: bi, j: bj, style: "linked" });
      inMarks[focus.plane].push({ i: focus.i, j: focus.j, style: "cursor" });
      read = ctx.say("readInput", {
        cell: valueReadout(
          input,
          [batch, channel, focus.i, focus.j],
          valueAt(input, focus.plane, focus.i, focus.j),
          ctx.say,
        ),
      });
      const listed = hit.slice(0, LISTED).map(([k, bi, bj]) => `${roiName(geo, k, ctx.say)} (${bi}, ${bj})`);
      if (hit.length > LISTED) listed.push(ctx.say("formulaMore", { count: hit.length - LISTED }));
      formula =
        hit.length === 0
          ? ctx.say("roiNoBin")
          : ctx.say(hit.length > 1 ? "inBinsMany" : "inBinsOne", { count: hit.length, bins: listed.join(", ") });
    }
    showSelection({ ins, outs, inMarks, outMarks }, focus, pinned, { read, formula }, ctx);
  });

  // one grid: a row per map, its bins beside it (link/roi.ts's layout); the planes keep their page order
  const node = el("div", "jp-PoolscopeTensor-roi");
  const place = roiLayout(geo, ins.length, outs.length);
  const put = (plane: { node: HTMLElement }, at: { row: number; col: number }): void => {
    plane.node.style.gridRow = String(at.row);
    plane.node.style.gridColumn = String(at.col);
  };
  ins.forEach((plane, p) => put(plane, place.maps[p]));
  outs.forEach((plane, q) => put(plane, place.bins[q]));
  const arrows = ins.map((_, p) => {
    const arrow = el("div", "jp-PoolscopeTensor-arrow");
    arrow.textContent = "→"; // the map, then the bins pooled from it
    put({ node: arrow }, { row: p + 1, col: 2 });
    return arrow;
  });
  node.append(...maps.childNodes, ...arrows, ...bins.childNodes);
  return finishView(
    selection,
    [
      { role: "input", planes: ins },
      { role: "output", planes: outs },
    ],
    {
      node,
      legend: legend(
        scales.shared,
        ctx.say(scales.mode === "shared" ? "legendRoiShared" : "legendRoiChannel"),
        ctx.say,
        { perChannel: scales.mode === "channel" },
      ),
      sizeOf: (role) => (role === "input" ? [geo.h, geo.w] : [geo.ph, geo.pw]),
    },
  );
}
