/**
 * Marks on a wrapped plane (poolscope/wire's planeSize.ts lays long planes out in rows): views and marks keep
 * the plane's own (i, j); this maps them to the drawn cells.
 */
import { wrappedCell, type Wrap } from "poolscope/wire";
import type { Mark } from "./marks.js";

/**
 * Marks in plane cells as marks in drawn cells: a mark spanning columns j…j+w−1 of a row becomes one segment
 * per drawn row it reaches. Sample points (RoIAlign) are never on wrapped planes and pass unchanged.
 */
export function wrapMarks(wrap: Wrap, marks: readonly Mark[]): Mark[] {
  const out: Mark[] = [];
  for (const m of marks) {
    if (m.style === "sample") {
      out.push(m);
      continue;
    }
    const h = m.h ?? 1;
    const w = m.w ?? 1;
    for (let i = m.i; i < m.i + h; i++) {
      let j = m.j;
      while (j < m.j + w) {
        const end = Math.min(m.j + w, (Math.floor(j / wrap.cols) + 1) * wrap.cols);
        const [r, c] = wrappedCell(wrap, i, j);
        const seg: Mark = { i: r, j: c, h: 1, w: end - j, style: m.style };
        if (m.text !== undefined) seg.text = m.text;
        out.push(seg);
        j = end;
      }
    }
  }
  return out;
}
