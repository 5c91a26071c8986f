/**
 * The linked pooling view: input and output side by side per plane, on one shared scale. Hovering (or pinning,
 * or playing) an output cell lights its window on the input, with padding as virtual cells, the recorded argmax
 * and the formula in real numbers; hovering an input cell lights every output that reads it. A coverage toggle
 * shows overlapping windows and cells no window reads. Strip pooling's strips sit beside or below the map.
 */
import { el } from "../canvas/plane.js";
import { Selection, type CellRef } from "./selection.js";
import { showSelection } from "./pointer.js";
import type { Mark } from "../canvas/marks.js";
import { coverage, coverageSummary } from "../link/coverage.js";
import {
  argmaxCell,
  divisorOf,
  formulaText,
  outputFlatIndex,
  outputsContaining,
  windowCells,
  type PlaneAxes,
} from "../link/pooling.js";
import { cellReadout, valueAt, type BuiltView, type Panel, type ViewContext } from "./panel.js";
import { sweepControls } from "./sweep.js";
import { pairLegend } from "./pairs.js";
import { finishView, pairSkeleton } from "./skeleton.js";

/** Padding shown as text in a virtual cell: what the op treats it as. */
function padText(axes: PlaneAxes): string | undefined {
  const t = axes.trace;
  if (t.reduce === "max") return "−∞";
  if (t.reduce === "avg") return t.countIncludePad ? "0" : "·";
  return undefined;
}

export function poolingView(input: Panel, output: Panel, axes: PlaneAxes, ctx: ViewContext): BuiltView {
  const [outH, outW] = [output.layout.planeH, output.layout.planeW];
  const vertical = axes.trace.family === "strip" && axes.trace.strip === "vertical";
  const { scales, grid, ins, outs } = pairSkeleton(input, output, axes, "input", ctx, vertical);

  const cov = coverage(axes.rows, axes.cols);
  let showCoverage = false;
  const covMarks: Mark[] = [];
  for (let i = 0; i < cov.h; i++) {
    for (let j = 0; j < cov.w; j++) {
      const n = cov.counts[i * cov.w + j];
      if (n === 0) covMarks.push({ i, j, style: "uncovered" });
      else covMarks.push({ i, j, style: "count", text: `×${n}` });
    }
  }

  const describeOutput = (f: CellRef): { input: Mark[]; text: string } => {
    const cells = windowCells(axes, f.i, f.j);
    const pt = padText(axes);
    const marks: Mark[] = cells.map((c) =>
      c.pad ? { i: c.i, j: c.j, style: "pad", text: pt } : { i: c.i, j: c.j, style: "window" },
    );
    const k = outputFlatIndex(axes, f.plane, f.i, f.j, outH, outW);
    const am = axes.trace.reduce === "max" ? argmaxCell(axes, k, f.i) : null;
    if (am) marks.push({ i: am[0], j: am[1], style: "argmax" });
    const window = cells.map((c) => ({ pad: c.pad, value: c.pad ? 0 : valueAt(input, f.plane, c.i, c.j) }));
    let text = formulaText(
      axes.trace,
      window,
      valueAt(output, f.plane, f.i, f.j),
      divisorOf(axes.trace, f.i, f.j, outW),
      ctx.say,
    );
    if (am) text += ctx.say("argmaxAt", { cell: `${am[0]}, ${am[1]}` });
    return { input: marks, text };
  };

  const selection = new Selection((focus, pinned) => {
    const inMarks: Mark[][] = ins.map(() => (showCoverage ? [...covMarks] : []));
    const outMarks: Mark[][] = outs.map(() => []);
    let formula = "";
    let read = ctx.say("hintPooling");
    if (focus?.role === "output") {
      const d = describeOutput(focus);
      inMarks[focus.plane].push(...d.input);
      outMarks[focus.plane].push({ i: focus.i, j: focus.j, style: "cursor" });
      formula = d.text;
      read = ctx.say("readOutput", { cell: cellReadout(output, focus.plane, focus.i, focus.j, ctx.say) });
    } else if (focus?.role === "input") {
      const linked = outputsContaining(axes, focus.i, focus.j);
      for (const [oi, oj] of linked) outMarks[focus.plane].push({ i: oi, j: oj, style: "linked" });
      inMarks[focus.plane].push({ i: focus.i, j: focus.j, style: "cursor" });
      read = ctx.say("readInput", { cell: cellReadout(input, focus.plane, focus.i, focus.j, ctx.say) });
      formula =
        linked.length === 0
          ? ctx.say("noOutputReads")
          : ctx.say(linked.length > 1 ? "readByMany" : "readByOne", {
              count: linked.length,
              cells: linked.map(([i, j]) => `(${i}, ${j})`).join(", "),
            });
    }
    showSelection({ ins, outs, inMarks, outMarks }, focus, pinned, { read, formula }, ctx);
  });

  const covButton = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-coverage");
  covButton.textContent = ctx.say("coverage");
  covButton.title = ctx.say("coverageTitle");
  covButton.setAttribute("aria-pressed", "false");
  const covLine = el("div", "jp-PoolscopeTensor-coverageLine");
  covLine.hidden = true;
  covLine.textContent = coverageSummary(cov, ctx.say);
  covButton.addEventListener("click", () => {
    showCoverage = !showCoverage;
    covButton.setAttribute("aria-pressed", String(showCoverage));
    covLine.hidden = !showCoverage;
    selection.hover(selection.hovered);
  });
  const sweep = sweepControls(
    outH * outW,
    (k) => {
      const plane = selection.pinned?.plane ?? 0;
      selection.hovered = null;
      selection.pin({ role: "output", plane, i: Math.floor(k / outW), j: k % outW });
    },
    ctx.say,
  );
  ctx.toolbar.append(covButton, ...sweep.nodes);

  const node = el("div", "jp-PoolscopeTensor-pooling");
  node.append(grid, covLine);
  return finishView(
    selection,
    [
      { role: "input", planes: ins },
      { role: "output", planes: outs },
    ],
    {
      node,
      legend: pairLegend(scales, ctx.say),
      sizeOf: (role) => (role === "input" ? [ins[0].spec.h, ins[0].spec.w] : [outH, outW]),
      dispose: () => sweep.stop(),
    },
  );
}
