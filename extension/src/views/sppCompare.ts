/**
 * Two SPP results side by side (compareSpp): each feature map with the selected level's bins and each
 * concatenated vector. Hovering feature k of either vector lights feature k of both, its bin on both maps and
 * the argmax; hovering a map cell lights its bins there and the same features, and their bins, on the other side.
 */
import type { SppTrace } from "poolscope/wire";
import { zoomFor } from "../canvas/screen.js";
import { legend } from "../canvas/legend.js";
import type { Mark } from "../canvas/marks.js";
import { el, type Plane } from "../canvas/plane.js";
import { Selection } from "./selection.js";
import { levelBins, lengthFormula, locateFeature } from "../link/spp.js";
import { featureMarks, featuresAt, lengthsLine, type SideMarks, type SppSide } from "../link/sppCompare.js";
import { fullIndex, scalesFor, valueAt, valueReadout, type BuiltView, type Panel, type ViewContext } from "./panel.js";
import { finishView, levelButtons, planeGrid, pressLevel, vectorPlane, vectorZoom } from "./skeleton.js";

export interface SppResult {
  trace: SppTrace;
  input: Panel;
  output: Panel;
}

interface BuiltSide extends SppSide {
  result: SppResult;
  maps: Plane[];
  vector: Plane;
  node: HTMLElement;
}

export function sppCompareView(a: SppResult, b: SppResult, ctx: ViewContext): BuiltView {
  const scales = scalesFor([a.input, a.output, b.input, b.output], "shared");
  const levels = Math.min(a.trace.levels.length, b.trace.levels.length);
  let level = levels - 1;
  const longest = Math.max(a.output.shape[1], b.output.shape[1]);
  const vecZoom = vectorZoom(longest, 560);
  const hw = (r: SppResult): string => `${r.input.layout.planeH}×${r.input.layout.planeW}`;

  const build = (r: SppResult, name: string): BuiltSide => {
    const zoom = zoomFor(r.input.layout.planeH, r.input.layout.planeW, 128);
    const node = el("div", "jp-PoolscopeTensor-spp");
    const title = el("div", "jp-PoolscopeTensor-caption");
    title.textContent = ctx.say("captionSppCompareTitle", { name, hw: hw(r), count: r.output.shape[1] });
    const { grid, planes: maps } = planeGrid(r.input, scales, {
      zoom,
      prefix: ctx.say("captionInput"),
      mod: "jp-mod-input",
      numbers: ctx.numbers,
    });
    const vector = vectorPlane(
      r.output,
      scales.shared,
      vecZoom,
      ctx.say("captionSppCompareVector", { count: r.output.shape[1] }),
      ctx.numbers,
    );
    node.append(title, grid, vector.node);
    return { trace: r.trace, channels: r.input.shape[1], width: r.input.layout.planeW, result: r, maps, vector, node };
  };
  const sides = [build(a, "1"), build(b, "2")];

  const show = (side: BuiltSide, marks: SideMarks[]): void => {
    const bins = side.trace.levels[level] ? levelBins(side.trace.levels[level]) : [];
    side.maps.forEach((pl, p) => {
      const m: Mark[] = bins.map((bn) => ({ i: bn.r0, j: bn.c0, h: bn.r1 - bn.r0, w: bn.c1 - bn.c0, style: "bin" }));
      for (const s of marks) m.push(...(s.map.get(p) ?? []));
      pl.setMarks(m);
    });
    side.vector.setMarks(marks.flatMap((s) => s.vector));
  };

  let buttons: HTMLElement[] = [];
  const selection = new Selection((focus) => {
    const marks: SideMarks[][] = [[], []];
    let read = ctx.say("hintSppCompare");
    let formula =
      lengthsLine(a.output.shape[1], b.output.shape[1], hw(a), hw(b), ctx.say) +
      ctx.say("listSeparator") +
      lengthFormula(a.trace, sides[0].channels, ctx.say);
    if (focus) {
      const s = focus.role.endsWith("2") ? 1 : 0;
      const side = sides[s];
      const other = sides[1 - s];
      if (focus.role.startsWith("vector")) {
        const n = focus.i;
        const k = focus.j;
        const own = featureMarks(side, n, k, "cursor");
        if (own.level !== null) level = Math.min(own.level, levels - 1);
        marks[s].push(own);
        if (n < other.result.output.shape[0]) marks[1 - s].push(featureMarks(other, n, k, "linked"));
        read = ctx.say("readOutputK", {
          k: s + 1,
          cell: valueReadout(side.result.output, [n, k], valueAt(side.result.output, 0, n, k), ctx.say),
        });
        const loc = locateFeature(side.trace, side.channels, k);
        if (loc) {
          const lv = side.trace.levels[loc.level];
          const perSide = sides.map((sd, t) => {
            const bn =
              sd.trace.levels[loc.level] && levelBins(sd.trace.levels[loc.level])[loc.bi * lv.bins[1] + loc.bj];
            return bn
              ? ctx.say("sppCompareSide", { side: t + 1, r0: bn.r0, r1: bn.r1 - 1, c0: bn.c0, c1: bn.c1 - 1 })
              : ctx.say("sppCompareNone", { side: t + 1 });
          });
          formula = ctx.say("sppCompareFeature", {
            k,
            level: loc.level + 1,
            bins: `${lv.bins[0]}×${lv.bins[1]}`,
            c: loc.c,
            bi: loc.bi,
            bj: loc.bj,
            sides: perSide.join(ctx.say("listSeparator")),
          });
        }
      } else {
        const c = focus.plane % side.channels;
        const n = Math.floor(focus.plane / side.channels);
        const ks = featuresAt(side, level, c, focus.i, focus.j);
        const cursor: SideMarks = {
          map: new Map([[focus.plane, [{ i: focus.i, j: focus.j, style: "cursor" }]]]),
          vector: [],
          level,
        };
        marks[s].push(cursor, ...ks.map((k) => featureMarks(side, n, k, "linked")));
        if (n < other.result.output.shape[0]) marks[1 - s].push(...ks.map((k) => featureMarks(other, n, k, "linked")));
        read = ctx.say("readInputK", {
          k: s + 1,
          cell: valueReadout(
            side.result.input,
            fullIndex(side.result.input, focus.plane, focus.i, focus.j),
            valueAt(side.result.input, focus.plane, focus.i, focus.j),
            ctx.say,
          ),
        });
        formula = ctx.say(ks.length === 1 ? "sppCompareBinsOne" : "sppCompareBinsMany", {
          count: ks.length,
          level: level + 1,
          features: ks.join(", "),
        });
      }
    }
    sides.forEach((sd, t) => show(sd, marks[t]));
    pressLevel(buttons, level);
    ctx.readout.textContent = read;
    ctx.formula.textContent = formula;
  });

  buttons = levelButtons(a.trace.levels.slice(0, levels), ctx.say, (l) => {
    level = l;
    selection.hover(selection.hovered);
  });
  ctx.toolbar.append(...buttons);

  const node = el("div", "jp-PoolscopeTensor-compare");
  node.append(sides[0].node, sides[1].node);
  const sizeOf = (role: string): [number, number] => {
    const r = role.endsWith("2") ? b : a;
    return role.startsWith("vector")
      ? [r.output.shape[0], r.output.shape[1]]
      : [r.input.layout.planeH, r.input.layout.planeW];
  };
  return finishView(
    selection,
    sides.flatMap((sd, t) => [
      { role: `input${t + 1}`, planes: sd.maps },
      { role: `vector${t + 1}`, planes: [sd.vector] },
    ]),
    { node, legend: legend(scales.shared, ctx.say("legendBothSpp"), ctx.say), sizeOf },
  );
}
