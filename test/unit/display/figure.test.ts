import { describe, expect, it } from "vitest";
import { drawText, textWidth } from "../../../src/display/bitmapFont.js";
import {
  channelLegends,
  cropPanel,
  figureCells,
  figureImage,
  fitCaption,
  layPanel,
  limitPlanes,
  ruledScales,
  wrapCaption,
} from "../../../src/display/figure.js";
import { CAPTION_LINE_PX, captionWidth } from "../../../src/display/captionFont.js";
import { setPrintOptions } from "../../../src/core/print.js";
import { gridLayout } from "../../../src/wire/grid.js";
import type { RgbaImage } from "../../../src/wire/heatmap.js";
import { tensor, maxPool2d, JUPYTER_DISPLAY } from "../../../src/index.js";
import { decode } from "fast-png";

const blank = (w: number, h: number): RgbaImage => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) });
const inked = (im: RgbaImage): number => {
  let n = 0;
  for (let k = 3; k < im.data.length; k += 4) if (im.data[k] === 255) n++;
  return n;
};

describe("bitmap font", () => {
  it("measures 3-pixel glyphs with 1 pixel between them", () => {
    expect(textWidth("12", 1)).toBe(7);
    expect(textWidth("12", 2)).toBe(14);
    expect(textWidth("", 2)).toBe(0);
  });

  it("draws the glyph's bits: '1' has 8 pixels, '8' has 13, a space none", () => {
    const a = blank(8, 8);
    drawText(a, 0, 0, "1", 1, [0, 0, 0]);
    expect(inked(a)).toBe(8);
    const b = blank(8, 8);
    drawText(b, 0, 0, "8", 1, [0, 0, 0]);
    expect(inked(b)).toBe(13);
    const c = blank(8, 8);
    drawText(c, 0, 0, " ", 1, [0, 0, 0]);
    expect(inked(c)).toBe(0);
  });

  it("clips at the image edge instead of writing out of bounds (or wrapping into the next row)", () => {
    // "8" is rows 111, 101, 111, 101, 111. At x = 6 its third column (x = 8) falls off an 8-wide image, at x = −2
    // its first two do; unclipped, x = 8 would land on (0, y + 1) and x = −1 on (7, y − 1) of the same array.
    const a = blank(8, 8);
    a.data.fill(17); // every pixel left alone keeps this, alpha included
    drawText(a, 6, 1, "8", 1, [0, 0, 0]);
    drawText(a, -2, 3, "8", 1, [0, 0, 0]);
    const ink: string[] = [];
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < 8; x++) {
        const px = Array.from(a.data.subarray((y * 8 + x) * 4, (y * 8 + x) * 4 + 4));
        if (px[3] === 255) {
          expect(px).toEqual([0, 0, 0, 255]);
          ink.push(`${x},${y}`);
        } else expect(px).toEqual([17, 17, 17, 17]);
      }
    expect(ink.sort()).toEqual(
      ["6,1", "6,2", "6,3", "6,4", "6,5", "7,1", "7,3", "7,5", "0,3", "0,4", "0,5", "0,6", "0,7"].sort(),
    );
  });
});

describe("PNG figure", () => {
  const scale = { kind: "sequential" as const, lo: 0, hi: 3 };

  it("puts panels side by side above a labelled colour bar", () => {
    const one = figureImage([{ label: "", values: [0, 1, 2, 3], layout: gridLayout([1, 1, 2, 2]) }], scale);
    const two = figureImage(
      [
        { label: "input", values: [0, 1, 2, 3], layout: gridLayout([1, 1, 2, 2]) },
        { label: "output", values: [3], layout: gridLayout([1, 1, 1, 1]) },
      ],
      scale,
    );
    expect(two.width).toBeGreaterThan(one.width);
    // the tick labels are ink below the bar: some dark pixels in the last rows
    const lastRows = two.data.subarray((two.height - 8) * two.width * 4);
    let dark = 0;
    for (let k = 0; k < lastRows.length; k += 4) if (lastRows[k] < 100) dark++;
    expect(dark).toBeGreaterThan(10);
  });

  it("is what a traced pooling result carries as image/png: input and output on one scale", () => {
    const x = tensor([
      [
        [
          [1, 3],
          [5, 0],
        ],
      ],
    ]);
    const traced = maxPool2d(x, { kernelSize: 2, trace: true });
    const png = decode(Buffer.from(traced[JUPYTER_DISPLAY]()["image/png"], "base64"));
    const plain = decode(Buffer.from(traced.output[JUPYTER_DISPLAY]()["image/png"], "base64"));
    expect(png.width).toBeGreaterThan(plain.width);
  });
});

describe("PNG figure: the size rule", () => {
  it("gives cells of 12 px at least, an output never finer than its input, up to 48 cells a side", () => {
    // tutorial 02: 89×89 → 8×8; the input is a picture past the rule, the pooled plane keeps its 20-px cells
    expect(figureCells([gridLayout([1, 4, 89, 89]), gridLayout([1, 4, 8, 8])])).toEqual([1, 20]);
    // a 40×40 map and its 40×1 strip: 12 px each (4 px and 4 px by the old 160-px box)
    expect(figureCells([gridLayout([1, 1, 40, 40]), gridLayout([1, 1, 40, 1])])).toEqual([12, 12]);
    // a 4×4 input at 40 px: its 2×2 output at its own 80
    expect(figureCells([gridLayout([1, 1, 4, 4]), gridLayout([1, 1, 2, 2])])).toEqual([40, 80]);
    // max unpooling draws 2×2 values (80 px cells) into a 4×4 map: the map is not drawn finer, 80 not its own 40
    expect(figureCells([gridLayout([1, 1, 2, 2]), gridLayout([1, 1, 4, 4])])).toEqual([80, 80]);
    // a 30×30 input at 12 px, pooled to 30×1 (a strip): linked, 12, not its own 5
    expect(figureCells([gridLayout([1, 1, 30, 30]), gridLayout([1, 1, 30, 1])])).toEqual([12, 12]);
  });

  it("crops a plane over 48 cells a side to the 48×48 around its marked window, and says so", () => {
    const n = 89;
    const values = Float32Array.from({ length: 2 * n * n }, (_, k) => k);
    const layout = gridLayout([1, 2, n, n]);
    // tutorial 02's first window (rows and columns 0…10): the top-left 48×48 of each plane
    const first = cropPanel({
      label: "input",
      values,
      layout,
      marks: [{ plane: 0, i: 0, j: 0, h: 11, w: 11, kind: "window" }],
    });
    expect(first.layout).toEqual({ rows: 1, cols: 2, planeH: 48, planeW: 48 });
    expect(first.label).toBe("input");
    expect(first.note).toBe("rows 0–47, cols 0–47 of 89×89");
    expect(first.values[47 * 48 + 47]).toBe(47 * n + 47);
    expect(first.values[48 * 48]).toBe(n * n); // plane 1 starts at its own (0, 0)
    expect(first.marks).toEqual([{ plane: 0, i: 0, j: 0, h: 11, w: 11, kind: "window" }]);
    // a window far in: centred, the marks moved with the crop, an argmax outside it dropped
    const far = cropPanel({
      label: "",
      values,
      layout,
      marks: [
        { plane: 0, i: 70, j: 30, h: 11, w: 11, kind: "window" },
        { plane: 1, i: 0, j: 0, h: 1, w: 1, kind: "argmax" },
      ],
    });
    expect(far.note).toBe("rows 41–88, cols 11–58 of 89×89");
    expect(far.values[0]).toBe(41 * n + 11);
    expect(far.marks).toEqual([{ plane: 0, i: 29, j: 19, h: 11, w: 11, kind: "window" }]);
    // a plane that fits is left as it is; so is the short side of a long one
    const fits = { label: "x", values: [1, 2, 3, 4], layout: gridLayout([1, 1, 2, 2]) };
    expect(cropPanel(fits)).toBe(fits);
    expect(cropPanel({ label: "", values: new Float32Array(3 * 100), layout: gridLayout([1, 1, 3, 100]) }).note).toBe(
      "rows 0–2, cols 0–47 of 3×100",
    );
  });

  it("draws a cropped 89×89 input at 12 px a cell beside its pooled output", () => {
    const input = Float32Array.from({ length: 89 * 89 }, (_, k) => (k % 7) / 7);
    const output = Float32Array.from({ length: 64 }, (_, k) => k / 64);
    const im = figureImage(
      [
        { label: "input", values: input, layout: gridLayout([1, 1, 89, 89]) },
        { label: "output", values: output, layout: gridLayout([1, 1, 8, 8]) },
      ],
      { kind: "sequential", lo: 0, hi: 1 },
    );
    // 48 cells of 12 px and 8 of 20 px, each with its 4-px frame, 8 px apart (it was 89 px of 1-px cells)
    expect(im.width).toBe(48 * 12 + 8 + 8 + 8 * 20 + 8);
  });

  it("fits tutorial 02's four 89×89 planes beside their 8×8 outputs in 1024 px with 12-px cells: smaller crops", () => {
    const input = Float32Array.from({ length: 4 * 89 * 89 }, (_, k) => (k % 7) / 7);
    const output = Float32Array.from({ length: 4 * 64 }, (_, k) => (k % 64) / 64);
    const panels = [
      { label: "input", values: input, layout: gridLayout([1, 4, 89, 89]) },
      { label: "output", values: output, layout: gridLayout([1, 4, 8, 8]) },
    ];
    const im = figureImage(panels, { kind: "sequential", lo: 0, hi: 1 });
    // 4 planes of 12 cells and 4 of 8, every cell 12 px, each plane framed by 4 px, the panels 8 px apart
    expect(im.width).toBe(4 * 12 * 12 + 20 + 8 + 4 * 8 * 12 + 20);
    // the caption says the crop: the same figure with the expected label differs only where the label is
    const expected = figureImage(
      [
        {
          label: "input",
          note: "rows 0–11, cols 0–11 of 89×89",
          values: cropPanel(panels[0], 12).values,
          layout: gridLayout([1, 4, 12, 12]),
        },
        panels[1],
      ],
      { kind: "sequential", lo: 0, hi: 1 },
    );
    expect(Array.from(im.data)).toEqual(Array.from(expected.data));
  });

  it("cuts a caption to its panel's width with an ellipsis, so a long row title never runs into the next", () => {
    const title = "1 horizontal edges, row strips (H×1) input";
    expect(fitCaption(title, 1000)).toBe(title);
    const cut = fitCaption(title, 120);
    expect(cut.endsWith("…")).toBe(true);
    expect(captionWidth(cut)).toBeLessThanOrEqual(120);
    expect(title.startsWith(cut.slice(0, -1))).toBe(true);
    // one more character would not fit
    expect(captionWidth(title.slice(0, cut.length) + "…")).toBeGreaterThan(120);
  });

  it("wraps a long vector into rows of 32 and moves its marks with it", () => {
    const values = Float32Array.from({ length: 380 }, (_, k) => k);
    const laid = layPanel({
      label: "output",
      values,
      layout: gridLayout([1, 380]),
      marks: [{ plane: 0, i: 0, j: 100, h: 1, w: 1, kind: "cell" }],
    });
    expect(laid.layout).toEqual({ rows: 1, cols: 1, planeH: 12, planeW: 32 });
    expect(laid.marks).toEqual([{ plane: 0, i: 3, j: 4, h: 1, w: 1, kind: "cell" }]);
    expect(laid.values[3 * 32 + 4]).toBe(100);
    // a short one, or one with a window over several cells, is left as it is
    expect(layPanel({ label: "", values: [1, 2], layout: gridLayout([1, 2]) }).layout.planeW).toBe(2);
  });

  it("draws the wrapped vector with 12-px cells, blank after its last feature", () => {
    const values = Float32Array.from({ length: 380 }, (_, k) => k / 379);
    const im = figureImage([{ label: "", values, layout: gridLayout([1, 380]) }], { kind: "sequential", lo: 0, hi: 1 });
    // 32 cells of 12 px and a gutter wide; 12 rows of 12 px tall, plus the bar and its ticks
    expect(im.width).toBeGreaterThanOrEqual(32 * 12);
    expect(im.width).toBeLessThan(32 * 12 + 40);
    expect(im.height).toBeGreaterThanOrEqual(12 * 12);
    // the drawn row 11 ends at feature 379 (column 27): columns 28…31 of that row are white
    const px = (x: number, y: number) => Array.from(im.data.slice((y * im.width + x) * 4, (y * im.width + x) * 4 + 3));
    const right = im.width - 1 - 4 - 6; // inside the last column of cells
    const lastRow = 4 + 11 * 12 + 6;
    expect(px(right, lastRow)).toEqual([255, 255, 255]);
    expect(px(right, lastRow - 12)).not.toEqual([255, 255, 255]);
  });
});

describe("PNG figure: empty tensors", () => {
  it("draws an empty tensor as a blank panel instead of throwing", () => {
    const im = figureImage([{ label: "", values: [], layout: gridLayout([0]) }], { kind: "sequential", lo: 0, hi: 1 });
    expect(im.width).toBeGreaterThan(0);
  });
});

describe("the figure's scales", () => {
  const panel = (weak: number) => ({
    label: "",
    values: Float32Array.from([0, weak, 0, 100]),
    layout: gridLayout([1, 2, 1, 2]),
  });
  const shared = { kind: "sequential" as const, lo: 0, hi: 100 };

  it("says which scale the rule chose and why, in the print options' language", () => {
    const ruled = ruledScales([panel(1)], shared);
    expect(ruled).toMatchObject({
      mode: "channel",
      line: "scale: per channel, as channel 0 spans 1/100 of the shared range",
    });
    expect(ruledScales([panel(50)], shared)).toMatchObject({
      mode: "shared",
      line: "scale: shared, as every channel spans over 1/10 of the shared range",
    });
    setPrintOptions({ language: "zh" });
    try {
      expect(ruledScales([panel(1)], shared)).toMatchObject({ line: "色标：逐通道，因为通道 0 只占共享范围的 1/100" });
    } finally {
      setPrintOptions({ language: "en" });
    }
    // one channel: nothing to choose, nothing said
    expect(ruledScales([{ label: "", values: [0, 1], layout: gridLayout([1, 2]) }], shared)).toEqual(shared);
  });

  it("draws a labelled bar per channel under per-channel planes, and the scale line under them", () => {
    const ruled = ruledScales([panel(1)], shared);
    const one = figureImage([panel(1)], shared);
    const each = figureImage([panel(1)], ruled);
    // two legends of a label line, a bar and its numbers, then the line (two rows in a 176-px figure)
    const legends = channelLegends("columns" in ruled ? ruled.columns : [], each.width - 8);
    expect(legends.at).toHaveLength(2);
    expect(each.height).toBeGreaterThan(one.height + CAPTION_LINE_PX);
    expect(wrapCaption("scale: per channel, as channel 0 spans 1/100 of the shared range", 168).length).toBeGreaterThan(
      1,
    );
    for (const line of wrapCaption("scale: per channel, as channel 0 spans 1/100 of the shared range", 168))
      expect(captionWidth(line)).toBeLessThanOrEqual(168);
    // Chinese wraps between any two characters
    const zh = "色标：逐通道，因为通道 0 只占共享范围的 1/100";
    const lines = wrapCaption(zh, 60, 10);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(captionWidth(line)).toBeLessThanOrEqual(60);
    expect(lines.join("").replace(/ /g, "")).toBe(zh.replace(/ /g, ""));
  });
});

describe("PNG figure: many planes keep the size rule", () => {
  it("keeps a panel's first planes, moves their marks and says which", () => {
    const values = Float32Array.from({ length: 2 * 5 * 4 }, (_, k) => k);
    const p = limitPlanes(
      {
        label: "in",
        values,
        layout: gridLayout([2, 5, 2, 2]),
        marks: [
          { plane: 6, i: 0, j: 0, h: 1, w: 1, kind: "cell" }, // item 1, channel 1: kept, now plane 4
          { plane: 4, i: 0, j: 0, h: 1, w: 1, kind: "cell" }, // channel 4: dropped
        ],
      },
      3,
    );
    expect(p.layout).toEqual({ rows: 2, cols: 3, planeH: 2, planeW: 2 });
    expect(p.note).toBe("channels 0–2 of 5");
    expect(Array.from(p.values.slice(12, 16))).toEqual([20, 21, 22, 23]); // item 1's channel 0
    expect(p.marks).toEqual([{ plane: 4, i: 0, j: 0, h: 1, w: 1, kind: "cell" }]);
    expect(limitPlanes({ label: "", values, layout: gridLayout([2, 5, 2, 2]) }, 1).note).toBe(
      "channel 0 of 5, item 0 of 2",
    );
    // the notes are the library's words: in Chinese with the Chinese print option, the crop's after the limit's
    setPrintOptions({ language: "zh" });
    try {
      const both = limitPlanes({ label: "", values, layout: gridLayout([2, 5, 2, 2]), note: "前注" }, 1);
      expect(both.note).toBe("5 个通道中的通道 0，2 项中的第 0 项；前注");
      const big = new Float32Array(89 * 89);
      expect(cropPanel({ label: "", values: big, layout: gridLayout([1, 1, 89, 89]) }).note).toBe(
        "89×89 中的第 0–47 行、第 0–47 列",
      );
    } finally {
      setPrintOptions({ language: "en" });
    }
  });

  it("draws 16 channels of 13×13 at 12-px cells, the first 6 of them, rather than all of them at 4 px", () => {
    const values = Float32Array.from({ length: 16 * 169 }, (_, k) => (k % 13) / 13);
    const im = figureImage([{ label: "conv5", values, layout: gridLayout([1, 16, 13, 13]) }], {
      kind: "sequential",
      lo: 0,
      hi: 1,
    });
    expect(im.cellPx).toBe(12);
    expect(im.width).toBeLessThanOrEqual(1024);
    // 6 planes of 13 cells of 12 px, each framed by 4 px: a seventh would pass 1024
    expect(im.width).toBe(6 * 13 * 12 + 7 * 4);
    expect(im.cropCells).toBeNull();
  });

  it("reports the crop it made, and a wrapped vector as no crop", () => {
    const big = Float32Array.from({ length: 89 * 89 }, (_, k) => k);
    const cropped = figureImage([{ label: "", values: big, layout: gridLayout([1, 1, 89, 89]) }], {
      kind: "sequential",
      lo: 0,
      hi: 89 * 89,
    });
    expect(cropped.cropCells).toBe(48);
    const vector = figureImage([{ label: "", values: big.slice(0, 380), layout: gridLayout([1, 380]) }], {
      kind: "sequential",
      lo: 0,
      hi: 380,
    });
    expect(vector.cropCells).toBeNull();
    expect(vector.cellPx).toBe(12);
  });
});
