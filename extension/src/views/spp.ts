/**
 * Spatial pyramid pooling: the feature map with one level's bins drawn at their exact edges (shaded, so
 * overlapping bins read darker), and each sample's concatenated C·Σn² vector beside it with the levels marked.
 * Hovering a feature lights its bin; hovering a map cell lights its bins and their features.
 */
import type { SppTrace } from "poolscope/wire";
import { legend } from "../canvas/legend.js";
import type { Mark } from "../canvas/marks.js";
import { el } from "../canvas/plane.js";
import { Selection } from "./selection.js";
import { lengthFormula, levelBins, locateFeature, vectorIndex, type BinRect } from "../link/spp.js";
import { fullIndex, scalesFor, valueAt, valueReadout, type BuiltView, type Panel, type ViewContext } from "./panel.js";
import { zoomFor } from "../canvas/screen.js";
import { finishView, levelButtons, planeGrid, pressLevel, vectorPlane, vectorZoom } from "./skeleton.js";

export function sppView(trace: SppTrace, input: Panel, output: Panel, ctx: ViewContext): BuiltView {
  const scales = scalesFor([input, output], "shared");
  const channels = input.shape[1];
  const bins = trace.levels.map(levelBins);
  let level = trace.levels.length - 1;
  const zoom = zoomFor(input.layout.planeH, input.layout.planeW, 160);
  const vecLen = output.shape[1];

  const { grid: maps, planes: ins } = planeGrid(input, scales, {
    zoom,
    prefix: ctx.say("captionInput"),
    numbers: ctx.numbers,
  });
  const vector = vectorPlane(
    output,
    scales.shared,
    vectorZoom(vecLen, 1024),
    ctx.say("captionSppVector", { count: vecLen }),
    ctx.numbers,
  );
  const levelMarks: Mark[] = trace.levels
    .map((lv, l): Mark | null =>
      l % 2 === 0
        ? null
        : { i: 0, j: lv.offset, h: output.shape[0], w: channels * lv.bins[0] * lv.bins[1], style: "bin" },
    )
    .filter((m): m is Mark => m !== null);

  const planeOf = (n: number, c: number): number => n * channels + c;
  const binMark = (b: BinRect, style: Mark["style"]): Mark => ({
    i: b.r0,
    j: b.c0,
    h: b.r1 - b.r0,
    w: b.c1 - b.c0,
    style,
  });

  let buttons: HTMLElement[] = [];
  const selection = new Selection((focus, pinned) => {
    const inMarks: Mark[][] = ins.map(() => bins[level].map((b) => binMark(b, "bin")));
    const vecMarks: Mark[] = [...levelMarks];
    let read = ctx.say("hintSpp");
    let formula = lengthFormula(trace, channels, ctx.say);
    if (focus?.role === "vector") {
      const n = focus.i;
      const loc = locateFeature(trace, channels, focus.j);
      vecMarks.push({ i: focus.i, j: focus.j, style: "cursor" });
      read = ctx.say("readOutput", {
        cell: valueReadout(output, [n, focus.j], valueAt(output, 0, focus.i, focus.j), ctx.say),
      });
      if (loc) {
        if (loc.level !== level) {
          level = loc.level;
          inMarks.forEach((_, p) => (inMarks[p] = bins[level].map((b) => binMark(b, "bin"))));
        }
        const lv = trace.levels[loc.level];
        const b = bins[loc.level][loc.bi * lv.bins[1] + loc.bj];
        const p = planeOf(n, loc.c);
        if (b && inMarks[p]) {
          inMarks[p].push(binMark(b, "binActive"));
          const a = lv.argmax?.[((n * channels + loc.c) * lv.bins[0] + loc.bi) * lv.bins[1] + loc.bj];
          if (a !== undefined && a >= 0) {
            const w = input.layout.planeW;
            inMarks[p].push({ i: Math.floor(a / w), j: a % w, style: "argmax" });
          }
        }
        formula =
          ctx.say("sppFeature", {
            k: focus.j,
            level: loc.level + 1,
            bins: `${lv.bins[0]}×${lv.bins[1]}`,
            c: loc.c,
            bi: loc.bi,
            bj: loc.bj,
            index: `${lv.offset} + ${loc.c}·${lv.bins[0] * lv.bins[1]} + ${loc.bi}·${lv.bins[1]} + ${loc.bj}`,
          }) + (b ? ctx.say("sppBinCells", { r0: b.r0, r1: b.r1 - 1, c0: b.c0, c1: b.c1 - 1 }) : "");
      }
    } else if (focus?.role === "input") {
      const [n, c] = [Math.floor(focus.plane / channels), focus.plane % channels];
      inMarks[focus.plane].push({ i: focus.i, j: focus.j, style: "cursor" });
      const lv = trace.levels[level];
      const hit = bins[level].filter((b) => focus.i >= b.r0 && focus.i < b.r1 && focus.j >= b.c0 && focus.j < b.c1);
      for (const b of hit) {
        inMarks[focus.plane].push(binMark(b, "binActive"));
        vecMarks.push({ i: n, j: vectorIndex(lv, c, b.bi, b.bj), style: "linked" });
      }
      read = ctx.say("readInput", {
        cell: valueReadout(
          input,
          fullIndex(input, focus.plane, focus.i, focus.j),
          valueAt(input, focus.plane, focus.i, focus.j),
          ctx.say,
        ),
      });
      formula = ctx.say(hit.length === 1 ? "sppInBinOne" : "sppInBinsMany", {
        count: hit.length,
        level: level + 1,
        features: hit.map((b) => vectorIndex(lv, c, b.bi, b.bj)).join(", "),
      });
    }
    if (pinned && pinned !== focus && pinned.role === "vector")
      vecMarks.push({ i: pinned.i, j: pinned.j, style: "pinned" });
    ins.forEach((pl, p) => pl.setMarks(inMarks[p]));
    vector.setMarks(vecMarks);
    pressLevel(buttons, level);
    ctx.readout.textContent = read;
    ctx.formula.textContent = formula;
  });

  buttons = levelButtons(trace.levels, ctx.say, (l) => {
    level = l;
    selection.hover(selection.hovered);
  });
  ctx.toolbar.append(...buttons);

  const node = el("div", "jp-PoolscopeTensor-spp");
  node.append(maps, vector.node);
  return finishView(
    selection,
    [
      { role: "input", planes: ins, pin: false }, // map cells hover only
      { role: "vector", planes: [vector] },
    ],
    {
      node,
      legend: legend(scales.shared, ctx.say("legendMapVector"), ctx.say),
      sizeOf: () => [output.shape[0], vecLen],
    },
  );
}
