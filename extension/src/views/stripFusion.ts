/**
 * Strip pooling's fused result: per plane, the input with its row strip (H×1) beside it and its column strip
 * (1×W) below it, and the fused map. Hovering a fused cell lights its row-strip and column-strip cells (and the
 * convolution's neighbours) and the input row and column they average; hovering a strip cell lights its row or
 * column of the input and of the fused map. Strip values come from the trace, fused values from the payload.
 */
import type { StripFusionTrace } from "poolscope/wire";
import { readoutText, STRIP_CROSS_PX, zoomFor } from "../canvas/screen.js";
import { planNotice } from "../canvas/budget.js";
import { legend } from "../canvas/legend.js";
import type { Mark } from "../canvas/marks.js";
import { Plane, el } from "../canvas/plane.js";
import { Selection } from "./selection.js";
import { fusedFormula, fusionLinks, meanFormula, type FusionRole, type FusionStrips } from "../link/stripFusion.js";
import {
  fullIndex,
  planeCaption,
  planeData,
  planeScale,
  scalesFor,
  valueAt,
  valueReadout,
  type BuiltView,
  type Panel,
  type ViewContext,
} from "./panel.js";
import { finishView } from "./skeleton.js";

export function stripFusionView(
  trace: StripFusionTrace,
  strips: FusionStrips,
  input: Panel,
  output: Panel,
  ctx: ViewContext,
): BuiltView {
  const { h, w } = strips;
  // the strips are means of the input: one scale for both; the fused map (an attention) has its own
  const inScales = scalesFor([input], ctx.scaleMode, ctx.scaleDecisions, ctx.say("ofStrips"), ctx.say);
  const fusedScales = scalesFor([output], ctx.scaleMode, ctx.scaleDecisions, ctx.say("legendFused"), ctx.say);
  const zoom = zoomFor(h, w, 192); // the map's cells; the strips add one cell row and column
  const nPlanes = Math.min(input.plan.planes, output.plan.planes);
  if (nPlanes < input.layout.rows * input.layout.cols)
    ctx.notices.push(planNotice(input.layout, input.plan, ctx.say) ?? "");

  const grid = el("div", "jp-PoolscopeTensor-grid");
  const planes: Record<FusionRole, Plane[]> = { input: [], rows: [], cols: [], fused: [] };
  for (let p = 0; p < nPlanes; p++) {
    const scale = planeScale(inScales, input, p);
    const box = el("div", "jp-PoolscopeTensor-fusion");
    const add = (role: FusionRole, plane: Plane): void => {
      plane.node.classList.add(`jp-mod-${role}`);
      planes[role].push(plane);
      box.append(plane.node);
    };
    add(
      "input",
      new Plane({
        ...planeData(input, p),
        scale,
        zoom,
        numbers: ctx.numbers,
        caption: planeCaption(inScales, input, p, ctx.say("captionInput")),
      }),
    );
    add(
      "rows",
      new Plane({
        values: strips.rows.subarray(p * h, (p + 1) * h),
        h,
        w: 1,
        scale,
        zoom,
        cellW: STRIP_CROSS_PX,
        numbers: ctx.numbers,
        caption: ctx.say("captionRows"),
      }),
    );
    add(
      "fused",
      new Plane({
        ...planeData(output, p),
        scale: planeScale(fusedScales, output, p),
        zoom,
        numbers: ctx.numbers,
        group: "fused",
        caption: planeCaption(fusedScales, output, p, ctx.say("captionFused")),
      }),
    );
    add(
      "cols",
      new Plane({
        values: strips.cols.subarray(p * w, (p + 1) * w),
        h: 1,
        w,
        scale,
        zoom,
        cellH: STRIP_CROSS_PX,
        numbers: ctx.numbers,
        caption: ctx.say("captionColumns"),
      }),
    );
    grid.append(box);
  }

  const rowValues = (p: number, i: number): number[] => Array.from({ length: w }, (_, j) => valueAt(input, p, i, j));
  const colValues = (p: number, j: number): number[] => Array.from({ length: h }, (_, i) => valueAt(input, p, i, j));

  const selection = new Selection((focus, pinned) => {
    const marks: Record<FusionRole, Mark[][]> = {
      input: planes.input.map(() => []),
      rows: planes.rows.map(() => []),
      cols: planes.cols.map(() => []),
      fused: planes.fused.map(() => []),
    };
    let read = ctx.say("hintStripFusion");
    let formula = "";
    if (focus) {
      const role = focus.role as FusionRole;
      const p = focus.plane;
      const links = fusionLinks(role, focus.i, focus.j, h, w, trace.taps);
      (Object.keys(links) as FusionRole[]).forEach((r) => marks[r][p]?.push(...links[r]));
      const rowMean = strips.rows[p * h + focus.i];
      const colMean = strips.cols[p * w + focus.j];
      const [n, c] = [Math.floor(p / strips.c), p % strips.c];
      if (role === "fused") {
        const v = valueAt(output, p, focus.i, focus.j);
        read = ctx.say("readFused", { cell: valueReadout(output, fullIndex(output, p, focus.i, focus.j), v, ctx.say) });
        formula = fusedFormula(focus.i, focus.j, rowMean, colMean, v, h, w, trace.taps, ctx.say);
      } else if (role === "rows") {
        read = ctx.say("readRowMean", { cell: readoutText([n, c, focus.i], rowMean) });
        formula = meanFormula(ctx.say("stripRow", { i: focus.i }), rowValues(p, focus.i), rowMean, ctx.say);
      } else if (role === "cols") {
        read = ctx.say("readColumnMean", { cell: readoutText([n, c, focus.j], colMean) });
        formula = meanFormula(ctx.say("stripColumn", { j: focus.j }), colValues(p, focus.j), colMean, ctx.say);
      } else {
        read = ctx.say("readInput", {
          cell: valueReadout(
            input,
            fullIndex(input, p, focus.i, focus.j),
            valueAt(input, p, focus.i, focus.j),
            ctx.say,
          ),
        });
        formula = ctx.say("stripInputCell", { i: focus.i, j: focus.j });
      }
    }
    if (pinned && pinned !== focus)
      marks[pinned.role as FusionRole]?.[pinned.plane]?.push({ i: pinned.i, j: pinned.j, style: "pinned" });
    (Object.keys(planes) as FusionRole[]).forEach((r) => planes[r].forEach((pl, p) => pl.setMarks(marks[r][p])));
    ctx.readout.textContent = read;
    ctx.formula.textContent = formula;
  });

  const legends = el("div", "jp-PoolscopeTensor-legends");
  legends.append(
    legend(inScales.shared, ctx.say("legendStrips"), ctx.say, { perChannel: inScales.mode === "channel" }),
    legend(fusedScales.shared, ctx.say("legendFused"), ctx.say, {
      group: "fused",
      perChannel: fusedScales.mode === "channel",
    }),
  );
  const sizeOf = (role: string): [number, number] => (role === "rows" ? [h, 1] : role === "cols" ? [1, w] : [h, w]);
  return finishView(
    selection,
    (Object.keys(planes) as FusionRole[]).map((role) => ({ role, planes: planes[role] })),
    { node: grid, legend: legends, sizeOf },
  );
}
