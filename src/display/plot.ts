/**
 * `plot(...)`: a line, bar or scatter chart from a cell, as a Vega-Lite spec that JupyterLab's own Vega renderer
 * draws; nothing here draws. The spec builder is pure (no Node module), so a browser kernel can use it as it is;
 * display/index.ts turns a Plot into its bundle (spec, an SVG made in the kernel by vega itself, a text line).
 */
import { say } from "../core/messages.js";
import { ParameterError, formatValue } from "../core/errors.js";
import { Tensor } from "../core/tensor.js";

/** The Vega-Lite MIME type JupyterLab 4.6 renders (its vega5-extension bundles vega-lite 5.6.1). */
export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";

export type PlotKind = "line" | "bar" | "scatter";
export type PlotScale = "linear" | "log";
/** Values of one axis: numbers, or a 1-d tensor. */
export type PlotValues = readonly number[] | Float32Array | Float64Array | Tensor;

export interface PlotSeries {
  y: PlotValues;
  /** The legend's name for this series; "series 1", "series 2", … when left out. */
  label?: string;
}

export interface PlotOptions {
  /** x positions shared by every series: numbers, a 1-d tensor, or string labels (categories); 0, 1, 2, … by default. */
  x?: PlotValues | readonly string[];
  /** One series of values (or give `series` for several). */
  y?: PlotValues;
  /** Several series over the same x, each with its legend label. */
  series?: readonly PlotSeries[];
  /** "line" (the default), "bar" (x as categories; several series side by side) or "scatter". */
  kind?: PlotKind;
  /** A title above the plot. */
  title?: string;
  /** The x axis's title ("x" by default). */
  xTitle?: string;
  /** The y axis's title ("y" by default). */
  yTitle?: string;
  /** "log" for a logarithmic axis (every value on it must be > 0); "linear" by default. */
  xScale?: PlotScale;
  yScale?: PlotScale;
  /** Size of the plotting area in CSS px (400 × 240 by default). */
  width?: number;
  height?: number;
}

/** A Vega-Lite spec as JSON (only what plot writes is typed). */
export type VegaLiteSpec = Record<string, unknown>;

/** Points a plot may hold: its spec travels in the notebook and its SVG is drawn in the kernel, point by point. */
export const PLOT_POINT_LIMIT = 10_000;

const KINDS: readonly PlotKind[] = ["line", "bar", "scatter"];
const SCALES: readonly PlotScale[] = ["linear", "log"];
const OPTION_NAMES = new Set([
  "x",
  "y",
  "series",
  "kind",
  "title",
  "xTitle",
  "yTitle",
  "xScale",
  "yScale",
  "width",
  "height",
]);
/** Below this many points a line also marks each point, so a short curve shows where its values are. */
const LINE_POINTS_MAX = 50;

/** A plot: its Vega-Lite spec and a text line. Shown as a cell's value (or with display()), JupyterLab draws it. */
export class Plot {
  constructor(
    readonly spec: VegaLiteSpec,
    readonly text: string,
  ) {}

  toString(): string {
    return this.text;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.text;
  }
}

interface Row {
  x: number | string;
  y: number;
  series?: string;
}

/**
 * A line, bar or scatter plot: `plot({ x, y, kind: "bar" })`, or several series with
 * `plot({ x, series: [{ y: a, label: "max" }, { y: b, label: "avg" }] })`. Axes take `title`, `xTitle`, `yTitle`,
 * and `xScale` / `yScale: "log"`; bars take string labels as x. Impossible input (lengths that differ, no values,
 * NaN, a log axis over values ≤ 0, an unknown option) throws a ParameterError naming plot, the option and the values.
 */
export function plot(options: PlotOptions): Plot {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new ParameterError("plot", "options", options, "must be an object such as { x, y, kind }");
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.has(key)) {
      const value = (options as Record<string, unknown>)[key];
      throw new ParameterError("plot", key, value, `is not an option (options: ${[...OPTION_NAMES].join(", ")})`);
    }
  }
  const kind = options.kind ?? "line";
  if (!KINDS.includes(kind)) throw new ParameterError("plot", "kind", kind, `must be one of ${KINDS.join(", ")}`);
  const xScale = scaleOption("xScale", options.xScale);
  const yScale = scaleOption("yScale", options.yScale);
  const title = textOption("title", options.title);
  const xTitle = textOption("xTitle", options.xTitle);
  const yTitle = textOption("yTitle", options.yTitle);
  const width = sizeOption("width", options.width, 400);
  const height = sizeOption("height", options.height, 240);

  const series = seriesOf(options);
  const n = series[0].y.length;
  series.forEach((s, k) => {
    if (s.y.length !== n) {
      throw new ParameterError(
        "plot",
        options.series ? `series[${k}].y` : "y",
        s.y.length,
        `must have as many values as series[0].y (${n})`,
      );
    }
  });
  const x = xValues(options.x, n);
  const categorical = typeof x[0] === "string" || kind === "bar";
  if (kind === "bar" && xScale === "log") {
    throw new ParameterError("plot", "xScale", xScale, 'cannot be "log" for bars: their x are categories');
  }
  if (typeof x[0] === "string" && xScale === "log") {
    throw new ParameterError("plot", "xScale", xScale, 'cannot be "log" for string labels');
  }
  if (xScale === "log") positive("x", x as number[]);
  if (yScale === "log") series.forEach((s, k) => positive(options.series ? `series[${k}].y` : "y", s.y));
  if (n * series.length > PLOT_POINT_LIMIT) {
    throw new ParameterError(
      "plot",
      options.series ? "series" : "y",
      n * series.length,
      `holds too many points (at most ${PLOT_POINT_LIMIT}; sample the data first)`,
    );
  }

  const legend = options.series !== undefined;
  const rows: Row[] = [];
  for (const s of series) {
    for (let i = 0; i < n; i++) rows.push(legend ? { x: x[i], y: s.y[i], series: s.label } : { x: x[i], y: s.y[i] });
  }

  const scale = (type: PlotScale, zero: boolean): Record<string, unknown> =>
    type === "log" ? { type: "log" } : zero ? {} : { zero: false };
  const encoding: Record<string, unknown> = {
    // sort: null keeps the order given, so categories read as listed, not alphabetically
    x: categorical
      ? { field: "x", type: "ordinal", sort: null, title: xTitle ?? "x", axis: { labelAngle: 0 } }
      : {
          field: "x",
          type: "quantitative",
          title: xTitle ?? "x",
          scale: scale(xScale, false),
          // whole-number x (pool sizes, layers, epochs) get whole-number ticks, not 1.5 and 2.5
          ...((x as number[]).every(Number.isInteger) ? { axis: { tickMinStep: 1 } } : {}),
        },
    // bars start at zero (their length is the value); lines and points span their data, as matplotlib does
    y: { field: "y", type: "quantitative", title: yTitle ?? "y", scale: scale(yScale, kind === "bar") },
  };
  if (legend) {
    encoding.color = { field: "series", type: "nominal", sort: null, title: null };
    if (kind === "bar") encoding.xOffset = { field: "series", type: "nominal", sort: null };
  }
  const mark =
    kind === "line"
      ? { type: "line", point: n <= LINE_POINTS_MAX, tooltip: true }
      : kind === "bar"
        ? { type: "bar", tooltip: true }
        : { type: "point", filled: true, tooltip: true };
  const spec: VegaLiteSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    ...(title !== undefined ? { title } : {}),
    width,
    height,
    data: { values: rows },
    mark,
    encoding,
    // JupyterLab's renderer (vega-embed) reads these: SVG, as the kernel's fallback is, stays sharp when zoomed
    // and keeps its marks and text in the page (selectable, and checkable by the browser tests)
    usermeta: { embedOptions: { renderer: "svg" } },
  };
  return new Plot(spec, plotText(kind, title, series, x, xTitle, yTitle, legend));
}

function scaleOption(name: string, value: PlotScale | undefined): PlotScale {
  if (value === undefined) return "linear";
  if (!SCALES.includes(value)) throw new ParameterError("plot", name, value, `must be one of ${SCALES.join(", ")}`);
  return value;
}

function textOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && typeof value !== "string")
    throw new ParameterError("plot", name, value, "must be a string");
  return value;
}

function sizeOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 20 || value > 2000) {
    throw new ParameterError("plot", name, value, "must be a number of CSS px from 20 to 2000");
  }
  return value;
}

interface Series {
  y: number[];
  label: string;
}

function seriesOf(options: PlotOptions): Series[] {
  if (options.y !== undefined && options.series !== undefined) {
    throw new ParameterError(
      "plot",
      "series",
      "y and series",
      "cannot be given with y: pass one series as y, or all in series",
    );
  }
  if (options.series === undefined) {
    if (options.y === undefined) throw new ParameterError("plot", "y", undefined, "is missing: pass y (or series)");
    return [{ y: numbers("y", options.y), label: "y" }];
  }
  const list = options.series;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ParameterError("plot", "series", list, "must be a non-empty array of { y, label }");
  }
  const seen = new Set<string>();
  return list.map((s: PlotSeries, k) => {
    if (s === null || typeof s !== "object" || s.y === undefined) {
      throw new ParameterError("plot", `series[${k}]`, s, "must be an object { y, label }");
    }
    const label = s.label ?? `series ${k + 1}`;
    if (typeof label !== "string") throw new ParameterError("plot", `series[${k}].label`, label, "must be a string");
    if (seen.has(label)) throw new ParameterError("plot", `series[${k}].label`, label, "is used by an earlier series");
    seen.add(label);
    return { y: numbers(`series[${k}].y`, s.y), label };
  });
}

/** The values of one axis as plain numbers, each finite. */
function numbers(name: string, values: PlotValues): number[] {
  let list: number[];
  if (values instanceof Tensor) {
    if (values.rank !== 1) {
      throw new ParameterError("plot", name, values.shape, "must be a 1-d tensor (flatten or select it first)");
    }
    list = Array.from(values.data, shortestFloat32);
  } else if (values instanceof Float32Array) {
    list = Array.from(values, shortestFloat32);
  } else if (Array.isArray(values) || values instanceof Float64Array) {
    list = Array.from(values as ArrayLike<number>);
  } else {
    throw new ParameterError("plot", name, values, "must be an array of numbers or a 1-d tensor");
  }
  if (list.length === 0) throw new ParameterError("plot", name, [], "must hold at least one value");
  const bad = list.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
  if (bad >= 0) {
    throw new ParameterError("plot", name, list[bad], `must hold finite numbers only (at index ${bad})`);
  }
  return list;
}

/**
 * A float32 value as the shortest decimal that reads back as the same float32: a tensor's 0.3 is stored as
 * 0.30000001192092896, which the spec, the tooltips and the SVG's labels would otherwise print.
 */
function shortestFloat32(v: number): number {
  if (!Number.isFinite(v)) return v;
  for (let digits = 1; digits < 9; digits++) {
    const short = Number(v.toPrecision(digits));
    if (Math.fround(short) === v) return short;
  }
  return v;
}

function xValues(x: PlotOptions["x"], n: number): (number | string)[] {
  if (x === undefined) return Array.from({ length: n }, (_, i) => i);
  let list: (number | string)[];
  if (Array.isArray(x) && x.length > 0 && x.every((v) => typeof v === "string")) {
    list = [...(x as string[])];
    const dup = list.findIndex((v, i) => list.indexOf(v) !== i);
    if (dup >= 0)
      throw new ParameterError("plot", "x", list[dup], "holds this label twice; category labels must differ");
  } else {
    list = numbers("x", x as PlotValues);
  }
  if (list.length !== n) throw new ParameterError("plot", "x", list.length, `must have as many values as y (${n})`);
  return list;
}

function positive(name: string, values: readonly number[]): void {
  const bad = values.filter((v) => v <= 0);
  if (bad.length > 0) {
    throw new ParameterError("plot", name, bad.slice(0, 5), 'must be > 0 on a "log" axis; these are not');
  }
}

function range(values: readonly number[]): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const f = (v: number) => Number(v.toPrecision(4));
  return `[${f(lo)}, ${f(hi)}]`;
}

/** One line that says what the plot shows, for front ends with neither Vega nor SVG. */
function plotText(
  kind: PlotKind,
  title: string | undefined,
  series: Series[],
  x: (number | string)[],
  xTitle: string | undefined,
  yTitle: string | undefined,
  legend: boolean,
): string {
  const head = `plot(${kind})${title !== undefined ? ` ${JSON.stringify(title)}` : ""}`;
  const count = legend
    ? say("plotSeries", { count: series.length, labels: series.map((s) => s.label).join(", "), points: x.length })
    : say("plotPoints", { points: x.length });
  const xs =
    typeof x[0] === "string" ? `${formatValue(x.length > 6 ? [...x.slice(0, 6), "…"] : x)}` : range(x as number[]);
  const ys = range(series.flatMap((s) => s.y));
  return `${head}: ${count}; ${xTitle ?? "x"} ${xs}, ${yTitle ?? "y"} ${ys}`;
}
