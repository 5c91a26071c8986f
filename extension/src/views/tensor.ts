/**
 * Any tensor: an N×C grid of labelled planes, hover read-out, click to pin, arrow keys to move the pin; a
 * colour picture (wire/rgb.ts) in colour when the context asks for it (picture.ts).
 */
import { rgbPicture } from "poolscope/wire";
import { pictureView } from "./picture.js";
import { zoomFor } from "../canvas/screen.js";
import { planNotice } from "../canvas/budget.js";
import { legend } from "../canvas/legend.js";
import { Selection } from "./selection.js";
import type { Mark } from "../canvas/marks.js";
import { cellReadout, planeData, scalesFor, type BuiltView, type Panel, type ViewContext } from "./panel.js";
import { finishView, planeGrid } from "./skeleton.js";

export function tensorView(pn: Panel, ctx: ViewContext): BuiltView {
  const picture = ctx.colour && !pn.reduced ? rgbPicture(pn.shape, pn.stats) : null;
  if (picture) return pictureView(pn, picture, ctx);
  const scales = scalesFor([pn], ctx.scaleMode, ctx.scaleDecisions, "", ctx.say);
  const notice = planNotice(pn.layout, pn.plan, ctx.say);
  if (notice) ctx.notices.push(notice);
  // the zoom fits the first plane as drawn (sampled by the size budget)
  const first = pn.plan.planes > 0 ? planeData(pn, 0) : null;
  const { grid, planes } = planeGrid(pn, scales, {
    zoom: first ? zoomFor(first.h, first.w) : 1,
    numbers: ctx.numbers,
    wrap: true,
  });
  const drawnH = planes[0]?.spec.h ?? 0;
  const drawnW = planes[0]?.spec.w ?? 0;

  const selection = new Selection((focus, pinned) => {
    planes.forEach((plane, p) => {
      const marks: Mark[] = [];
      if (pinned?.plane === p) marks.push({ i: pinned.i, j: pinned.j, style: "pinned" });
      if (focus?.plane === p && focus !== pinned) marks.push({ i: focus.i, j: focus.j, style: "cursor" });
      plane.setMarks(marks);
    });
    ctx.readout.textContent = focus
      ? cellReadout(pn, focus.plane, focus.i, focus.j, ctx.say) +
        (pinned && focus === pinned ? ctx.say("hintPinned") : "")
      : ctx.say("hintTensor");
  });
  return finishView(selection, [{ role: "tensor", planes }], {
    node: grid,
    legend: legend(
      scales.shared,
      ctx.say(
        scales.mode === "channel" ? "legendTensorChannel" : pn.reduced ? "legendBlockMeans" : "legendWholeTensor",
      ),
      ctx.say,
      { perChannel: scales.mode === "channel" },
    ),
    sizeOf: () => [drawnH, drawnW],
  });
}
