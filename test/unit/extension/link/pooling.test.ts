import { describe, expect, it } from "vitest";
import {
  channelsFirstValues,
  windowPositions,
  windowsContaining,
  type AxisWindows,
  type WindowTrace,
} from "poolscope/wire";
import {
  argmaxCell,
  divisorOf,
  formulaText,
  outputFlatIndex,
  outputsContaining,
  padMargins,
  planeAxes,
  windowCells,
} from "../../../../extension/src/link/pooling.js";
import { avgPool1d, lpPool1d, maxPool1d, maxPool2d, parseTrace, rand, tensor } from "../../../../src/index.js";

const slide = (
  size: number,
  kernel: number,
  stride: number,
  pad: number,
  outSize: number,
  dilation = 1,
): AxisWindows => ({
  kind: "sliding",
  geometry: { size, kernel, stride, dilation, padBefore: pad, padAfter: pad, outSize },
});

function trace(reduce: WindowTrace["reduce"], axes: AxisWindows[], extra: Partial<WindowTrace> = {}): WindowTrace {
  return {
    kind: "window",
    family: "sliding",
    reduce,
    op: "pool",
    inputShape: [1, 1, 4, 4],
    outputShape: [1, 1, 2, 2],
    channels: "first",
    axes,
    ...extra,
  };
}

describe("linking output cells to windows", () => {
  const k3s2p1 = trace("max", [slide(4, 3, 2, 1, 2), slide(4, 3, 2, 1, 2)], { argmax: [5, 5, 5, 10] });
  const axes = planeAxes(k3s2p1, [1, 1, 4, 4], [1, 1, 2, 2])!;

  it("accepts only traces that agree with the shapes", () => {
    expect(axes).not.toBeNull();
    expect(planeAxes(k3s2p1, [1, 1, 5, 4], [1, 1, 2, 2])).toBeNull();
    expect(planeAxes(k3s2p1, [1, 1, 4, 4], [1, 2, 2, 2])).toBeNull();
    // a 1-d trace draws on C×L planes: its axis must match L (4 → 2 here, not 3 → 2)
    expect(planeAxes(trace("max", [slide(4, 3, 2, 1, 2)]), [1, 1, 4], [1, 1, 2])?.dims).toBe(1);
    expect(planeAxes(trace("max", [slide(4, 3, 2, 1, 2)]), [1, 1, 3], [1, 1, 2])).toBeNull();
    expect(planeAxes(trace("max", [slide(4, 3, 2, 1, 2)]), [1, 2, 4], [1, 3, 2])).toBeNull();
  });

  it("lists a window's cells with padding as virtual cells, in scan order", () => {
    expect(windowPositions(slide(4, 3, 2, 1, 2), 0)).toEqual([
      { p: -1, pad: true },
      { p: 0, pad: false },
      { p: 1, pad: false },
    ]);
    const cells = windowCells(axes, 0, 0);
    expect(cells).toHaveLength(9);
    expect(cells.filter((c) => c.pad)).toHaveLength(5);
    expect(cells[8]).toEqual({ i: 1, j: 1, pad: false });
  });

  it("shows dilated windows as separate taps", () => {
    expect(windowPositions(slide(7, 3, 1, 0, 3, 2), 1).map((t) => t.p)).toEqual([1, 3, 5]);
  });

  it("finds every output that reads an input cell (the reverse link)", () => {
    expect(windowsContaining(slide(4, 3, 2, 1, 2), 1)).toEqual([0, 1]);
    expect(outputsContaining(axes, 2, 2)).toEqual([[1, 1]]);
    expect(outputsContaining(axes, 1, 1)).toHaveLength(4);
    const bins: AxisWindows = {
      kind: "bins",
      size: 5,
      bins: [
        [0, 3],
        [2, 5],
      ],
    };
    expect(windowsContaining(bins, 2)).toEqual([0, 1]);
  });

  it("reserves margins only where windows reach into padding", () => {
    expect(padMargins(axes)).toEqual({ top: 1, bottom: 0, left: 1, right: 0 });
  });

  it("reads the argmax the op recorded, and ignores a bad one", () => {
    expect(argmaxCell(axes, 3)).toEqual([2, 2]);
    expect(argmaxCell({ ...axes, trace: { ...k3s2p1, argmax: [99] } }, 0)).toBeNull();
  });

  it("writes formulas with the real numbers and a true minus sign", () => {
    const w = [
      { value: 0, pad: true },
      { value: -1.5, pad: false },
      { value: 6, pad: false },
    ];
    expect(formulaText(k3s2p1, w, 6, null)).toBe("max(−∞, −1.5, 6) = 6");
    const avg = trace("avg", k3s2p1.axes, { countIncludePad: true, divisors: [9, 9, 9, 9] });
    expect(formulaText(avg, w, 0.5, divisorOf(avg, 0, 0, 2))).toBe("(0 + −1.5 + 6) / 9 = 0.5");
    expect(formulaText({ ...avg, countIncludePad: false }, w, 2.25, 2)).toBe("(−1.5 + 6) / 2 = 2.25");
    expect(formulaText(trace("lp", k3s2p1.axes, { normType: 2 }), w, 6.18, null)).toBe("(−1.5² + 6²)^(1/2) = 6.18");
  });

  it("elides long windows", () => {
    const w = Array.from({ length: 20 }, (_, k) => ({ value: k, pad: false }));
    expect(formulaText(k3s2p1, w, 19, null)).toMatch(/, … \(4 more\)\) = 19$/);
  });
});

describe("1-d and channels-last traces on the linked view", () => {
  const valueOf = (values: ArrayLike<number>, shape: number[], p: number, i: number, j: number): number =>
    values[(p * shape[shape.length - 2] + i) * shape[shape.length - 1] + j];

  it("1-d: each plane row is a channel, windows slide along it, the argmax sits in the output's own row", () => {
    const x = rand([2, 3, 9], { seed: 4 });
    const r = maxPool1d(x, { kernelSize: 3, stride: 2, padding: 1, trace: true });
    const axes = planeAxes(r.trace, x.shape, r.output.shape)!;
    expect(axes.dims).toBe(1);
    const [, c, lout] = r.output.shape;
    for (let p = 0; p < 2; p++) {
      for (let i = 0; i < c; i++) {
        for (let j = 0; j < lout; j++) {
          const cells = windowCells(axes, i, j);
          expect(cells.every((w) => w.i === i)).toBe(true);
          const am = argmaxCell(axes, outputFlatIndex(axes, p, i, j, c, lout), i)!;
          expect(cells.some((w) => !w.pad && w.i === am[0] && w.j === am[1])).toBe(true);
          // the recorded winner holds the output's value: the drawn cell and the op's index agree
          expect(valueOf(x.data, x.shape, p, am[0], am[1])).toBe(valueOf(r.output.data, r.output.shape, p, i, j));
        }
      }
    }
    expect(outputsContaining(axes, 1, 2)).toEqual([[1, 1]]);
  });

  it("1-d average: the divisor is looked up by position along the row", () => {
    const x = rand([1, 2, 5], { seed: 1 });
    const r = avgPool1d(x, { kernelSize: 3, stride: 2, padding: 1, countIncludePad: false, trace: true });
    const axes = planeAxes(r.trace, x.shape, r.output.shape)!;
    expect([0, 1, 2].map((j) => divisorOf(axes.trace, 1, j, 3))).toEqual([2, 3, 2]);
  });

  it("channels-last: re-laid channels-first, the op's flat indices still find each output's winner", () => {
    const x = rand([2, 5, 6, 3], { seed: 2 }); // N, H, W, C
    const r = maxPool2d(x, { kernelSize: 2, stride: 2, dataFormat: "NHWC", trace: true });
    const a = channelsFirstValues(x.shape, x.data)!;
    const b = channelsFirstValues(r.output.shape, r.output.data)!;
    expect(a.shape).toEqual([2, 3, 5, 6]);
    expect(a.perm).toEqual([0, 2, 3, 1]);
    // drawn (n=1, c=2, i=4, j=5) is the tensor's (1, 4, 5, 2)
    expect(a.values[((1 * 3 + 2) * 5 + 4) * 6 + 5]).toBe(x.data[((1 * 5 + 4) * 6 + 5) * 3 + 2]);
    const axes = planeAxes(r.trace, a.shape, b.shape)!;
    expect(axes.channelsLast).toBe(true);
    const [, , oh, ow] = b.shape;
    for (let p = 0; p < 6; p++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          const am = argmaxCell(axes, outputFlatIndex(axes, p, i, j, oh, ow))!;
          expect(windowCells(axes, i, j).some((w) => w.i === am[0] && w.j === am[1])).toBe(true);
          expect(valueOf(a.values, a.shape, p, am[0], am[1])).toBe(valueOf(b.values, b.shape, p, i, j));
        }
      }
    }
    expect(channelsFirstValues([4, 4], new Float32Array(16))).toBeNull();
  });

  it("1-d channels-last (NLC): drawn as C×L planes, the winners still match", () => {
    const x = rand([2, 7, 3], { seed: 6 }); // N, L, C
    const r = maxPool1d(x, { kernelSize: 3, stride: 2, dataFormat: "NLC", trace: true });
    const a = channelsFirstValues(x.shape, x.data)!;
    const b = channelsFirstValues(r.output.shape, r.output.data)!;
    const axes = planeAxes(r.trace, a.shape, b.shape)!;
    expect([axes.dims, axes.channelsLast]).toEqual([1, true]);
    const [, c, lout] = b.shape;
    for (let p = 0; p < 2; p++) {
      for (let i = 0; i < c; i++) {
        for (let j = 0; j < lout; j++) {
          const am = argmaxCell(axes, outputFlatIndex(axes, p, i, j, c, lout), i)!;
          expect(valueOf(a.values, a.shape, p, am[0], am[1])).toBe(valueOf(b.values, b.shape, p, i, j));
        }
      }
    }
  });
});

describe("LP pooling with an infinite norm", () => {
  it("travels in the trace as a string and reads as the max (or min) of |x|", () => {
    const r = lpPool1d(tensor([[[-3, 1, 2, -0.5]]]), { normType: Infinity, kernelSize: 2, trace: true });
    expect(Array.from(r.output.data)).toEqual([3, 2]);
    const parsed = parseTrace(JSON.parse(JSON.stringify(r.trace)));
    if (!parsed.ok || parsed.trace.kind !== "window") throw new Error("trace did not survive JSON");
    expect(parsed.trace.normType).toBe("Infinity");
    const window = [
      { value: -3, pad: false },
      { value: 1, pad: false },
    ];
    expect(formulaText(parsed.trace, window, 3, null)).toBe("max(|−3|, |1|) = 3");
    const low = lpPool1d(tensor([[[-3, 1, 2, -0.5]]]), { normType: -Infinity, kernelSize: 2, trace: true });
    expect(Array.from(low.output.data)).toEqual([1, 0.5]);
    expect(formulaText(low.trace, window, 1, null)).toBe("min(|−3|, |1|) = 1");
  });
});
