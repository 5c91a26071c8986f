/**
 * A colour picture (a (3, H, W) or (1, 3, H, W) tensor in [0, 1] or [0, 255], wire/rgb.ts): one plane drawn in
 * RGB, hovered like any plane, its read-out giving the pixel's three values. The toolbar's "RGB" toggle swaps
 * it for the three channels as heatmaps (tensor.ts).
 */
import { MAX_PLANE_PX, rgbPixels, type RgbPicture } from "poolscope/wire";
import { Plane, el } from "../canvas/plane.js";
import { zoomFor } from "../canvas/screen.js";
import { valueText } from "../canvas/screen.js";
import type { Mark } from "../canvas/marks.js";
import { Selection } from "./selection.js";
import { scalesFor, type BuiltView, type Panel, type ViewContext } from "./panel.js";
import { finishView } from "./skeleton.js";

export function pictureView(pn: Panel, picture: RgbPicture, ctx: ViewContext): BuiltView {
  const { h, w, peak } = picture;
  const n = h * w;
  // the plane's own layers (values, cell text) are of channel 0; its base canvas is repainted in colour and the
  // text, which would print red values only, is dropped
  const plane = new Plane({
    values: pn.values.subarray(0, n),
    h,
    w,
    scale: scalesFor([pn], "shared").shared,
    // a photo is read whole: past 48 pixels a side it fits MAX_PLANE_PX rather than scroll (its channels, one
    // toggle away, keep the 12-px cells of the size rule)
    zoom: Math.max(1, Math.min(zoomFor(h, w), Math.floor(MAX_PLANE_PX / Math.max(h, w, 1)))),
    caption: ctx.say("captionPicture", { peak }),
  });
  plane.stage.querySelectorAll(".jp-PoolscopeTensor-layer").forEach((layer) => layer.remove());
  const base = plane.stage.querySelector<HTMLCanvasElement>("canvas.jp-PoolscopeTensor-canvas");
  const image = rgbPixels(pn.values, picture);
  base?.getContext("2d")?.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  plane.stage.dataset.picture = "rgb";
  const grid = el("div", "jp-PoolscopeTensor-grid");
  grid.append(plane.node);

  const lead = pn.shape.length === 4 ? "0, " : "";
  const selection = new Selection((focus, pinned) => {
    const marks: Mark[] = [];
    if (pinned) marks.push({ i: pinned.i, j: pinned.j, style: "pinned" });
    if (focus && focus !== pinned) marks.push({ i: focus.i, j: focus.j, style: "cursor" });
    plane.setMarks(marks);
    if (!focus) {
      ctx.readout.textContent = ctx.say("hintPicture");
      return;
    }
    const p = focus.i * w + focus.j;
    const [r, g, b] = [0, 1, 2].map((c) => valueText(pn.values[c * n + p]));
    ctx.readout.textContent =
      `[${lead}:, ${focus.i}, ${focus.j}] = (R ${r}, G ${g}, B ${b})` +
      (pinned && focus === pinned ? ctx.say("hintPinned") : "");
  });
  const key = el("div", "jp-PoolscopeTensor-legend");
  key.textContent = ctx.say("pictureKey", { peak });
  return finishView(selection, [{ role: "tensor", planes: [plane] }], {
    node: grid,
    legend: key,
    sizeOf: () => [h, w],
  });
}
