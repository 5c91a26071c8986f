/**
 * Pointer wiring shared by every view: a plane's cells reach the view's Selection as (role, plane index, i, j)
 * on hover, leaving clears the hover, and a click pins (where the view lets cells be pinned).
 */
import type { Mark } from "../canvas/marks.js";
import type { Plane } from "../canvas/plane.js";
import type { CellRef, Selection } from "./selection.js";
import type { ViewContext } from "./panel.js";

export function wirePlane(plane: Plane, selection: Selection, role: string, index: number, pin = true): void {
  const at = (e: MouseEvent): CellRef | null => {
    const c = plane.cellAt(e);
    return c ? { role, plane: index, i: c[0], j: c[1] } : null;
  };
  // data-hover says which cell the view has drawn as hovered ("i,j", empty for none): set after the redraw, so a
  // test that waits for it reads the marks of that hover
  plane.stage.addEventListener("mousemove", (e) => {
    const cell = at(e);
    selection.hover(cell);
    plane.stage.dataset.hover = cell ? `${cell.i},${cell.j}` : "";
  });
  plane.stage.addEventListener("mouseleave", () => {
    selection.hover(null);
    plane.stage.dataset.hover = "";
  });
  if (pin) plane.stage.addEventListener("click", (e) => selection.pin(at(e)));
}

/**
 * The end of every input/output view's selection update: the pinned cell's mark (unless it is the focus, whose
 * read-out says it is pinned instead), every plane's marks, and the two read-out lines.
 */
export function showSelection(
  sides: { ins: readonly Plane[]; outs: readonly Plane[]; inMarks: Mark[][]; outMarks: Mark[][] },
  focus: CellRef | null,
  pinned: CellRef | null,
  text: { read: string; formula: string },
  ctx: Pick<ViewContext, "readout" | "formula" | "say">,
): void {
  let read = text.read;
  if (pinned && pinned !== focus)
    (pinned.role === "input" ? sides.inMarks : sides.outMarks)[pinned.plane]?.push({
      i: pinned.i,
      j: pinned.j,
      style: "pinned",
    });
  if (pinned && pinned === focus) read += ctx.say("hintPinned");
  sides.ins.forEach((pl, p) => pl.setMarks(sides.inMarks[p] ?? []));
  sides.outs.forEach((pl, p) => pl.setMarks(sides.outMarks[p] ?? []));
  ctx.readout.textContent = read;
  ctx.formula.textContent = text.formula;
}
