// The SVG fallback drawn in the kernel (display/plotSvg.ts through a Plot's display bundle). This file imports
// nothing of vega itself, so it can check that vega stays out of the thread that imports poolscope.
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { JUPYTER_DISPLAY, plot, VEGALITE_MIME, type PlotBundle } from "../../../src/index.js";
import { plotSvg } from "../../../src/display/plotSvg.js";

describe("plot bundle", () => {
  it("carries the Vega-Lite spec, an SVG vega drew in the kernel and the text line", () => {
    const p = plot({
      x: [1, 2, 3],
      series: [
        { y: [3, 2, 1], label: "max" },
        { y: [2, 2, 2], label: "avg" },
      ],
      xTitle: "pool size",
      yTitle: "error",
      title: "invariance",
    });
    const b: PlotBundle = p[JUPYTER_DISPLAY]();
    expect(Object.keys(b)).toEqual([VEGALITE_MIME, "image/svg+xml", "text/plain"]);
    expect(b[VEGALITE_MIME]).toBe(p.spec);
    expect(b["text/plain"]).toBe(p.text);
    const svg = b["image/svg+xml"]!;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    // the titles and legend labels are text in the SVG
    for (const text of ["invariance", "pool size", "error", "max", "avg"]) expect(svg).toContain(`>${text}</text>`);
    // one line per series, and a point at each of the six values, labelled with its value
    expect(svg.match(/aria-roledescription="line mark container"/g)).toHaveLength(2);
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(6);
    expect(svg).toContain('aria-label="pool size: 3; error: 1; series: max"');
    // a typical plot's fallback stays small (it is saved in the notebook beside the spec)
    expect(svg.length).toBeLessThan(20_000);
    // drawn once: a second display reuses it
    expect(p[JUPYTER_DISPLAY]()).toBe(b);
  });

  it("draws bars over categories and a log axis", () => {
    const bars = plot({ x: ["conv1", "conv2", "fc"], y: [10, 20, 5], kind: "bar", yTitle: "params" })[
      JUPYTER_DISPLAY
    ]();
    const svg = bars["image/svg+xml"]!;
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(3);
    for (const text of ["conv1", "conv2", "fc", "params"]) expect(svg).toContain(`>${text}</text>`);
    const log = plot({ x: [1, 10, 100], y: [1, 10, 1000], yScale: "log" })[JUPYTER_DISPLAY]()["image/svg+xml"]!;
    expect(log).toContain("for a log scale");
  });

  it("leaves out an SVG past its byte budget and says so; the spec still travels", () => {
    // 6,000 scatter points: a path each, ~1.5 MB of SVG
    const p = plot({
      x: Array.from({ length: 6000 }, (_, i) => i),
      y: Array.from({ length: 6000 }, (_, i) => i % 7),
      kind: "scatter",
    });
    const b = p[JUPYTER_DISPLAY]();
    expect(Object.keys(b)).toEqual([VEGALITE_MIME, "text/plain"]);
    expect(b["text/plain"].startsWith(`${p.text}\n(no SVG fallback: plot: the SVG would take `)).toBe(true);
    expect(b["text/plain"]).toMatch(/ 1\.\d MiB, over the 1 MiB a fallback may; fewer points would fit\)$/);
  });

  it("says what vega could not draw, and draws the next plot", () => {
    expect(() => plotSvg({ mark: "sparkle", data: { values: [] } })).toThrow(/^plot: vega could not draw the SVG: ./);
    expect(plotSvg(plot({ y: [1, 2] }).spec)).toMatch(/^<svg /);
  });

  it("does not load vega into the thread that imports poolscope", () => {
    const cache = createRequire(import.meta.url).cache;
    expect(Object.keys(cache).filter((k) => /node_modules\/vega(-lite)?\//.test(k))).toEqual([]);
  });
});
