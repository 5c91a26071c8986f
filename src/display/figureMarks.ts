/**
 * What the PNG fallback draws over a traced result, so GitHub and nbviewer show pooling's geometry too: one
 * representative window (output (0, 0)'s, on the first input plane; for 1-d, on its first row) outlined, the input cell the op recorded
 * as its max, and the output cell it made; for SPP, every bin of the finest level; for RoI pooling, every
 * region's box labelled with its name or index (as the renderer labels them), region 0's bins and its first
 * bin's argmax; for 3-d pooling, the window on each depth slice it reaches; for max
 * unpooling, input (0, 0)'s window on the unpooled map and where its value went. Read from the trace only.
 */
import { axisInSize, axisOutSize, windowExtent } from "../geometry/window.js";
import { unpoolAsWindow, type PoolTrace } from "../wire/traceTypes.js";

export interface FigureMark {
  /** Plane index in grid order. */
  plane: number;
  /** Top-left cell and size in cells (may reach into padding; drawing clips to the plane). */
  i: number;
  j: number;
  h: number;
  w: number;
  /** "window": an outline; "argmax": a dot in the cell; "cell": an outlined output cell; "region": a RoI box. */
  kind: "window" | "argmax" | "cell" | "region";
  /** A label at the mark's top-left corner (a region's name or index). */
  text?: string;
}

export interface TraceFigureMarks {
  input: FigureMark[];
  output: FigureMark[];
}

export function traceFigureMarks(trace: PoolTrace): TraceFigureMarks {
  const none: TraceFigureMarks = { input: [], output: [] };
  if (trace.channels !== "first") return none;
  if (trace.kind === "unpool") {
    // the inverted pooling's marks with the sides swapped: input 0's window and target on the unpooled map
    const m = traceFigureMarks(unpoolAsWindow(trace));
    return { input: m.output, output: m.input };
  }
  if (trace.kind === "window" && trace.axes.length === 1) {
    // a 1-d (N, C, L) tensor is drawn as C×L planes: the window lies on row (channel) 0 of plane 0
    const [cols] = trace.axes;
    if (axisOutSize(cols) === 0) return none;
    const c = windowExtent(cols, 0);
    const input: FigureMark[] = [{ plane: 0, i: 0, j: c.start, h: 1, w: c.end - c.start, kind: "window" }];
    const a = trace.argmax?.[0];
    if (a !== undefined && a >= 0) input.push({ plane: 0, i: 0, j: a, h: 1, w: 1, kind: "argmax" });
    return { input, output: [{ plane: 0, i: 0, j: 0, h: 1, w: 1, kind: "cell" }] };
  }
  if (trace.kind === "window" && trace.axes.length === 3) {
    // (N, C, D, H, W) is drawn as N×(C·D) planes, so depth slice d of sample 0, channel 0 is plane d: the
    // window is outlined on every slice it reaches (slices in the depth padding have no plane)
    const [depth, rows, cols] = trace.axes;
    if (axisOutSize(depth) === 0 || axisOutSize(rows) === 0 || axisOutSize(cols) === 0) return none;
    const d = windowExtent(depth, 0);
    const r = windowExtent(rows, 0);
    const c = windowExtent(cols, 0);
    const input: FigureMark[] = [];
    for (let k = Math.max(d.start, 0); k < Math.min(d.end, axisInSize(depth)); k++)
      input.push({ plane: k, i: r.start, j: c.start, h: r.end - r.start, w: c.end - c.start, kind: "window" });
    const a = trace.argmax?.[0];
    const h = axisInSize(rows);
    const w = axisInSize(cols);
    if (a !== undefined && a >= 0 && h > 0 && w > 0)
      input.push({ plane: Math.floor(a / (h * w)), i: Math.floor(a / w) % h, j: a % w, h: 1, w: 1, kind: "argmax" });
    return { input, output: [{ plane: 0, i: 0, j: 0, h: 1, w: 1, kind: "cell" }] };
  }
  if (trace.kind === "window") {
    if (trace.axes.length !== 2) return none;
    const [rows, cols] = trace.axes;
    if (axisOutSize(rows) === 0 || axisOutSize(cols) === 0) return none;
    const r = windowExtent(rows, 0);
    const c = windowExtent(cols, 0);
    const input: FigureMark[] = [
      { plane: 0, i: r.start, j: c.start, h: r.end - r.start, w: c.end - c.start, kind: "window" },
    ];
    const a = trace.argmax?.[0];
    const width = axisInSize(cols);
    if (a !== undefined && a >= 0 && width > 0)
      input.push({ plane: 0, i: Math.floor(a / width), j: a % width, h: 1, w: 1, kind: "argmax" });
    return { input, output: [{ plane: 0, i: 0, j: 0, h: 1, w: 1, kind: "cell" }] };
  }
  if (trace.kind === "spp") {
    const finest = trace.levels.reduce<(typeof trace.levels)[number] | null>(
      (best, lv) => (!best || lv.bins[0] * lv.bins[1] > best.bins[0] * best.bins[1] ? lv : best),
      null,
    );
    if (!finest || finest.axes.length !== 2) return none;
    const [rows, cols] = finest.axes;
    const input: FigureMark[] = [];
    for (let bi = 0; bi < axisOutSize(rows); bi++) {
      const r = windowExtent(rows, bi);
      for (let bj = 0; bj < axisOutSize(cols); bj++) {
        const c = windowExtent(cols, bj);
        input.push({ plane: 0, i: r.start, j: c.start, h: r.end - r.start, w: c.end - c.start, kind: "window" });
      }
    }
    const a = finest.argmax?.[0];
    const width = axisInSize(cols);
    if (a !== undefined && a >= 0 && width > 0)
      input.push({ plane: 0, i: Math.floor(a / width), j: a % width, h: 1, w: 1, kind: "argmax" });
    return { input, output: [{ plane: 0, i: 0, j: finest.offset, h: 1, w: 1, kind: "cell" }] };
  }
  if (trace.kind === "roi") {
    // every region's box on its sample's channel-0 plane, labelled; region 0's bins and its first bin's argmax
    const region = trace.regions[0];
    const [, channels, , width] = trace.inputShape;
    if (!region || region.axes.length !== 2 || !(width > 0)) return none;
    const plane = region.batchIndex * channels;
    const [rows, cols] = region.axes;
    const input: FigureMark[] = [];
    trace.regions.forEach((reg, k) => {
      const span = reg.edges ?? reg.rect;
      if (!span) return;
      // RoIAlign's continuous edges: the cells they reach
      const [[r0, r1], [c0, c1]] = span.map(([a, b]) => [Math.floor(a), Math.ceil(b)]);
      const text = trace.names?.[k] ?? String(k);
      input.push({ plane: reg.batchIndex * channels, i: r0, j: c0, h: r1 - r0, w: c1 - c0, kind: "region", text });
    });
    for (let bi = 0; bi < axisOutSize(rows); bi++) {
      const r = windowExtent(rows, bi);
      for (let bj = 0; bj < axisOutSize(cols); bj++) {
        const c = windowExtent(cols, bj);
        if (r.end > r.start && c.end > c.start)
          input.push({ plane, i: r.start, j: c.start, h: r.end - r.start, w: c.end - c.start, kind: "window" });
      }
    }
    const a = trace.argmax?.[0];
    if (a !== undefined && a >= 0)
      input.push({ plane, i: Math.floor(a / width), j: a % width, h: 1, w: 1, kind: "argmax" });
    return { input, output: [{ plane: 0, i: 0, j: 0, h: 1, w: 1, kind: "cell" }] };
  }
  return none;
}
