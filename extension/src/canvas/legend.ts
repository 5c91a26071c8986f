/** The colour legend: the ramp with numbers at both ends and the middle, the glyph key and the scale's scope. */
import { colorAt, type ColorScale } from "poolscope/wire";
import { GLYPH_KEY } from "./cells.js";
import { legendTicks } from "./screen.js";
import { el } from "./plane.js";

export function legend(scale: ColorScale, scope: string): HTMLElement {
  const box = el("div", "jp-PoolscopeTensor-legend");
  const bar = el("canvas", "jp-PoolscopeTensor-legendBar");
  bar.width = 256;
  bar.height = 1;
  const ctx = bar.getContext("2d");
  if (ctx) {
    const img = new ImageData(256, 1);
    for (let x = 0; x < 256; x++) {
      const [r, g, b] = colorAt(x / 255, scale.kind);
      img.data.set([r, g, b, 255], x * 4);
    }
    ctx.putImageData(img, 0, 0);
  }
  const ticks = el("div", "jp-PoolscopeTensor-ticks");
  for (const t of legendTicks(scale.lo, scale.hi)) {
    const tick = el("span", "jp-PoolscopeTensor-tick");
    tick.textContent = t.text;
    tick.style.left = `${t.position * 100}%`;
    ticks.append(tick);
  }
  const key = el("div", "jp-PoolscopeTensor-key");
  key.textContent = `${scale.kind} scale, ${scope}   ${GLYPH_KEY}`;
  box.append(bar, ticks, key);
  return box;
}
