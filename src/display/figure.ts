/**
 * The PNG fallback's figure: the tensor's planes (or, for a traced pooling result, its input and output side
 * by side on one scale, as the renderer shows them) above a colour bar whose ends and middle are labelled with
 * numbers. GitHub, nbviewer, VS Code and nbconvert show this picture where the poolscope renderer is absent.
 */
import { drawText, TEXT_HEIGHT, textWidth } from "./bitmapFont.js";
import { colorAt, type ColorScale } from "./colormap.js";
import type { GridLayout } from "./grid.js";
import { gridImage, type RgbaImage } from "./heatmap.js";
import { formatNumber } from "./stats.js";

export interface FigurePanel {
  /** Caption above the panel, from the font's small alphabet (e.g. "input", "output"); may be empty. */
  label: string;
  values: ArrayLike<number>;
  layout: GridLayout;
}

const INK: [number, number, number] = [60, 60, 60];
const GAP = 8;
const FONT = 2;

export function figureImage(panels: readonly FigurePanel[], scale: ColorScale, maxPx = 1024): RgbaImage {
  const perPanel = Math.floor(maxPx / Math.max(1, panels.length));
  const images = panels.map((p) => gridImage(p.values, p.layout, scale, { legendHeight: 0, gap: 4, maxPx: perPanel }));
  const labelH = panels.some((p) => p.label) ? TEXT_HEIGHT * FONT + 4 : 0;
  const barH = 12;
  const tickH = TEXT_HEIGHT * FONT + 4;
  const width = Math.max(160, images.reduce((w, im) => w + im.width, 0) + GAP * (images.length - 1));
  const plotsH = Math.max(...images.map((im) => im.height));
  const height = labelH + plotsH + 4 + barH + tickH;
  const out: RgbaImage = { width, height, data: new Uint8ClampedArray(width * height * 4).fill(255) };

  let x0 = 0;
  images.forEach((im, k) => {
    if (panels[k].label) drawText(out, x0 + 4, 2, panels[k].label, FONT, INK);
    blit(out, im, x0, labelH);
    x0 += im.width + GAP;
  });

  const barX = 4;
  const barW = width - 8;
  const barY = labelH + plotsH + 4;
  for (let x = 0; x < barW; x++) {
    const [r, g, b] = colorAt(barW > 1 ? x / (barW - 1) : 0, scale.kind);
    for (let y = 0; y < barH; y++) {
      const k = ((barY + y) * width + barX + x) * 4;
      out.data[k] = r;
      out.data[k + 1] = g;
      out.data[k + 2] = b;
    }
  }
  const ticks = [0, 0.5, 1].map((t) => ({ t, text: formatNumber(scale.lo + (scale.hi - scale.lo) * t) }));
  for (const { t, text } of ticks) {
    const w = textWidth(text, FONT);
    const x = Math.round(Math.min(Math.max(barX + t * barW - w / 2, barX), barX + barW - w));
    drawText(out, x, barY + barH + 3, text, FONT, INK);
  }
  return out;
}

function blit(dst: RgbaImage, src: RgbaImage, x0: number, y0: number): void {
  for (let y = 0; y < src.height && y0 + y < dst.height; y++) {
    const from = y * src.width * 4;
    const to = ((y0 + y) * dst.width + x0) * 4;
    dst.data.set(src.data.subarray(from, from + Math.min(src.width, dst.width - x0) * 4), to);
  }
}
