/**
 * The linked 3-d pooling view: each (n, c) volume as a row of its input's depth slices above a row of its
 * output's depth slices, on one scale. Hovering an output cell lights its window on every slice it spans (the
 * slice's window rectangle, padding as virtual cells), marks the recorded argmax in its slice and writes the
 * formula with the real numbers; hovering an input cell lights every output whose window contains it. A
 * bounded number of slices and volumes is drawn, with a notice.
 */
import { planeLabel, zoomFor } from "../canvas/screen.js";
import { legend } from "../canvas/legend.js";
import type { Mark } from "../canvas/marks.js";
import { Plane, el } from "../canvas/plane.js";
import { formulaText, padMargins } from "../link/pooling.js";
import { Selection } from "./selection.js";
import {
  MAX_VOLUMES,
  depthSpan,
  slicesShown,
  volumeArgmax,
  volumeDivisor,
  volumeFlatIndex,
  volumeOutputsContaining,
  volumeWindow,
  volumeWindowMarks,
  type VolumeAxes,
} from "../link/volume.js";
import { cellReadout, planeData, scalesFor, valueAt, type BuiltView, type Panel, type ViewContext } from "./panel.js";
import { finishView } from "./skeleton.js";

/** Most outputs the reverse link lists in words. */
const LISTED = 16;

export function volumeView(v: VolumeAxes, input: Panel, output: Panel, ctx: ViewContext): BuiltView {
  const scales = scalesFor([input, output], "shared");
  const inSlices = slicesShown(v.d, ctx.say("sideInput"), ctx.say);
  const outSlices = slicesShown(v.od, ctx.say("sideOutput"), ctx.say);
  const nIn = inSlices.shown;
  const nOut = outSlices.shown;
  const volumes = Math.min(v.volumes, MAX_VOLUMES);
  if (volumes < v.volumes) ctx.notices.push(ctx.say("volumesShown", { shown: volumes, total: v.volumes }));
  for (const n of [inSlices.notice, outSlices.notice]) if (n) ctx.notices.push(n);
  if (ctx.scaleMode === "channel") ctx.notices.push(ctx.say("volumeOneScale"));
  const margin = padMargins(v.plane);
  const zoom = zoomFor(v.h + margin.top + margin.bottom, v.w + margin.left + margin.right, 192);
  const outZoom = zoomFor(output.layout.planeH, output.layout.planeW, 192, zoom); // never finer than the input
  const padText = v.trace.reduce === "max" ? "−∞" : v.trace.reduce === "avg" && v.trace.countIncludePad ? "0" : "·";

  // grid planes of the (N, C, D, H, W) tensors: volume `vol`'s slice d is plane vol·D + d
  const inPlane = (vol: number, d: number): number => vol * v.d + d;
  const outPlane = (vol: number, od: number): number => vol * v.od + od;

  const node = el("div", "jp-PoolscopeTensor-volumes");
  const ins: Plane[][] = [];
  const outs: Plane[][] = [];
  for (let vol = 0; vol < volumes; vol++) {
    const block = el("div", "jp-PoolscopeTensor-volume");
    const title = el("div", "jp-PoolscopeTensor-caption");
    title.textContent = planeLabel(input.shape.slice(0, 4), [Math.floor(vol / input.shape[1]), vol % input.shape[1]]);
    const inRow = el("div", "jp-PoolscopeTensor-grid");
    const outRow = el("div", "jp-PoolscopeTensor-grid");
    ins.push([]);
    outs.push([]);
    for (let d = 0; d < nIn; d++) {
      const pl = new Plane({
        ...planeData(input, inPlane(vol, d)),
        scale: scales.shared,
        zoom,
        margin,
        numbers: ctx.numbers,
        caption: ctx.say("captionInputDepth", { d }),
      });
      pl.node.classList.add("jp-mod-input");
      ins[vol].push(pl);
      inRow.append(pl.node);
    }
    for (let od = 0; od < nOut; od++) {
      const pl = new Plane({
        ...planeData(output, outPlane(vol, od)),
        scale: scales.shared,
        zoom: outZoom,
        numbers: ctx.numbers,
        caption: ctx.say("captionOutputDepth", { d: od }),
      });
      pl.node.classList.add("jp-mod-output");
      outs[vol].push(pl);
      outRow.append(pl.node);
    }
    const arrow = el("div", "jp-PoolscopeTensor-arrow");
    arrow.textContent = "↓";
    block.append(title, inRow, arrow, outRow);
    node.append(block);
  }

  // CellRef.plane: vol·nIn + d for the input, vol·nOut + od for the output (drawn slices only)
  const selection = new Selection((focus, pinned) => {
    const inMarks: Mark[][][] = ins.map((row) => row.map(() => []));
    const outMarks: Mark[][][] = outs.map((row) => row.map(() => []));
    let read = ctx.say("hintVolume");
    let formula = "";
    if (focus?.role === "output") {
      const [vol, od] = [Math.floor(focus.plane / nOut), focus.plane % nOut];
      const [oi, oj] = [focus.i, focus.j];
      for (const [d, marks] of volumeWindowMarks(v, od, oi, oj, padText)) inMarks[vol][d]?.push(...marks);
      const am = v.trace.reduce === "max" ? volumeArgmax(v, volumeFlatIndex(v, vol, od, oi, oj)) : null;
      if (am) inMarks[vol][am[0]]?.push({ i: am[1], j: am[2], style: "argmax" });
      outMarks[vol][od].push({ i: oi, j: oj, style: "cursor" });
      const window = volumeWindow(v, od, oi, oj).map((c) => ({
        pad: c.pad,
        value: c.pad ? 0 : valueAt(input, inPlane(vol, c.d), c.i, c.j),
      }));
      const value = valueAt(output, outPlane(vol, od), oi, oj);
      formula = formulaText(v.trace, window, value, volumeDivisor(v, od, oi, oj), ctx.say);
      if (am) formula += ctx.say("argmaxAt", { cell: am.join(", ") });
      const span = depthSpan(v, od);
      const s = span.slices;
      formula += s.length ? ctx.say("volumeSlices", { first: s[0], last: s[s.length - 1] }) : ctx.say("volumeNoSlice");
      if (span.padded) formula += ctx.say("volumeDepthPadding", { count: span.padded });
      if (s.some((d) => d >= nIn)) formula += ctx.say("volumeNotDrawn", { from: nIn });
      read = ctx.say("readOutput", { cell: cellReadout(output, outPlane(vol, od), oi, oj, ctx.say) });
    } else if (focus?.role === "input") {
      const [vol, d] = [Math.floor(focus.plane / nIn), focus.plane % nIn];
      const linked = volumeOutputsContaining(v, d, focus.i, focus.j);
      for (const [od, oi, oj] of linked) outMarks[vol][od]?.push({ i: oi, j: oj, style: "linked" });
      inMarks[vol][d].push({ i: focus.i, j: focus.j, style: "cursor" });
      read = ctx.say("readInput", { cell: cellReadout(input, inPlane(vol, d), focus.i, focus.j, ctx.say) });
      const listed = linked.slice(0, LISTED).map((o) => `(${o.join(", ")})`);
      if (linked.length > LISTED) listed.push(ctx.say("formulaMore", { count: linked.length - LISTED }));
      formula =
        linked.length === 0
          ? ctx.say("noOutputReads")
          : ctx.say(linked.length > 1 ? "readByMany" : "readByOne", { count: linked.length, cells: listed.join(", ") });
    }
    if (pinned && pinned !== focus) {
      const per = pinned.role === "input" ? nIn : nOut;
      const marks = pinned.role === "input" ? inMarks : outMarks;
      marks[Math.floor(pinned.plane / per)]?.[pinned.plane % per]?.push({ i: pinned.i, j: pinned.j, style: "pinned" });
    }
    if (pinned && pinned === focus) read += ctx.say("hintPinned");
    ins.forEach((row, vol) => row.forEach((pl, d) => pl.setMarks(inMarks[vol][d])));
    outs.forEach((row, vol) => row.forEach((pl, od) => pl.setMarks(outMarks[vol][od])));
    ctx.readout.textContent = read;
    ctx.formula.textContent = formula;
  });

  // every row holds nIn (nOut) slices, so a slice's place in the flattened rows is its CellRef.plane
  return finishView(
    selection,
    [
      { role: "input", planes: ins.flat() },
      { role: "output", planes: outs.flat() },
    ],
    {
      node,
      legend: legend(scales.shared, ctx.say("legendInputOutput"), ctx.say),
      sizeOf: (role) => (role === "input" ? [v.h, v.w] : [v.oh, v.ow]),
    },
  );
}
