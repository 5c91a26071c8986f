/**
 * Pointer wiring shared by every view: a plane's cells reach the view's Selection as (role, plane index, i, j)
 * on hover, leaving clears the hover, and a click pins (where the view lets cells be pinned).
 */
import type { Plane } from "../plane.js";
import type { CellRef, Selection } from "../selection.js";

export function wirePlane(plane: Plane, selection: Selection, role: string, index: number, pin = true): void {
  const at = (e: MouseEvent): CellRef | null => {
    const c = plane.cellAt(e);
    return c ? { role, plane: index, i: c[0], j: c[1] } : null;
  };
  plane.stage.addEventListener("mousemove", (e) => selection.hover(at(e)));
  plane.stage.addEventListener("mouseleave", () => selection.hover(null));
  if (pin) plane.stage.addEventListener("click", (e) => selection.pin(at(e)));
}
