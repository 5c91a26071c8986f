import { describe, expect, it } from "vitest";
import type { RoiTrace } from "poolscope/wire";
import {
  roiAlignFormula,
  roiArgmax,
  roiBinFocus,
  roiBinsContaining,
  roiFormula,
  roiGeometry,
  roiMapMarks,
  roiLabel,
  roiLabels,
  roiLayout,
  roiName,
  roiPlanes,
  roiSampleMarks,
  type RoiGeometry,
} from "../../../../extension/src/link/roi.js";
import { randn, roiAlign, roiPool, tensor } from "../../../../src/index.js";

// A 1×2×6×8 map whose cell (c, i, j) holds 100·c + 8·i + j, with a spike of 999 at (c=1, 4, 4).
const values = Array.from({ length: 2 * 6 * 8 }, (_, k) => {
  const c = Math.floor(k / 48);
  const r = k % 48;
  return c === 1 && r === 4 * 8 + 4 ? 999 : 100 * c + r;
});
const x = tensor(values, [1, 2, 6, 8]);
// spatialScale 1/2: region 0 covers the whole map (rows 0…5, cols 0…7), region 1 rows 2…5 × cols 4…7, region 2
// lies wholly off the map (rows and cols 20…30), so its bins are empty
const boxes = tensor([
  [0, 0, 0, 14, 10],
  [0, 8, 4, 14, 10],
  [0, 40, 40, 60, 60],
]);
const r = roiPool(x, boxes, { outputSize: 2, spatialScale: 0.5, trace: true });

function geometry(trace: RoiTrace = r.trace): RoiGeometry {
  const g = roiGeometry(trace, x.shape, r.output.shape);
  if (typeof g === "string") throw new Error(g);
  return g;
}

describe("RoI pooling geometry from the trace", () => {
  it("reads every region's box and bins from a real trace", () => {
    const g = geometry();
    expect(g.regions.map((reg) => reg.box)).toEqual([
      { r0: 0, r1: 6, c0: 0, c1: 8 },
      { r0: 2, r1: 6, c0: 4, c1: 8 },
      null,
    ]);
    expect(g.regions[1].rows).toEqual([
      [2, 4],
      [4, 6],
    ]);
    expect(g.regions[1].cols).toEqual([
      [4, 6],
      [6, 8],
    ]);
  });

  it("refuses traces that disagree with the tensors, with a reason", () => {
    expect(typeof roiGeometry(r.trace, [1, 2, 5, 8], r.output.shape)).toBe("string");
    expect(typeof roiGeometry(r.trace, x.shape, [2, 2, 2, 2])).toBe("string");
    expect(typeof roiGeometry(r.trace, x.shape, [3, 1, 2, 2])).toBe("string");
    const reg = r.trace.regions[0];
    const wide = {
      ...reg,
      axes: [reg.axes[0], { kind: "bins" as const, size: 8, bins: [[0, 4] as const, [4, 9] as const] }],
    };
    expect(roiGeometry({ ...r.trace, regions: [wide, ...r.trace.regions.slice(1)] }, x.shape, r.output.shape)).toBe(
      "region 0 of the RoI trace does not fit the feature map",
    );
    const elsewhere = { ...reg, batchIndex: 1 };
    expect(
      typeof roiGeometry({ ...r.trace, regions: [elsewhere, ...r.trace.regions.slice(1)] }, x.shape, r.output.shape),
    ).toBe("string");
  });

  it("falls back to the span of the bins for a trace without rect (older payloads)", () => {
    const old = { ...r.trace, regions: r.trace.regions.map(({ rect: _rect, ...rest }) => rest) };
    expect(geometry(old).regions[1].box).toEqual({ r0: 2, r1: 6, c0: 4, c1: 8 });
  });

  it("maps output planes (K, C) to regions, channels and the input plane of their sample", () => {
    expect(roiPlanes(geometry(), 3)).toEqual({ region: 1, channel: 1, inputPlane: 1 });
  });

  it("lights one bin's cells, its region's box and the recorded argmax", () => {
    // region 1, channel 1, bin (1, 0): rows 4…5, cols 4…5 of channel 1, whose max is the spike at (4, 4)
    const f = roiBinFocus(geometry(), 3, 1, 0);
    expect(f.inputPlane).toBe(1);
    expect(f.cells).toEqual([
      [4, 4],
      [4, 5],
      [5, 4],
      [5, 5],
    ]);
    expect(f.argmax).toEqual([4, 4]);
    expect(f.marks).toContainEqual({ i: 2, j: 4, h: 4, w: 4, style: "binActive" });
    expect(f.marks.filter((m) => m.style === "window")).toHaveLength(4);
    expect(f.marks).toContainEqual({ i: 4, j: 4, style: "argmax" });
    const cellValues = f.cells.map(([i, j]) => values[48 + i * 8 + j]);
    expect(roiFormula(cellValues, r.output.data[(3 * 2 + 1) * 2 + 0])).toBe("max(999, 137, 144, 145) = 999");
  });

  it("says an empty bin is empty and shows its 0", () => {
    const g = geometry();
    const f = roiBinFocus(g, 4, 0, 0); // region 2, channel 0
    expect(f.cells).toEqual([]);
    expect(f.argmax).toBeNull();
    expect(f.marks).toEqual([]);
    expect(r.trace.argmax?.[16]).toBe(-1);
    expect(roiFormula([], r.output.data[16])).toBe(
      "empty bin (it lies off the feature map): nothing to pool, output = 0",
    );
  });

  it("ignores an argmax outside its bin", () => {
    const bad = { ...r.trace, argmax: r.trace.argmax!.map(() => 0) };
    expect(roiArgmax(geometry(bad), 3, 1, 0)).toBeNull();
    expect(roiArgmax(geometry(bad), 0, 0, 0)).toEqual([0, 0]);
  });

  it("finds every bin of every region that holds a map cell", () => {
    const g = geometry();
    expect(roiBinsContaining(g, 0, 4, 4)).toEqual([
      [0, 1, 1],
      [1, 1, 0],
    ]);
    expect(roiBinsContaining(g, 0, 0, 0)).toEqual([[0, 0, 0]]);
    expect(roiBinsContaining(g, 1, 0, 0)).toEqual([]);
  });

  it("draws each region's box and bin grid on its sample's maps", () => {
    const marks = roiMapMarks(geometry(), 0, true);
    expect(marks.filter((m) => m.style === "bin")).toHaveLength(8);
    expect(marks.filter((m) => m.style === "region")).toEqual([
      { i: 0, j: 0, h: 6, w: 8, style: "region" },
      { i: 2, j: 4, h: 4, w: 4, style: "region" },
    ]);
    expect(roiMapMarks(geometry(), 0, false).every((m) => m.style === "region")).toBe(true);
  });
});

// RoIAlign: a 1×1×6×8 map; region 0 spans x 1…5, y 1…3 (legacy op, 2 samples per axis per bin), region 1 lies partly
// beyond the bottom-right one-cell margin
const ax = randn([1, 1, 6, 8], { seed: 3 });
const ar = roiAlign(
  ax,
  tensor([
    [0, 1, 1, 5, 3],
    [0, 6, 4, 10, 8],
  ]),
  { outputSize: [1, 2], samplingRatio: 2, trace: true },
);

function alignGeometry(): RoiGeometry {
  const g = roiGeometry(ar.trace, ax.shape, ar.output.shape);
  if (typeof g === "string") throw new Error(g);
  return g;
}

describe("RoIAlign geometry from the trace", () => {
  it("draws the box at its continuous edges, clipped to the map", () => {
    const g = alignGeometry();
    expect(g.regions[0].box).toEqual({ r0: 1.5, r1: 3.5, c0: 1.5, c1: 5.5 });
    expect(g.regions[1].box).toEqual({ r0: 4.5, r1: 6, c0: 6.5, c1: 8 });
  });

  it("a bin's sample points are dots centred in cell units, each inside the cells the bin lights", () => {
    const g = alignGeometry();
    const { marks, count, onMap } = roiSampleMarks(g, 0, 0, 1);
    expect(count).toBe(4);
    expect(onMap).toBe(4);
    // rows sample at 1.5 and 2.5, columns (bin 1) at 3.5 and 4.5: centres at +0.5
    expect(marks.map((m) => [m.i, m.j])).toEqual([
      [2, 4],
      [2, 5],
      [3, 4],
      [3, 5],
    ]);
    const focus = roiBinFocus(g, 0, 0, 1);
    expect(focus.argmax).toBeNull();
    for (const m of marks)
      expect(focus.cells.some(([i, j]) => m.i >= i && m.i <= i + 1 && m.j >= j && m.j <= j + 1)).toBe(true);
  });

  it("samples beyond the margin are neither drawn nor counted as on the map", () => {
    const g = alignGeometry();
    // region 1, bin 1: rows sample at 5 and 7 (past the 6-row map's margin), columns at 8.5 and 9.5 (past 8)
    const { count, onMap } = roiSampleMarks(g, 1, 0, 1);
    expect(count).toBe(4);
    expect(onMap).toBe(0);
    expect(roiAlignFormula(count, onMap, 0)).toBe("mean of 4 bilinear samples (dots) (4 off the map read 0) = 0");
  });

  it("says an adaptive bin without samples has none", () => {
    expect(roiAlignFormula(0, 0, 0)).toBe("no samples in this bin: output = 0");
  });
});

describe("RoI labels and layout", () => {
  const named = (): RoiGeometry => {
    const t = roiPool(x, boxes, { outputSize: 2, spatialScale: 0.5, trace: true, names: ["all", "corner", "off"] });
    const g = roiGeometry(t.trace, x.shape, t.output.shape);
    if (typeof g === "string") throw new Error(g);
    return g;
  };

  it("labels regions by name, else by index", () => {
    expect([0, 1, 2].map((k) => roiLabel(geometry(), k))).toEqual(["0", "1", "2"]);
    expect(roiName(geometry(), 1)).toBe("region 1");
    expect(roiLabel(named(), 1)).toBe("corner");
    expect(roiName(named(), 1)).toBe('region 1 "corner"');
  });

  it("puts a label at each box's top-left cell, none for a box off the map, stacking labels that share a cell", () => {
    expect(roiLabels(named(), 0)).toEqual([
      { region: 0, text: "all", i: 0, j: 0, stack: 0 },
      { region: 1, text: "corner", i: 2, j: 4, stack: 0 },
    ]);
    // a second box from the same corner stacks under the first; another sample's map has none
    const two = roiPool(
      x,
      tensor([
        [0, 0, 0, 14, 10],
        [0, 0, 0, 4, 4],
      ]),
      { outputSize: 2, spatialScale: 0.5, trace: true },
    );
    const g = roiGeometry(two.trace, x.shape, two.output.shape);
    if (typeof g === "string") throw new Error(g);
    expect(roiLabels(g, 0).map((l) => [l.i, l.j, l.stack])).toEqual([
      [0, 0, 0],
      [0, 0, 1],
    ]);
    expect(roiLabels(g, 1)).toEqual([]);
  });

  it("rounds a RoIAlign box's fractional corner down to the cell it starts in", () => {
    expect(roiLabels(alignGeometry(), 0).map((l) => [l.i, l.j])).toEqual([
      [1, 1],
      [4, 6],
    ]);
  });

  it("lays each map in its own row with its regions' bins beside it, in region order", () => {
    // 2 channel maps; 3 regions × 2 channels of bins: plane q is region ⌊q/2⌋ on channel q mod 2
    const place = roiLayout(geometry(), 2, 6);
    expect(place.maps).toEqual([
      { row: 1, col: 1 },
      { row: 2, col: 1 },
    ]);
    expect(place.bins).toEqual([
      { row: 1, col: 3 },
      { row: 2, col: 3 },
      { row: 1, col: 4 },
      { row: 2, col: 4 },
      { row: 1, col: 5 },
      { row: 2, col: 5 },
    ]);
  });

  it("puts the bins of a region of another sample in that sample's rows, first in its own column", () => {
    const two = tensor(
      Array.from({ length: 2 * 2 * 6 * 8 }, (_, k) => k),
      [2, 2, 6, 8],
    );
    const t = roiPool(
      two,
      tensor([
        [1, 0, 0, 4, 4],
        [0, 0, 0, 4, 4],
      ]),
      { outputSize: 1, trace: true },
    );
    const g = roiGeometry(t.trace, two.shape, t.output.shape);
    if (typeof g === "string") throw new Error(g);
    // region 0 is on sample 1 (maps 2, 3: rows 3, 4), region 1 on sample 0 (rows 1, 2); each first of its sample
    expect(roiLayout(g, 4, 4).bins).toEqual([
      { row: 3, col: 3 },
      { row: 4, col: 3 },
      { row: 1, col: 3 },
      { row: 2, col: 3 },
    ]);
  });
});
