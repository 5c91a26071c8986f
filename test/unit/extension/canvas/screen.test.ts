import { describe, expect, it } from "vitest";
import {
  approxReadoutText,
  blockReadoutText,
  framedSize,
  hitCell,
  legendTicks,
  planeLabel,
  readoutText,
  revealScroll,
  SCROLLBAR_PX,
  statsText,
  stripCross,
  valueText,
  zoomFor,
} from "../../../../extension/src/canvas/screen.js";
import { sayer } from "../../../../extension/src/words/messages.js";
import {
  formatNumber,
  gridLayout,
  MIN_CELL_PX,
  parseTensorPayload,
  TENSOR_MIME,
  type TensorPayload,
} from "poolscope/wire";
import { JUPYTER_DISPLAY, maxPool2d, tensor } from "../../../../src/index.js";

describe("renderer geometry", () => {
  it("zooms small planes by whole pixels, cells never under 12 px however long the plane", () => {
    expect(zoomFor(4, 4)).toBe(32);
    expect(zoomFor(16, 10)).toBe(16);
    expect(MIN_CELL_PX).toBe(12);
    // a 40×1 strip: 6 px by the 256-px budget, 12 by the size rule
    expect(zoomFor(40, 1)).toBe(12);
    expect(zoomFor(32, 32)).toBe(12);
    expect(zoomFor(48, 48)).toBe(12);
    // past 48 cells too (tutorial 02's 89×89 input was drawn at 6 px a cell): the plane scrolls instead
    expect(zoomFor(49, 49)).toBe(12);
    expect(zoomFor(89, 89)).toBe(12);
    expect(zoomFor(224, 224)).toBe(12);
    expect(zoomFor(2000, 3)).toBe(12);
    // never finer than the plane it is linked to
    expect(zoomFor(8, 8, 96, 16)).toBe(16);
  });

  it("frames a stage larger than 576 px a side, with room for the scroll bar of the other side", () => {
    expect(framedSize(576, 576)).toBeNull();
    expect(framedSize(100, 40)).toBeNull();
    expect(framedSize(1068, 1068)).toEqual({ w: 576 + SCROLLBAR_PX, h: 576 + SCROLLBAR_PX });
    // only one side scrolls: the other keeps its length, plus the bar's room
    expect(framedSize(1068, 120)).toEqual({ w: 576, h: 120 + SCROLLBAR_PX });
    expect(framedSize(36, 2688)).toEqual({ w: 36 + SCROLLBAR_PX, h: 576 });
  });

  it("scrolls as little as brings the lit cells into view, with a cell of context", () => {
    const view = { x: 0, y: 0, w: 576, h: 576 };
    // in view already: no move
    expect(revealScroll({ x: 100, y: 100, w: 132, h: 132 }, view)).toEqual({ left: 0, top: 0 });
    // tutorial 02's last window (rows and columns 77…88 of 89 at 12 px): its far edge lands a cell inside the view
    expect(revealScroll({ x: 924, y: 924, w: 144, h: 144 }, view)).toEqual({ left: 504, top: 504 });
    // back up: its near edge a cell inside
    expect(revealScroll({ x: 24, y: 0, w: 12, h: 12 }, { x: 500, y: 300, w: 576, h: 576 })).toEqual({
      left: 12,
      top: 0,
    });
    // larger than the view: its top-left part; unless it fills the view already (a long row scrolled along)
    expect(revealScroll({ x: 600, y: 600, w: 1000, h: 1000 }, view)).toEqual({ left: 600, top: 600 });
    expect(revealScroll({ x: 0, y: 600, w: 1152, h: 12 }, { x: 300, y: 0, w: 576, h: 576 })).toEqual({
      left: 300,
      top: 48,
    });
    // nearly as large: whole, with what context is left split around it
    expect(revealScroll({ x: 600, y: 0, w: 560, h: 12 }, view).left).toBe(592);
  });

  it("widens a strip across its length, keeping its map's rows or columns", () => {
    const map = gridLayout([1, 1, 96, 96]);
    expect(stripCross(map, gridLayout([1, 1, 96, 1]))).toEqual({ cellW: 24 });
    expect(stripCross(map, gridLayout([1, 1, 1, 96]))).toEqual({ cellH: 24 });
    expect(stripCross(map, gridLayout([1, 1, 48, 48]))).toEqual({});
    expect(stripCross(gridLayout([1, 1, 4, 1]), gridLayout([1, 1, 2, 1]))).toEqual({}); // a column pooled: no strip
  });

  it("never draws a linked plane finer than the plane it is linked to", () => {
    // the 8×8 pooled plane beside the 89×89 input: its own fit (32 px), more than the input's 12
    expect(zoomFor(8, 8, 256, zoomFor(89, 89))).toBe(32);
    expect(zoomFor(4, 4, 96, 30)).toBe(30);
    expect(zoomFor(1, 20, 256, 20)).toBe(20); // a 1×20 strip beside its map at 20 px
    expect(zoomFor(32, 1, 256, 16)).toBe(16);
    // no cap: a long strip beside its map keeps the map's cells, and both scroll
    expect(zoomFor(64, 1, 256, 16)).toBe(16);
    expect(zoomFor(200, 1, 256, 12)).toBe(12);
  });

  it("finds the cell under the mouse, and nothing outside the plane", () => {
    expect(hitCell(0, 0, 8, 4, 4)).toEqual([0, 0]);
    expect(hitCell(17, 31.9, 8, 4, 4)).toEqual([3, 2]);
    expect(hitCell(32, 0, 8, 4, 4)).toBeNull();
    expect(hitCell(-1, 0, 8, 4, 4)).toBeNull();
  });

  it("reads out the full index and the value in the formulas' one format", () => {
    expect(readoutText([0, 1, 2, 3], -0.1)).toBe("[0, 1, 2, 3] = −0.1");
    // float32's 0.1 is 0.10000000149011612: the read-out prints what the formula beside it prints
    expect(valueText(Math.fround(0.1))).toBe(formatNumber(Math.fround(0.1)));
    expect(readoutText([0], 0.5022276043891907)).toBe("[0] = 0.5022");
    expect(valueText(Infinity)).toBe("+∞");
    expect(valueText(-Infinity)).toBe("−∞");
    expect(valueText(NaN)).toBe("NaN");
  });

  it("reads out a quantised value as approximate, with its error bound; NaN and ±Inf exactly", () => {
    const q = { bits: 8, lo: -1, hi: 1 }; // step 2 / 252
    expect(approxReadoutText([0, 2], Math.fround(0.123456), q)).toBe("[0, 2] ≈ 0.1235 (±0.003968: 8-bit view)");
    expect(approxReadoutText([1], Math.fround(0.123456), { ...q, bits: 16 })).toMatch(/≈ 0\.1235 \(±1\.526e−5/);
    expect(approxReadoutText([0], NaN, q)).toBe("[0] = NaN");
    expect(approxReadoutText([0], -Infinity, q)).toBe("[0] = −∞");
  });

  it("labels planes by their leading indices", () => {
    expect(planeLabel([2, 3, 4, 4], [1, 2, 0, 0])).toBe("n=1 c=2");
    expect(planeLabel([3, 4, 4], [2, 0, 0])).toBe("d0=2");
    expect(planeLabel([4, 4], [0, 0])).toBe("");
  });

  it("puts legend ticks at both ends and the middle", () => {
    expect(legendTicks(-4, 4).map((t) => t.text)).toEqual(["−4", "0", "4"]);
  });
});

describe("reduced views", () => {
  it("reads a cell out as the block of the real tensor it averages, clipped to the real shape", () => {
    const reduced = { originalShape: [1, 2, 1100, 1000], factor: 3 };
    expect(blockReadoutText([0, 1, 2, 5], reduced, -0.5)).toBe("[0, 1, 6…8, 15…17] block mean = −0.5");
    // the last block of 1000 columns holds only column 999
    expect(blockReadoutText([0, 0, 366, 333], reduced, 1)).toBe("[0, 0, 1098…1099, 999] block mean = 1");
    expect(blockReadoutText([2], { originalShape: [10], factor: 4 }, 2)).toBe("[8…9] block mean = 2");
    expect(blockReadoutText([0, 0, 1, 1], { originalShape: [1, 300, 2, 2], factor: 1 }, 2)).toBe(
      "[0, 0, 1, 1] value = 2",
    );
  });
});

describe("stats line", () => {
  const payloadOf = (v: { [JUPYTER_DISPLAY](): Record<string, unknown> }): TensorPayload => {
    const parsed = parseTensorPayload(v[JUPYTER_DISPLAY]()[TENSOR_MIME]);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.payload;
  };

  it("is the kernel's summary line with the standard deviation after the mean", () => {
    const p = payloadOf(tensor(new Float32Array([1, NaN, 3, 5]), [1, 1, 2, 2]));
    expect(statsText(p, null)).toBe(
      `Tensor shape=[1, 1, 2, 2] min=1 max=5 mean=3 std=${formatNumber(p.stats.std)} NaN=1`,
    );
  });

  it("gives input and output a line each under the title", () => {
    const x = tensor(new Float32Array([1, 2, 3, 4]), [1, 1, 2, 2]);
    const p = payloadOf(maxPool2d(x, { kernelSize: 2, trace: true }));
    const input = { shape: p.input!.shape, stats: p.input!.stats };
    expect(statsText({ ...p, title: "pool" }, input).split("\n")).toEqual([
      "pool: ",
      `input  shape=[1, 1, 2, 2] min=1 max=4 mean=2.5 std=${formatNumber(input.stats.std)}`,
      "output shape=[1, 1, 1, 1] min=4 max=4 mean=4 std=0",
    ]);
  });

  it("labels the lines in the view's language, the kernel's summary fields unchanged", () => {
    const x = tensor(new Float32Array([1, 2, 3, 4]), [1, 1, 2, 2]);
    const p = payloadOf(maxPool2d(x, { kernelSize: 2, trace: true }));
    const input = { shape: p.input!.shape, stats: p.input!.stats };
    expect(statsText({ ...p, title: undefined }, input, sayer("zh")).split("\n")).toEqual([
      "",
      `输入 shape=[1, 1, 2, 2] min=1 max=4 mean=2.5 std=${formatNumber(input.stats.std)}`,
      "输出 shape=[1, 1, 1, 1] min=4 max=4 mean=4 std=0",
    ]);
    expect(statsText(payloadOf(x), null, sayer("zh"))).toMatch(/^张量 shape=\[1, 1, 2, 2\] min=1 /);
  });
});
