/**
 * The colour legend: the ramp with numbers at both ends and the middle, the glyph key and the scale's scope.
 * Its range can be replaced (per-channel scales: the hovered plane's), so the numbers shown are always the
 * range the colours in view are drawn on; it publishes that range (data-lo, data-hi) for tests.
 */
import { colorAt, type ColorScale } from "poolscope/wire";
import { GLYPH_KEY } from "./cells.js";
import { legendTicks } from "./screen.js";
import { el } from "./plane.js";
import type { Say } from "../words/messages.js";

export interface LegendOptions {
  /** Pairs the legend with the planes it describes (PlaneSpec.group); "main" by default. */
  group?: string;
  /** The planes have a scale each: the widget shows the hovered one's range (data-mode="channel"). */
  perChannel?: boolean;
}

export function legend(scale: ColorScale, scope: string, say: Say, o: LegendOptions = {}): HTMLElement {
  const box = el("div", "jp-PoolscopeTensor-legend");
  box.dataset.group = o.group ?? "main";
  box.dataset.mode = o.perChannel ? "channel" : "shared";
  const bar = el("canvas", "jp-PoolscopeTensor-legendBar");
  bar.width = 256;
  bar.height = 1;
  const ticks = el("div", "jp-PoolscopeTensor-ticks");
  const key = el("div", "jp-PoolscopeTensor-key");
  box.append(bar, ticks, key);
  setLegendScale(box, scale, scope, say);
  return box;
}

/** Redraws a legend made by legend() for `scale`, with `scope` saying whose range it is. */
export function setLegendScale(box: HTMLElement, scale: ColorScale, scope: string, say: Say): void {
  const bar = box.querySelector<HTMLCanvasElement>(".jp-PoolscopeTensor-legendBar");
  const ticks = box.querySelector<HTMLElement>(".jp-PoolscopeTensor-ticks");
  const key = box.querySelector<HTMLElement>(".jp-PoolscopeTensor-key");
  const ctx = bar?.getContext("2d");
  if (ctx) {
    const img = new ImageData(256, 1);
    for (let x = 0; x < 256; x++) {
      const [r, g, b] = colorAt(x / 255, scale.kind);
      img.data.set([r, g, b, 255], x * 4);
    }
    ctx.putImageData(img, 0, 0);
  }
  ticks?.replaceChildren(
    ...legendTicks(scale.lo, scale.hi).map((t) => {
      const tick = el("span", "jp-PoolscopeTensor-tick");
      tick.textContent = t.text;
      tick.style.left = `${t.position * 100}%`;
      return tick;
    }),
  );
  if (key) key.textContent = `${say("legendKey", { kind: say(scale.kind), scope })}   ${GLYPH_KEY}`;
  Object.assign(box.dataset, { lo: String(scale.lo), hi: String(scale.hi), scope });
}
