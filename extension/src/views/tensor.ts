/** Any tensor: an N×C grid of labelled planes, hover read-out, click to pin, arrow keys to move the pin. */
import { zoomFor } from "../canvas/screen.js";
import { legend } from "../canvas/legend.js";
import { Plane, el } from "../canvas/plane.js";
import { Selection } from "./selection.js";
import { wirePlane } from "./pointer.js";
import type { Mark } from "../canvas/marks.js";
import {
  cellReadout,
  planeCaption,
  planeData,
  planeScale,
  scalesFor,
  type BuiltView,
  type Panel,
  type ViewContext,
} from "./panel.js";

export function tensorView(pn: Panel, ctx: ViewContext): BuiltView {
  const scales = scalesFor([pn], ctx.scaleMode);
  if (pn.plan.notice) ctx.notices.push(pn.plan.notice);
  const grid = el("div", "jp-PoolscopeTensor-grid");
  const planes: Plane[] = [];
  let zoom = 1;
  for (let p = 0; p < pn.plan.planes; p++) {
    const d = planeData(pn, p);
    if (p === 0) zoom = zoomFor(d.h, d.w);
    const plane = new Plane({ ...d, scale: planeScale(scales, pn, p), zoom, caption: planeCaption(scales, pn, p) });
    planes.push(plane);
    grid.append(plane.node);
  }
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
      ? cellReadout(pn, focus.plane, focus.i, focus.j) +
        (pinned && focus === pinned ? "  (pinned; arrow keys move, Esc unpins)" : "")
      : "hover a cell to read its value; click to pin it";
  });
  planes.forEach((plane, p) => wirePlane(plane, selection, "tensor", p));
  selection.hover(null);
  return {
    node: grid,
    legend: legend(
      scales.shared,
      scales.mode === "channel"
        ? "per channel (ranges in captions)"
        : pn.reduced
          ? "over the block means shown"
          : "over the whole tensor",
    ),
    onKey: (key) => selection.key(key, () => [drawnH, drawnW]),
    dispose: () => undefined,
  };
}
