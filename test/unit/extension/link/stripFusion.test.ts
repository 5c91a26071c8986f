import { describe, expect, it } from "vitest";
import { encodeFloat32, type StripFusionTrace } from "poolscope/wire";
import { fusedFormula, fusionLinks, fusionStrips, meanFormula } from "../../../../extension/src/link/stripFusion.js";

const trace = (rows: number[], cols: number[]): StripFusionTrace => ({
  kind: "stripFusion",
  op: "stripPoolingModule",
  inputShape: [1, 1, 2, 3],
  outputShape: [1, 1, 2, 3],
  channels: "first",
  taps: 3,
  midChannels: 1,
  rows: encodeFloat32(new Float32Array(rows)),
  cols: encodeFloat32(new Float32Array(cols)),
});

describe("strip fusion", () => {
  it("decodes the strips when they agree with the shapes, else says why", () => {
    const ok = fusionStrips(trace([1, 2], [3, 4, 5]), [1, 1, 2, 3], [1, 1, 2, 3]);
    expect(typeof ok).not.toBe("string");
    if (typeof ok !== "string")
      expect([Array.from(ok.rows), Array.from(ok.cols)]).toEqual([
        [1, 2],
        [3, 4, 5],
      ]);
    expect(fusionStrips(trace([1, 2], [3, 4, 5]), [1, 1, 2, 3], [1, 1, 3, 2])).toMatch(/shapes/);
    expect(fusionStrips(trace([1, 2, 3], [3, 4, 5]), [1, 1, 2, 3], [1, 1, 2, 3])).toMatch(/strips/);
    const { rows: _rows, ...noRows } = trace([1, 2], [3, 4, 5]);
    expect(fusionStrips(noRows, [1, 1, 2, 3], [1, 1, 2, 3])).toMatch(/too large/);
  });

  it("a fused cell lights its row-strip and column-strip cells, their neighbours, and the input cross", () => {
    const m = fusionLinks("fused", 2, 0, 5, 4, 3);
    expect(m.fused).toEqual([{ i: 2, j: 0, style: "cursor" }]);
    expect(m.rows).toEqual([
      { i: 2, j: 0, style: "linked" },
      { i: 1, j: 0, style: "window" },
      { i: 3, j: 0, style: "window" },
    ]);
    expect(m.cols).toEqual([
      { i: 0, j: 0, style: "linked" },
      { i: 0, j: 1, style: "window" },
    ]);
    expect(m.input).toEqual([
      { i: 2, j: 0, h: 1, w: 4, style: "window" },
      { i: 0, j: 0, h: 5, w: 1, style: "window" },
    ]);
  });

  it("a strip cell lights its row or column of the input and of the fused map", () => {
    const r = fusionLinks("rows", 1, 0, 5, 4, 3);
    expect(r.fused).toEqual([{ i: 1, j: 0, h: 1, w: 4, style: "linked" }]);
    expect(r.input).toEqual([{ i: 1, j: 0, h: 1, w: 4, style: "window" }]);
    const c = fusionLinks("cols", 0, 3, 5, 4, 3);
    expect(c.fused).toEqual([{ i: 0, j: 3, h: 5, w: 1, style: "linked" }]);
    expect(c.rows).toEqual([]);
    const inp = fusionLinks("input", 4, 1, 5, 4, 3);
    expect(inp.rows).toEqual([{ i: 4, j: 0, style: "linked" }]);
    expect(inp.cols).toEqual([{ i: 0, j: 1, style: "linked" }]);
  });

  it("writes the means and the fused cell with the real numbers", () => {
    expect(meanFormula("row 1", [1, -2, 4], 1)).toBe("row 1 = (1 + −2 + 4) / 3 = 1");
    expect(
      meanFormula(
        "c",
        Array.from({ length: 14 }, () => 1),
        1,
      ),
    ).toContain("+ … (2 more)) / 14 = 1");
    expect(fusedFormula(0, 3, 0.5, 2, 0.25, 4, 4, 3)).toBe(
      "fused (0, 3) = σ(conv₁ₓ₁(ReLU(conv(rows 0…1)[0] + conv(cols 2…3)[3]))) = 0.25;  row mean 0 = 0.5, column mean 3 = 2",
    );
  });
});
