import { describe, expect, it } from "vitest";
import * as vl from "vega-lite";
import { plot, Plot, PLOT_POINT_LIMIT, ParameterError, tensor, VEGALITE_MIME } from "../../../src/index.js";

type Spec = {
  title?: string;
  mark: { type: string; point?: boolean };
  data: { values: { x: number | string; y: number; series?: string }[] };
  encoding: Record<string, { field: string; type: string; title?: string | null; scale?: object; sort?: null }>;
};
const specOf = (p: Plot) => p.spec as unknown as Spec;

/** Compiles the spec with the vega-lite JupyterLab renders with; its warnings (e.g. an unknown channel) are failures. */
function compiles(p: Plot): string[] {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...m: unknown[]) => (warnings.push(m.join(" ")), logger),
    info: () => logger,
    debug: () => logger,
    error: (...m: unknown[]) => (warnings.push(m.join(" ")), logger),
  };
  vl.compile(p.spec as unknown as vl.TopLevelSpec, { logger: logger as never });
  return warnings;
}

describe("plot spec", () => {
  it("draws one line over x, with axis titles, points on a short line and no legend", () => {
    const p = plot({ x: [1, 2, 3], y: [0.5, 0.25, 0.125], title: "error", xTitle: "pool size", yTitle: "error" });
    const s = specOf(p);
    expect(s.mark).toEqual({ type: "line", point: true, tooltip: true });
    expect(s.title).toBe("error");
    expect(s.data.values).toEqual([
      { x: 1, y: 0.5 },
      { x: 2, y: 0.25 },
      { x: 3, y: 0.125 },
    ]);
    expect(s.encoding.x).toMatchObject({
      field: "x",
      type: "quantitative",
      title: "pool size",
      scale: { zero: false },
    });
    expect(s.encoding.y).toMatchObject({ field: "y", type: "quantitative", title: "error", scale: { zero: false } });
    expect(s.encoding.color).toBeUndefined();
    expect(p.text).toBe('plot(line) "error": 3 points; pool size [1, 3], error [0.125, 0.5]');
    expect(String(p)).toBe(p.text);
    expect(compiles(p)).toEqual([]);
  });

  it("takes x as 0, 1, 2, … when left out, and 1-d tensors for x and y", () => {
    expect(specOf(plot({ y: [4, 5] })).data.values).toEqual([
      { x: 0, y: 4 },
      { x: 1, y: 5 },
    ]);
    const s = specOf(plot({ x: tensor([0.5, 1]), y: tensor([2, 3]), kind: "scatter" }));
    expect(s.data.values).toEqual([
      { x: 0.5, y: 2 },
      { x: 1, y: 3 },
    ]);
    expect(s.mark).toEqual({ type: "point", filled: true, tooltip: true });
  });

  it("writes a float32 value as the shortest decimal that is the same float32, not its float64 digits", () => {
    const s = specOf(plot({ x: new Float32Array([0.1, 1e-7]), y: tensor([0.3, 1 / 3]) }));
    expect(s.data.values).toEqual([
      { x: 0.1, y: 0.3 },
      { x: 1e-7, y: 0.33333334 },
    ]);
    // plain numbers are kept as given
    expect(specOf(plot({ y: [0.30000001192092896] })).data.values[0].y).toBe(0.30000001192092896);
  });

  it("draws several series in one colour each, in the order given, with a legend", () => {
    const p = plot({
      x: [1, 2],
      series: [
        { y: [1, 2], label: "max" },
        { y: [3, 4], label: "avg" },
      ],
    });
    const s = specOf(p);
    expect(s.data.values).toEqual([
      { x: 1, y: 1, series: "max" },
      { x: 2, y: 2, series: "max" },
      { x: 1, y: 3, series: "avg" },
      { x: 2, y: 4, series: "avg" },
    ]);
    expect(s.encoding.color).toEqual({ field: "series", type: "nominal", sort: null, title: null });
    expect(p.text).toBe("plot(line): 2 series (max, avg) × 2 points; x [1, 2], y [1, 4]");
    // unlabelled series are numbered
    expect(specOf(plot({ series: [{ y: [1] }, { y: [2] }] })).data.values.map((r) => r.series)).toEqual([
      "series 1",
      "series 2",
    ]);
    expect(compiles(p)).toEqual([]);
  });

  it("draws bars over categories, in the order given, from zero; several series side by side", () => {
    const p = plot({
      x: ["conv1", "conv2", "fc"],
      series: [
        { y: [10, 20, 5], label: "params" },
        { y: [1, 2, 3], label: "flops" },
      ],
      kind: "bar",
    });
    const s = specOf(p);
    expect(s.mark.type).toBe("bar");
    expect(s.encoding.x).toMatchObject({ field: "x", type: "ordinal", sort: null });
    expect(s.encoding.y.scale).toEqual({});
    expect(s.encoding.xOffset).toEqual({ field: "series", type: "nominal", sort: null });
    expect(p.text).toBe('plot(bar): 2 series (params, flops) × 3 points; x ["conv1", "conv2", "fc"], y [1, 20]');
    expect(compiles(p)).toEqual([]);
    // numbers as bar labels are categories too
    expect(specOf(plot({ x: [2, 4, 8], y: [1, 2, 3], kind: "bar" })).encoding.x.type).toBe("ordinal");
  });

  it("puts an axis on a log scale", () => {
    const s = specOf(plot({ x: [1, 10, 100], y: [1, 2, 3], xScale: "log", yScale: "log" }));
    expect(s.encoding.x.scale).toEqual({ type: "log" });
    expect(s.encoding.y.scale).toEqual({ type: "log" });
  });

  it("asks JupyterLab's Vega renderer for SVG, at the size given", () => {
    const spec = plot({ y: [1, 2], width: 300, height: 100 }).spec;
    expect(spec.usermeta).toEqual({ embedOptions: { renderer: "svg" } });
    expect([spec.width, spec.height]).toEqual([300, 100]);
    expect(VEGALITE_MIME).toBe("application/vnd.vegalite.v5+json");
  });
});

describe("plot errors name plot, the argument and the values", () => {
  const cases: [string, () => unknown, string][] = [
    ["lengths differ", () => plot({ x: [1, 2, 3], y: [1, 2] }), "plot: x must have as many values as y (2), got 3"],
    [
      "series lengths differ",
      () => plot({ series: [{ y: [1, 2] }, { y: [1] }] }),
      "plot: series[1].y must have as many values as series[0].y (2), got 1",
    ],
    ["empty", () => plot({ y: [] }), "plot: y must hold at least one value, got []"],
    ["NaN", () => plot({ y: [1, NaN, 3] }), "plot: y must hold finite numbers only (at index 1), got NaN"],
    [
      "Infinity in x",
      () => plot({ x: [0, Infinity], y: [1, 2] }),
      "x must hold finite numbers only (at index 1), got Infinity",
    ],
    [
      "log of ≤ 0",
      () => plot({ y: [1, 0, -2], yScale: "log" }),
      'plot: y must be > 0 on a "log" axis; these are not, got [0, -2]',
    ],
    ["log of x ≤ 0", () => plot({ x: [0, 1], y: [1, 2], xScale: "log" }), 'plot: x must be > 0 on a "log" axis'],
    ["log x of bars", () => plot({ y: [1], kind: "bar", xScale: "log" }), 'plot: xScale cannot be "log" for bars'],
    ["log x of labels", () => plot({ x: ["a"], y: [1], xScale: "log" }), 'xScale cannot be "log" for string labels'],
    [
      "unknown kind",
      () => plot({ y: [1], kind: "pie" as "bar" }),
      'plot: kind must be one of line, bar, scatter, got "pie"',
    ],
    [
      "unknown scale",
      () => plot({ y: [1], yScale: "sqrt" as "log" }),
      'plot: yScale must be one of linear, log, got "sqrt"',
    ],
    [
      "unknown option",
      () => plot({ y: [1], xtitle: "a" } as never),
      "plot: xtitle is not an option (options: x, y, series",
    ],
    ["no y", () => plot({ x: [1] }), "plot: y is missing: pass y (or series)"],
    ["y and series", () => plot({ y: [1], series: [{ y: [1] }] }), "plot: series cannot be given with y"],
    ["empty series", () => plot({ series: [] }), "plot: series must be a non-empty array of { y, label }, got []"],
    [
      "a label twice",
      () =>
        plot({
          series: [
            { y: [1], label: "a" },
            { y: [2], label: "a" },
          ],
        }),
      'plot: series[1].label is used by an earlier series, got "a"',
    ],
    [
      "a category twice",
      () => plot({ x: ["a", "a"], y: [1, 2], kind: "bar" }),
      'plot: x holds this label twice; category labels must differ, got "a"',
    ],
    [
      "2-d tensor",
      () => plot({ y: tensor([[1, 2]]) }),
      "plot: y must be a 1-d tensor (flatten or select it first), got [1, 2]",
    ],
    ["not numbers", () => plot({ y: "12" as never }), 'plot: y must be an array of numbers or a 1-d tensor, got "12"'],
    ["strings as y", () => plot({ y: ["1"] as never }), 'plot: y must hold finite numbers only (at index 0), got "1"'],
    ["bad width", () => plot({ y: [1], width: 0 }), "plot: width must be a number of CSS px from 20 to 2000, got 0"],
    ["bad title", () => plot({ y: [1], title: 3 as never }), "plot: title must be a string, got 3"],
    [
      "no options",
      () => plot(undefined as never),
      "plot: options must be an object such as { x, y, kind }, got undefined",
    ],
    [
      "too many points",
      () => plot({ y: new Float32Array(PLOT_POINT_LIMIT + 1) }),
      `plot: y holds too many points (at most ${PLOT_POINT_LIMIT}; sample the data first), got ${PLOT_POINT_LIMIT + 1}`,
    ],
  ];
  for (const [name, call, message] of cases) {
    it(name, () => {
      expect(call).toThrow(ParameterError);
      expect(call).toThrow(message);
    });
  }
});
