import { describe, expect, it } from "vitest";
import { decode } from "fast-png";
import { toDisplayBundle, toRowBundle } from "../../../src/display/bundle.js";
import { CAPTION_H, ROW_GAP } from "../../../src/display/compose.js";
import {
  avgPool2d,
  JUPYTER_DISPLAY,
  maxPool2d,
  randn,
  stripPool,
  stripPoolingModule,
  tensor,
  TENSOR_MIME,
} from "../../../src/index.js";
import { parseTensorPayload } from "../../../src/wire/payload.js";
import { colorAt } from "../../../src/wire/colormap.js";

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

/** The PNG as RGBA rows (fast-png gives palette images expanded by `decode`'s own rules). */
function png(b64: string): { width: number; height: number; at: (x: number, y: number) => number[] } {
  const im = decode(Buffer.from(b64, "base64"));
  const ch = im.channels;
  const data = im.palette
    ? Uint8Array.from(Array.from(im.data).flatMap((i) => [...im.palette![i]].slice(0, 3).concat(255)))
    : im.data;
  const stride = im.palette ? 4 : ch;
  return {
    width: im.width,
    height: im.height,
    at: (px, py) => Array.from(data.subarray((py * im.width + px) * stride, (py * im.width + px) * stride + 3)),
  };
}
const darkRows = (p: ReturnType<typeof png>, y0: number, y1: number): number => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let px = 0; px < p.width; px++) if (p.at(px, y)[0] < 100) n++;
  return n;
};

describe("display bundle captions", () => {
  it("a title reaches the payload and a caption band of the PNG; none leaves the PNG as it was", () => {
    const titled = toDisplayBundle(x, "my title");
    const plain = toDisplayBundle(x);
    expect(titled[TENSOR_MIME].title).toBe("my title");
    const a = png(titled["image/png"]);
    const b = png(plain["image/png"]);
    expect(a.height).toBe(b.height + CAPTION_H);
    expect(darkRows(a, 0, CAPTION_H)).toBeGreaterThan(30);
  });

  it("the display hook takes { title }: a tensor's and a traced result's caption", () => {
    expect(x[JUPYTER_DISPLAY]({ title: "t" })[TENSOR_MIME].title).toBe("t");
    const r = maxPool2d(x, { kernelSize: 2, trace: true });
    expect(r[JUPYTER_DISPLAY]()[TENSOR_MIME].title).toBe("maxPool2d");
    expect(r[JUPYTER_DISPLAY]({ title: "after" })[TENSOR_MIME].title).toBe("after");
  });

  it("draws a colour picture in colour in the PNG", () => {
    // 2×2: red, green / blue, white
    const pic = tensor([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [0, 1],
        [0, 1],
      ],
      [
        [0, 0],
        [1, 1],
      ],
    ]);
    const p = png(toDisplayBundle(pic)["image/png"]);
    expect(p.at(0, 0)).toEqual([255, 0, 0]);
    expect(p.at(p.width - 1, 0)).toEqual([0, 255, 0]);
    expect(p.at(0, p.height - 1)).toEqual([0, 0, 255]);
    expect(p.at(p.width - 1, p.height - 1)).toEqual([255, 255, 255]);
  });
});

describe("row bundles", () => {
  it("carries every item in one payload, the others in row.items, and a text line per item", () => {
    const a = maxPool2d(x, { kernelSize: 2, trace: true });
    const b = avgPool2d(x, { kernelSize: 2 });
    const bundle = toRowBundle(
      [
        { output: a.output, input: a.input, trace: a.trace, title: "max" },
        { output: b, title: "mean" },
      ],
      "shared",
    );
    const parsed = parseTensorPayload(JSON.parse(JSON.stringify(bundle[TENSOR_MIME])));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.payload.title).toBe("max");
    expect(parsed.payload.trace).toEqual(a.trace);
    expect(Array.from(parsed.inputValues!)).toEqual(Array.from(x.data));
    expect(parsed.payload.row?.scale).toBe("shared");
    expect(parsed.row?.map((it) => [it.payload.title, Array.from(it.values)])).toEqual([
      ["mean", [3.75, 1.25, 1.5, 6.25]],
    ]);
    expect(bundle["text/plain"]).toBe(
      "show: 2 results, on one colour scale\n" +
        "1 max  Tensor shape=[1, 1, 2, 2] min=2 max=9 mean=5\n" +
        "2 mean  Tensor shape=[1, 1, 2, 2] min=1.25 max=6.25 mean=3.188",
    );
  });

  it('draws one colour bar for a shared row, one per item with "each"', () => {
    const two = [{ output: x }, { output: avgPool2d(x, { kernelSize: 2 }) }];
    const shared = png(toRowBundle(two, "shared")["image/png"]);
    const each = png(toRowBundle(two, "each")["image/png"]);
    // the longest run of coloured pixels in any row, against the width: a shared row's one colour bar spans the
    // whole figure, each item's own bar only its item (and planes stop at their gaps)
    const longestRun = (p: ReturnType<typeof png>): number => {
      let best = 0;
      for (let y = 0; y < p.height; y++) {
        let run = 0;
        for (let px = 0; px < p.width; px++) {
          const c = p.at(px, y);
          run = c[0] === c[1] && c[1] === c[2] ? 0 : run + 1;
          best = Math.max(best, run);
        }
      }
      return best / p.width;
    };
    expect(longestRun(shared)).toBeGreaterThan(0.9);
    expect(longestRun(each)).toBeLessThan(0.6);
  });
});

describe("the PNG follows the renderer's scale rule", () => {
  // [1, 2, 2, 2]: 80-px cells (160 px a 2×2 plane), planes 4 px apart after a 4-px frame, no caption
  const centre = (c: number, i: number, j: number): [number, number] => [4 + c * 164 + j * 80 + 40, 4 + i * 80 + 40];
  const top = colorAt(1, "sequential");
  const two = (weak: number) =>
    tensor([
      [
        [
          [0, weak / 4],
          [weak / 2, weak],
        ],
        [
          [0, 25],
          [50, 100],
        ],
      ],
    ]);

  it("a channel of range 1 beside one of 100 gets its own scale: its max is the top colour", () => {
    const p = png(toDisplayBundle(two(1))["image/png"]);
    expect(p.at(...centre(0, 1, 1))).toEqual(top);
    expect(p.at(...centre(1, 1, 1))).toEqual(top);
    // its half-way value is mid-scale too, not the bottom colour it would be on 0…100
    expect(p.at(...centre(0, 1, 0))).not.toEqual(p.at(...centre(0, 0, 0)));
  });

  it("channels of similar ranges (20 and 100) stay on one scale: only the larger max is the top colour", () => {
    const p = png(toDisplayBundle(two(20))["image/png"]);
    expect(p.at(...centre(1, 1, 1))).toEqual(top);
    expect(p.at(...centre(0, 1, 1))).not.toEqual(top);
    expect(p.at(...centre(0, 1, 1))).toEqual(colorAt(Math.round(0.2 * 239) / 239, "sequential"));
  });

  const topPixels = (b64: string): number => {
    const p = png(b64);
    let n = 0;
    for (let y = 0; y < p.height; y++)
      for (let px = 0; px < p.width; px++) if (p.at(px, y).every((v, k) => v === top[k])) n++;
    return n;
  };

  it("a show row on one scale keeps one; each item on its own follows the rule", () => {
    const items = [{ output: two(1), title: "a" }, { output: tensor([[1, 2]]) }];
    // each: the weak channel's max cell (80×80) is top-coloured as the strong one's and the second item's are
    expect(topPixels(toRowBundle(items, "each")["image/png"])).toBeGreaterThanOrEqual(3 * 6400);
    // shared: only the strong channel's max cell and the bar's end
    expect(topPixels(toRowBundle(items, "shared")["image/png"])).toBeLessThan(1.5 * 6400);
  });
});

describe("the strip pooling module's PNG", () => {
  it("gives the input and the fused map their own scales, within the figure's width", () => {
    const x = randn([1, 2, 6, 6], { seed: 3 });
    const r = stripPoolingModule(x, { seed: 4, midChannels: 2, trace: true });
    const p = png(r[JUPYTER_DISPLAY]()["image/png"]);
    expect(p.width).toBeLessThanOrEqual(1024);
    // the fused map's own scale tops out in its own half (on the input's wider scale it would not need to)
    const top = colorAt(1, "diverging");
    const topSeq = colorAt(1, "sequential");
    let right = 0;
    for (let y = 0; y < p.height; y++)
      for (let px = Math.floor(p.width / 2) + 8; px < p.width; px++) {
        const c = p.at(px, y);
        if (c.every((v, k) => v === top[k]) || c.every((v, k) => v === topSeq[k])) right++;
      }
    expect(right).toBeGreaterThan(20);
    // two figures, ROW_GAP apart: a white band from under the caption to the bottom (one figure's bar and scale
    // line would cross it)
    const white = (px: number): boolean => {
      for (let y = CAPTION_H; y < p.height; y++) if (p.at(px, y).some((v) => v !== 255)) return false;
      return true;
    };
    let run = 0;
    let best = 0;
    for (let px = 0; px < p.width; px++) {
      run = white(px) ? run + 1 : 0;
      best = Math.max(best, run);
    }
    expect(best).toBeGreaterThanOrEqual(ROW_GAP);
  });
});

/** The smallest drawn cell a PNG records (png.ts's tEXt chunk). */
const cellPx = (b64: string): number => Number(decode(Buffer.from(b64, "base64")).text["poolscope:cellPx"]);

describe("the size rule over a whole PNG", () => {
  it("records the smallest drawn cell in the PNG", () => {
    expect(cellPx(toDisplayBundle(x)["image/png"])).toBeGreaterThanOrEqual(12);
    expect(cellPx(toDisplayBundle(randn([1, 16, 13, 13], { seed: 1 }))["image/png"])).toBe(12);
  });

  it("puts a shared-scale row's items one under the other when side by side would crop them below 24 cells", () => {
    // four 89×89 images: side by side each would keep 20×20 cells (three keep 27×27, and stay in a row)
    const items = [0, 1, 2, 3].map((k) => ({ output: randn([1, 1, 89, 89], { seed: k }), title: `t${k}` }));
    const row = png(toRowBundle(items, "shared")["image/png"]);
    // four 48×48 crops at 12 px, one under another
    expect(row.width).toBeLessThanOrEqual(1024);
    expect(row.width).toBeGreaterThanOrEqual(48 * 12);
    expect(row.height).toBeGreaterThan(4 * 48 * 12);
    expect(png(toRowBundle(items.slice(0, 3), "shared")["image/png"]).height).toBeLessThan(48 * 12);
    expect(cellPx(toRowBundle(items, "shared")["image/png"])).toBeGreaterThanOrEqual(12);
  });

  it("puts a row of own-scale items one under the other when side by side they would pass 1024 px", () => {
    // 45 cells of 12 px and a frame: 548 px each, 1112 side by side
    const items = [0, 1].map((k) => ({ output: randn([1, 1, 45, 45], { seed: k }) }));
    const row = png(toRowBundle(items, "each")["image/png"]);
    expect(row.width).toBeLessThanOrEqual(1024);
    expect(row.height).toBeGreaterThan(2 * 45 * 12);
  });

  it("compares two SPP results of many channels with 12-px cells, each result on a line of its own", () => {
    const a = randn([1, 16, 13, 13], { seed: 5 });
    const b = randn([1, 16, 10, 10], { seed: 6 });
    const ra = avgPool2d(a, { kernelSize: 2, trace: true });
    const rb = avgPool2d(b, { kernelSize: 2, trace: true });
    const bundle = toDisplayBundle(ra.output, undefined, {
      input: a,
      trace: ra.trace,
      compare: { input: b, output: rb.output, trace: rb.trace },
    });
    expect(cellPx(bundle["image/png"])).toBeGreaterThanOrEqual(12);
    expect(png(bundle["image/png"]).width).toBeLessThanOrEqual(1024);
  });
});

describe("a 1×W strip in the PNG", () => {
  it("stands under its map at the map's cell size, each strip cell under the column it pools", () => {
    // column j holds j everywhere, so the vertical strip's cell j is j too: the same colour as its column
    const x = tensor([[Array.from({ length: 60 }, () => Array.from({ length: 60 }, (_, j) => j))]]);
    const r = stripPool(x, "vertical", { trace: true });
    const p = png(r[JUPYTER_DISPLAY]()["image/png"]);
    expect(p.width).toBeLessThan(2 * 48 * 12); // not side by side
    const xs = Array.from({ length: 48 }, (_, k) => 4 + k * 12 + 6);
    const mapRow = xs.map((px) => p.at(px, 120).join());
    expect(new Set(mapRow).size).toBeGreaterThan(40); // the columns differ
    // rows under the map where every column's colour is its strip cell's: the strip, lined up
    let end = 120; // the map's bottom: the first white row under it
    while (end < p.height && p.at(xs[0], end).join() !== "255,255,255") end++;
    let lined = 0;
    for (let y = end; y < p.height; y++) if (xs.every((px, k) => p.at(px, y).join() === mapRow[k])) lined++;
    expect(lined).toBeGreaterThanOrEqual(6); // 12 rows, less the marked cell's outline
  });
});
