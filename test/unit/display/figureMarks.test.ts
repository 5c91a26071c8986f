import { describe, expect, it } from "vitest";
import { decode } from "fast-png";
import { drawMark, figureImage, type FigurePanel } from "../../../src/display/figure.js";
import { traceFigureMarks, type FigureMark } from "../../../src/display/figureMarks.js";
import { gridLayout } from "../../../src/wire/grid.js";
import { cellsRect, gridGeometry, type RgbaImage } from "../../../src/wire/heatmap.js";
import { scaleFor } from "../../../src/wire/colormap.js";
import {
  JUPYTER_DISPLAY,
  maxPool1d,
  maxPool2d,
  maxPool3d,
  rand,
  roiAlign,
  roiPool,
  spatialPyramidPool,
  stripPool,
  tensor,
} from "../../../src/index.js";
import { captioned } from "../../../src/display/compose.js";

const x = tensor([
  [
    [
      [1, 3, 2, 0],
      [5, 6, 1, 2],
      [0, 2, 9, 4],
      [3, 1, 4, 8],
    ],
  ],
]);
const rgb = (im: RgbaImage, px: number, py: number): number[] =>
  Array.from(im.data.subarray((py * im.width + px) * 4, (py * im.width + px) * 4 + 3));

describe("PNG marks of a traced result", () => {
  it("outlines output (0, 0)'s window (into the padding) and the argmax the op recorded", () => {
    const t = maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1, trace: true });
    const m = traceFigureMarks(t.trace);
    // window 0 starts one cell into the padding on both axes; the max of {1, 3, 5, 6} is 6 at (1, 1)
    expect(m.input).toEqual([
      { plane: 0, i: -1, j: -1, h: 3, w: 3, kind: "window" },
      { plane: 0, i: 1, j: 1, h: 1, w: 1, kind: "argmax" },
    ]);
    expect(m.output).toEqual([{ plane: 0, i: 0, j: 0, h: 1, w: 1, kind: "cell" }]);
  });

  it("marks every bin of SPP's finest level and where its first feature sits in the vector", () => {
    const t = spatialPyramidPool(rand([1, 1, 5, 7], { seed: 1 }), { levels: [1, 2], trace: true });
    const m = traceFigureMarks(t.trace);
    expect(m.input.filter((k) => k.kind === "window")).toHaveLength(4);
    expect(m.output).toEqual([{ plane: 0, i: 0, j: 1, h: 1, w: 1, kind: "cell" }]);
  });

  it("1-d: the window and argmax lie on the first row (channel 0) of the first C×L plane", () => {
    const t = maxPool1d(tensor([[[1, 5, 2, 8, 3]]]), { kernelSize: 3, stride: 2, padding: 1, trace: true });
    expect(traceFigureMarks(t.trace).input).toEqual([
      { plane: 0, i: 0, j: -1, h: 1, w: 3, kind: "window" },
      { plane: 0, i: 0, j: 1, h: 1, w: 1, kind: "argmax" },
    ]);
  });

  it("RoI: region 0's box and bins on its sample's channel-0 plane, and its first bin's argmax", () => {
    // (2, 3, 6, 8): sample 1, channel 0 is plane 3; the ramp's max in any bin is its bottom-right cell
    const feat = tensor(
      Array.from({ length: 2 * 3 * 6 * 8 }, (_, k) => k % 48),
      [2, 3, 6, 8],
    );
    const t = roiPool(feat, tensor([[1, 2, 1, 5, 4]]), { outputSize: 2, trace: true });
    const m = traceFigureMarks(t.trace);
    const windows = m.input.filter((k) => k.kind === "window");
    // the box x 2…5, y 1…4 covers rows 1…4 and columns 2…5, labelled with its index; four bins of 2×2 inside it
    expect(m.input[0]).toEqual({ plane: 3, i: 1, j: 2, h: 4, w: 4, kind: "region", text: "0" });
    expect(windows).toHaveLength(4);
    for (const b of windows) expect([b.plane, b.h, b.w]).toEqual([3, 2, 2]);
    expect(m.input.find((k) => k.kind === "argmax")).toEqual({ plane: 3, i: 2, j: 3, h: 1, w: 1, kind: "argmax" });
    expect(m.output).toEqual([{ plane: 0, i: 0, j: 0, h: 1, w: 1, kind: "cell" }]);
  });

  it("RoI: every region's box, on its own sample's plane, labelled with the name passed in; the labels drawn", () => {
    const feat = tensor(
      Array.from({ length: 2 * 1 * 6 * 8 }, (_, k) => k % 48),
      [2, 1, 6, 8],
    );
    const boxes = tensor([
      [0, 0, 0, 3, 3],
      [1, 2, 1, 5, 4],
    ]);
    const named = roiPool(feat, boxes, { outputSize: 2, trace: true, names: ["cat", "dog"] });
    const regions = traceFigureMarks(named.trace).input.filter((k) => k.kind === "region");
    expect(regions).toEqual([
      { plane: 0, i: 0, j: 0, h: 4, w: 4, kind: "region", text: "cat" },
      { plane: 1, i: 1, j: 2, h: 4, w: 4, kind: "region", text: "dog" },
    ]);
    // RoIAlign: its continuous edges (rows 2…4.5, cols 1…3.7 here, +0.5 for cell units) cover the cells they reach
    const align = roiAlign(feat, tensor([[0, 0.5, 1.5, 3.2, 4]]), { outputSize: 2, trace: true });
    const box = traceFigureMarks(align.trace).input.find((k) => k.kind === "region");
    expect(box).toMatchObject({ plane: 0, i: 2, j: 1, h: 3, w: 3, text: "0" });
    // the PNG draws the labels: the figure with names differs from the one without only in the tags' pixels
    const scale = { kind: "sequential" as const, lo: 0, hi: 47 };
    const draw = (marks: FigureMark[]) =>
      figureImage([{ label: "", values: feat.data, layout: gridLayout([2, 1, 6, 8]), marks }], scale);
    const plainMarks = regions.map(({ text: _, ...m }) => m);
    const tagged = draw(regions);
    const plain = draw(plainMarks);
    let differ = 0;
    for (let k = 0; k < tagged.data.length; k++) if (tagged.data[k] !== plain.data[k]) differ++;
    expect(differ).toBeGreaterThan(100);
  });

  it("3-d: output 0's window on each depth slice it reaches (none in the depth padding), and its argmax", () => {
    // (1, 1, 3, 4, 4) ramp 16d + 4i + j with a spike 500 at (1, 1, 1): the window of output (0, 0, 0) with
    // padding 1 covers depth −1…0, rows −1…0, cols −1…0, so it reaches slice 0 only and its max is cell 0
    const vol = tensor(
      Array.from({ length: 48 }, (_, k) => (k === 21 ? 500 : k)),
      [1, 1, 3, 4, 4],
    );
    const padded = traceFigureMarks(maxPool3d(vol, { kernelSize: 2, stride: 2, padding: 1, trace: true }).trace);
    expect(padded.input).toEqual([
      { plane: 0, i: -1, j: -1, h: 2, w: 2, kind: "window" },
      { plane: 0, i: 0, j: 0, h: 1, w: 1, kind: "argmax" },
    ]);
    // without padding the window spans slices 0 and 1, rows and cols 0…1: the spike (1, 1, 1) wins
    const plain = traceFigureMarks(maxPool3d(vol, { kernelSize: 2, trace: true }).trace);
    expect(plain.input).toEqual([
      { plane: 0, i: 0, j: 0, h: 2, w: 2, kind: "window" },
      { plane: 1, i: 0, j: 0, h: 2, w: 2, kind: "window" },
      { plane: 1, i: 1, j: 1, h: 1, w: 1, kind: "argmax" },
    ]);
  });

  it("draws nothing for traces it has no picture for", () => {
    const t = maxPool2d(x, { kernelSize: 2, trace: true });
    expect(traceFigureMarks({ ...t.trace, channels: "last" })).toEqual({ input: [], output: [] });
  });

  it("clips a cell rectangle to the plane: padding is not drawn", () => {
    const layout = gridLayout([1, 1, 4, 4]);
    const geom = gridGeometry(layout, { gap: 4, legendHeight: 0 });
    const cell = geom.pw / 4;
    expect(cellsRect(layout, geom, 0, -1, -1, 3, 3)).toEqual({ x0: 4, y0: 4, x1: 4 + 2 * cell, y1: 4 + 2 * cell });
    expect(cellsRect(layout, geom, 0, -3, 0, 2, 1)).toBeNull();
  });

  it("puts a black-and-white outline on the window's edge pixels and a white dot in the argmax cell", () => {
    const scale = scaleFor({ min: 0, max: 9 });
    const panel: FigurePanel = { label: "", values: x.data, layout: gridLayout(x.shape) };
    const plain = figureImage([panel], scale);
    const marked = figureImage(
      [
        {
          ...panel,
          marks: traceFigureMarks(maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1, trace: true }).trace).input,
        },
      ],
      scale,
    );
    expect([marked.width, marked.height]).toEqual([plain.width, plain.height]);
    const geom = gridGeometry(panel.layout, { gap: 4, legendHeight: 0, maxPx: 1024 });
    const win = cellsRect(panel.layout, geom, 0, 0, 0, 2, 2)!;
    const arg = cellsRect(panel.layout, geom, 0, 1, 1, 1, 1)!;
    expect(rgb(marked, win.x0, win.y0)).toEqual([0, 0, 0]);
    expect(rgb(marked, win.x1 - 1, win.y1 - 1)).toEqual([0, 0, 0]);
    expect(rgb(marked, win.x0 + 1, win.y0 + 1)).toEqual([255, 255, 255]);
    expect(rgb(plain, win.x0, win.y0)).not.toEqual([0, 0, 0]);
    const [cx, cy] = [Math.floor((arg.x0 + arg.x1) / 2), Math.floor((arg.y0 + arg.y1) / 2)];
    expect(rgb(marked, cx, cy)).toEqual([255, 255, 255]);
    expect(rgb(plain, cx, cy)).not.toEqual([255, 255, 255]);
    // nothing changes outside the window: the cell at (3, 3) keeps its colour
    const far = cellsRect(panel.layout, geom, 0, 3, 3, 1, 1)!;
    for (let y = far.y0; y < far.y1; y++)
      for (let xx = far.x0; xx < far.x1; xx++) expect(rgb(marked, xx, y)).toEqual(rgb(plain, xx, y));
  });

  it("clips marks drawn at the image's edge instead of writing out of bounds (or wrapping into the next row)", () => {
    /** The pixels a mark set, "x,y=v" (v the grey it wrote), checking that every other pixel kept the fill. */
    const drawn = (draw: (im: RgbaImage) => void): string[] => {
      const im: RgbaImage = { width: 6, height: 6, data: new Uint8ClampedArray(144).fill(17) };
      draw(im);
      const set: string[] = [];
      for (let y = 0; y < 6; y++)
        for (let x = 0; x < 6; x++) {
          const px = Array.from(im.data.subarray((y * 6 + x) * 4, (y * 6 + x) * 4 + 4));
          if (px[3] !== 255) expect(px, `${x},${y}`).toEqual([17, 17, 17, 17]);
          else set.push(`${x},${y}=${px[0]}`);
        }
      return set.sort();
    };
    // window over x 3..7, y 1..4 on a 6-wide image: the black outline's right edge (x = 7) and the white line's
    // (x = 6) fall off; unclipped, x = 6 and 7 would wrap onto x = 0 and 1 of the next row
    const black = ["3,1", "4,1", "5,1", "3,2", "3,3", "3,4", "4,4", "5,4"].map((p) => `${p}=0`);
    const white = ["4,2", "5,2", "4,3", "5,3"].map((p) => `${p}=255`);
    expect(drawn((im) => drawMark(im, 3, 1, 8, 5, "window"))).toEqual([...black, ...white].sort());
    // the argmax dot of cell x 4..7, y 4..7: centre (5.5, 5.5), white within 1.5, black ring to 2.5; its right
    // half is off the image (unclipped, (6, 4) would wrap onto (0, 5))
    expect(drawn((im) => drawMark(im, 4, 4, 8, 8, "argmax"))).toEqual(["4,4=0", "4,5=0", "5,4=0", "5,5=255"]);
    // a window wholly around the image draws only its inner line's visible part: nothing here
    expect(drawn((im) => drawMark(im, -2, -2, 9, 9, "window"))).toEqual([]);
  });

  it("is in the kernel's PNG: the traced result's picture is the unmarked figure plus the marks", () => {
    const t = stripPool(x, "horizontal", { trace: true });
    const png = decode(Buffer.from(t[JUPYTER_DISPLAY]()["image/png"], "base64"));
    const scale = scaleFor({ min: 0, max: 9 });
    // under its caption, the op (compose.ts)
    const plain = captioned(
      figureImage(
        [
          { label: "input", values: x.data, layout: gridLayout(x.shape) },
          { label: "output", values: t.output.data, layout: gridLayout(t.output.shape) },
        ],
        scale,
      ),
      t.trace.op,
    );
    expect([png.width, png.height]).toEqual([plain.width, plain.height]);
    let changed = 0;
    for (let k = 0; k < plain.data.length; k += 4) if (png.data[k] !== plain.data[k]) changed++;
    expect(changed).toBeGreaterThan(20);
  });
});
