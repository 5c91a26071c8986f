/**
 * Saves a view as PNG, entirely in the browser: every canvas and text line of the view is painted onto one
 * canvas at its on-screen position (text with fillText, never HTML), then downloaded. It should read as a
 * figure: the toolbar's band is cut out, multi-line text keeps its lines, and the hover hint is left out.
 */
import type { Say } from "../words/messages.js";

/** A file name from the view's title: letters, digits and dashes only. */
export function pngFileName(title: string | undefined): string {
  const base = (title ?? "tensor").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "tensor";
  return `poolscope-${base.slice(0, 60)}.png`;
}

const TEXT_SELECTOR = [
  ".jp-PoolscopeTensor-title",
  ".jp-PoolscopeTensor-stats",
  ".jp-PoolscopeTensor-caption",
  ".jp-PoolscopeTensor-tick",
  ".jp-PoolscopeTensor-key",
  ".jp-PoolscopeTensor-readout",
  ".jp-PoolscopeTensor-formula",
  ".jp-PoolscopeTensor-notice",
  ".jp-PoolscopeTensor-arrow",
  ".jp-PoolscopeTensor-coverageLine",
].join(",");

/** A horizontal band of the view left out of the picture (the toolbar: buttons are no part of a figure). */
export interface Band {
  top: number;
  bottom: number;
}

/** Where a point at view height `y` lands once the band is cut out (null: inside the band, not drawn). */
export function cutY(y: number, band: Band | null): number | null {
  if (!band) return y;
  if (y >= band.bottom) return y - (band.bottom - band.top);
  return y >= band.top ? null : y;
}

/**
 * The lines of a text element as painted: its own line breaks (the stats line of a pooling result is three
 * lines; one fillText would run them into one), at `lineHeight` apart from `top`.
 */
export function textLines(text: string, top: number, lineHeight: number): { text: string; y: number }[] {
  return text.split("\n").map((line, k) => ({ text: line, y: top + k * lineHeight }));
}

/**
 * Whether the read-out is worth keeping: it names a cell only while a cell is hovered or pinned (marks
 * "cursor" or "pinned" on some plane); otherwise it is the hover hint, which a picture cannot act on.
 */
export function readoutShown(stageMarks: readonly string[]): boolean {
  return stageMarks.some((m) => /\b(cursor|pinned):/.test(m));
}

export function composeView(root: HTMLElement): HTMLCanvasElement {
  const box = root.getBoundingClientRect();
  const toolbar = root.querySelector<HTMLElement>(".jp-PoolscopeTensor-toolbar");
  let band: Band | null = null;
  if (toolbar) {
    const t = toolbar.getBoundingClientRect();
    const next = toolbar.nextElementSibling?.getBoundingClientRect();
    band = { top: t.top - box.top, bottom: (next ? next.top : t.bottom) - box.top };
  }
  const cut = band ? band.bottom - band.top : 0;
  const marks = Array.from(root.querySelectorAll<HTMLElement>(".jp-PoolscopeTensor-stage")).map(
    (s) => s.dataset.marks ?? "",
  );
  const keepReadout = readoutShown(marks);
  const out = document.createElement("canvas");
  out.width = Math.max(1, Math.ceil(box.width));
  out.height = Math.max(1, Math.ceil(box.height - cut));
  const ctx = out.getContext("2d");
  if (!ctx) return out;
  const style = getComputedStyle(root);
  ctx.fillStyle = style.getPropertyValue("--jp-layout-color0").trim() || "#fff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.imageSmoothingEnabled = false; // pixel-exact cells, as on screen
  for (const c of Array.from(root.querySelectorAll("canvas"))) {
    const r = c.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0) || c.closest("[hidden]")) continue;
    // a large plane's canvases reach past its scrolling frame (canvas/plane.ts): the picture shows what the frame
    // shows, placed by the frame (a canvas scrolled up may start inside the toolbar's band)
    const frame = c.closest<HTMLElement>(".jp-PoolscopeTensor-frame");
    const f = frame?.getBoundingClientRect();
    const at = cutY((f ?? r).top - box.top, band);
    if (at === null) continue;
    ctx.save();
    if (frame && f) {
      ctx.beginPath();
      ctx.rect(f.left - box.left + frame.clientLeft, at + frame.clientTop, frame.clientWidth, frame.clientHeight);
      ctx.clip();
    }
    ctx.drawImage(c, r.left - box.left, at + (f ? r.top - f.top : 0), r.width, r.height);
    ctx.restore();
  }
  for (const t of Array.from(root.querySelectorAll<HTMLElement>(TEXT_SELECTOR))) {
    if (!t.textContent || t.closest("[hidden]")) continue;
    if (t.matches(".jp-PoolscopeTensor-readout") && !keepReadout) continue;
    const r = t.getBoundingClientRect();
    const y = cutY(r.top - box.top, band);
    if (y === null) continue;
    const s = getComputedStyle(t);
    ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    ctx.fillStyle = s.color;
    ctx.textBaseline = "top";
    const lh = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.3;
    for (const line of textLines(t.textContent, y + 1, lh)) ctx.fillText(line.text, r.left - box.left, line.y);
  }
  return out;
}

export async function downloadPng(root: HTMLElement, title: string | undefined, say: Say): Promise<void> {
  const canvas = composeView(root);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error(say("pngEncodeFailed"));
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = pngFileName(title);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
