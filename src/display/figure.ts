/**
 * The PNG fallback's figure: the tensor's planes (or, for a traced pooling result, its input and output side
 * by side on one scale, as the renderer shows them) above a colour bar whose ends and middle are labelled with
 * numbers. It follows the renderer's size rule (wire/planeSize.ts): cells of at least MIN_CELL_PX, an output
 * never finer than its input, a long vector wrapped into rows with each row's first index beside it, and a plane
 * larger than 48 cells a side (an 89×89 image; the renderer scrolls it) cropped to the 48×48 cells around its
 * marked window, its caption saying which rows and columns it shows. The pixel budget: 576 px a plane side
 * (MAX_PLANE_PX) and `maxPx` (1024) for the whole width, past which every panel is drawn smaller together.
 * GitHub, nbviewer, VS Code and nbconvert show this picture where the poolscope renderer is absent.
 */
import { drawText, TEXT_HEIGHT, textWidth } from "./bitmapFont.js";
import { CAPTION_BASELINE, CAPTION_LINE_PX, captionGlyph, captionWidth, drawCaption } from "./captionFont.js";
import { colorAt, scaleFor, valueColor, type ColorScale, type Rgb } from "../wire/colormap.js";
import { say } from "../core/messages.js";
import { channelRanges, scaleRule } from "../wire/scaleRule.js";
import type { GridLayout } from "../wire/grid.js";
import type { FigureMark } from "./figureMarks.js";
import { cellsRect, gridGeometry, type GridImageOptions, type RgbaImage } from "../wire/heatmap.js";
import { formatNumber } from "../wire/stats.js";
import { MAX_PLANE_PX, MIN_CELL_PX, wrapFor, wrapLabels, wrappedCell, wrapValues } from "../wire/planeSize.js";

export interface FigurePanel {
  /** Caption above the panel (e.g. "input", "output", a title), in the caption font; may be empty. */
  label: string;
  /** A second caption line: what part of the planes is shown, when cropped (cropPanel). */
  note?: string;
  values: ArrayLike<number>;
  layout: GridLayout;
  /** Outlines and dots over the panel (a traced result's window and argmax), in plane cells. */
  marks?: readonly FigureMark[];
}

/**
 * How a figure colours its planes: one scale under one bar (a bare ColorScale: no line about it), or the scale
 * rule's choice (wire/scaleRule.ts, as the renderer makes it) with its line saying which and why: shared, one
 * bar; per channel, one scale per grid column and a small labelled bar for each.
 */
export type FigureScales =
  | ColorScale
  | { mode: "shared"; scale: ColorScale; line: string }
  | { mode: "channel"; columns: ColorScale[]; line: string };

/**
 * The scale rule over a figure's panels (all of them, before any crop, as the renderer sees its values):
 * `shared` (the panels' one colour range) when the rule says so, else each channel's own range. A figure of one
 * channel, or of panels with different channel counts, keeps `shared` with nothing to say.
 */
export function ruledScales(panels: readonly FigurePanel[], shared: ColorScale): FigureScales {
  const cols = panels.length > 0 ? panels[0].layout.cols : 0;
  if (cols < 2 || panels.some((p) => p.layout.cols !== cols)) return shared;
  const laid = panels.map((p) => ({ values: p.values, layout: p.layout }));
  const { mode, reason } = scaleRule(laid);
  const decision = say("scaleDecision", {
    mode: say(mode === "channel" ? "modeChannel" : "modeShared"),
    why: say(reason.key, reason.vars),
  });
  const line = say("scaleLine", { decision });
  if (mode === "shared") return { mode, scale: shared, line };
  return { mode, columns: channelRanges(laid).map((r) => scaleFor(r)), line };
}

const INK: [number, number, number] = [60, 60, 60];
const GAP = 8;
/**
 * Colours of the heatmap and the bar: the scale in this many steps (invisible next to the 9-point colour map's
 * own interpolation), so that with the few fixed colours the figure has at most 256 and png.ts can write it with
 * a palette, a byte a pixel: a fallback picture of random 2^20 values went from 2.4 MB to a fraction of that.
 */
export const FIGURE_LEVELS = 240;
/** Cells a side a plane keeps in the figure: MAX_PLANE_PX at MIN_CELL_PX; a larger plane is cropped to it. */
export const CROP_CELLS = Math.floor(MAX_PLANE_PX / MIN_CELL_PX);

/** The values of a panel laid out for its shape only (fitPanels' search), never read. */
const NO_VALUES = new Float32Array(0);

/** A panel as the figure draws it: wrapped when it is one long plane (a vector), else as given. */
interface LaidPanel extends FigurePanel {
  /** Cells that hold a value (a wrapped plane's row tails do not, and are left blank); all when absent. */
  used?: Uint8Array;
  /** A wrapped panel's row-start indices, for its left gutter. */
  rowLabels?: number[];
}

/**
 * One long plane (an SPP vector, a [1, 380] tensor) wraps into rows of WRAP_COLS as the renderer draws it,
 * its marks moved to the drawn cells; a panel with several planes, or with marks over several cells, is left
 * as it is (its cells line up with another's).
 */
export function layPanel(p: FigurePanel): LaidPanel {
  const { rows, cols, planeH, planeW } = p.layout;
  const wrap = rows === 1 && cols === 1 ? wrapFor(planeH, planeW) : null;
  if (!wrap || (p.marks ?? []).some((m) => m.h !== 1 || m.w !== 1)) return p;
  const laid = wrapValues(p.values, planeH, planeW, wrap);
  const marks = (p.marks ?? []).map((m) => {
    const [i, j] = wrappedCell(wrap, m.i, m.j);
    return { ...m, i, j };
  });
  return {
    label: p.label,
    values: laid.values,
    used: laid.used,
    layout: { rows: 1, cols: 1, planeH: planeH * wrap.rowsPer, planeW: wrap.cols },
    marks,
    rowLabels: wrapLabels(wrap, planeH),
  };
}

/**
 * A panel whose planes are longer than `keep` (CROP_CELLS) a side, cut to keep × keep cells of each plane:
 * those around its marks (the window the figure outlines, centred when it fits, else from its top-left corner),
 * or the top-left ones; the marks moved with it (those outside dropped) and its note saying what is shown, e.g.
 * "rows 0–47, cols 0–47 of 89×89". A panel that fits is returned as it is. So the PNG keeps the size rule's
 * 12-px cells rather than shrink an image to 1 or 2 px a cell.
 */
export function cropPanel(p: FigurePanel, keep = CROP_CELLS, withValues = true): FigurePanel {
  const { rows, cols, planeH, planeW } = p.layout;
  if (planeH <= keep && planeW <= keep) return p;
  const marks = p.marks ?? [];
  const first = marks.length > 0 ? marks[0].plane : 0;
  const around = marks.filter((m) => m.plane === first);
  const start = (size: number, keep: number, from: (m: FigureMark) => [number, number]): number => {
    if (around.length === 0 || size <= keep) return 0;
    const lo = Math.max(0, Math.min(...around.map((m) => from(m)[0])));
    const hi = Math.min(size, Math.max(...around.map((m) => from(m)[1])));
    const at = hi - lo >= keep ? lo : Math.floor((lo + hi - keep) / 2);
    return Math.max(0, Math.min(size - keep, at));
  };
  const h = Math.min(planeH, keep);
  const w = Math.min(planeW, keep);
  const r0 = start(planeH, h, (m) => [m.i, m.i + m.h]);
  const c0 = start(planeW, w, (m) => [m.j, m.j + m.w]);
  const planes = rows * cols;
  const values = withValues ? new Float32Array(planes * h * w) : NO_VALUES;
  if (withValues)
    for (let q = 0; q < planes; q++)
      for (let i = 0; i < h; i++)
        for (let j = 0; j < w; j++) values[(q * h + i) * w + j] = p.values[(q * planeH + r0 + i) * planeW + c0 + j];
  const moved = marks
    .map((m) => ({ ...m, i: m.i - r0, j: m.j - c0 }))
    .filter((m) => m.i + m.h > 0 && m.j + m.w > 0 && m.i < h && m.j < w);
  const shown = say("cropShown", { r0, r1: r0 + h - 1, c0, c1: c0 + w - 1, h: planeH, w: planeW });
  return {
    label: p.label,
    note: p.note ? `${p.note}${say("listSeparator")}${shown}` : shown,
    values,
    layout: { rows, cols, planeH: h, planeW: w },
    marks: moved,
  };
}

/**
 * Pixels per cell each panel asks for, by the size rule: at least MIN_CELL_PX, and an output (odd panels follow
 * their input) never finer than its input, for planes up to MAX_PLANE_PX at that size; larger planes keep the
 * 160-pixel box of the fallback (they are pictures, not hover targets, in a PNG). `tight`: no more than the rule
 * asks (a small plane's 160-px box given up), for a figure too wide for its budget.
 */
export function figureCells(layouts: readonly GridLayout[], tight = false): number[] {
  const cells: number[] = [];
  layouts.forEach((l, k) => {
    const longest = Math.max(l.planeH, l.planeW, 1);
    const own = tight ? 1 : Math.max(1, Math.floor(160 / longest));
    const linked = k % 2 === 1 && layouts.length > 1 ? cells[k - 1] : 0;
    const ruled = longest * MIN_CELL_PX <= MAX_PLANE_PX;
    cells.push(ruled ? Math.max(own, MIN_CELL_PX, Math.min(linked, Math.floor(MAX_PLANE_PX / longest))) : own);
  });
  return cells;
}

/** Fewest cells a side a crop keeps when a figure is too wide: enough for a window and its neighbourhood. */
const MIN_CROP = 8;

/**
 * The panels as drawn and their cells, within `maxPx` where the size rule allows: first each at its own size
 * (long vectors wrapped, planes past CROP_CELLS cropped to it); past the budget, cells at the rule's minimum;
 * still past it, smaller crops (tutorial 02's four 89×89 planes beside four 8×8 outputs: 12×12 cells of each
 * input, every cell 12 px, instead of every cell 4 to 6 px).
 */
function fitPanels(
  panels: readonly FigurePanel[],
  maxPx: number,
): { laid: LaidPanel[]; cells: number[]; gutters: number[]; want: number[]; total: number; shownCols: number } {
  // The search below lays the panels out many times (each limit of planes, each crop); it needs their shapes
  // only, so their values are copied (limitPlanes, cropPanel) once, for the layout chosen. On 64 planes of
  // 128×128 the copies were ~40 of a traced pooling's ~85 ms bundle.
  const lay = (keep: number, tight: boolean, limit: number, withValues = false) => {
    const laid = panels.map((p): LaidPanel => {
      const limited = limitPlanes(p, limit, withValues);
      // a long vector is wrapped into rows, values and all (only a 1×1 grid is, whose first plane is p's)
      const wrapped = layPanel(limited.values === NO_VALUES ? { ...limited, values: p.values } : limited);
      // only planes past CROP_CELLS are cropped (smaller when the figure is too wide); the rest keep every cell
      const big = Math.max(wrapped.layout.planeH, wrapped.layout.planeW) > CROP_CELLS;
      return wrapped.rowLabels || !big ? wrapped : cropPanel(wrapped, keep, withValues);
    });
    const cells = figureCells(
      laid.map((p) => p.layout),
      tight,
    );
    const gutters = laid.map((p) => (p.rowLabels ? textWidth(String(Math.max(...p.rowLabels)), 1) + 4 : 0));
    const want = laid.map((p, k) => {
      const { rows, cols, planeH, planeW } = p.layout;
      const span = Math.max(rows, cols);
      return span * cells[k] * Math.max(planeH, planeW, 1) + 4 * (span + 1) + gutters[k];
    });
    const total = want.reduce((a, b) => a + b, 0) + GAP * (laid.length - 1);
    const shownCols = Math.max(0, ...laid.map((p) => p.layout.cols));
    return { laid, cells, gutters, want, total, shownCols, keep, tight, limit };
  };
  // at most `limit` planes a side: cells at the rule's size, then crops shrunk down to MIN_CROP
  const shrink = (limit: number) => {
    let fit = lay(CROP_CELLS, false, limit);
    if (fit.total <= maxPx) return fit;
    fit = lay(CROP_CELLS, true, limit);
    const cropped = (f: typeof fit): number[] =>
      f.laid
        .map((p, k) =>
          p.layout.planeH !== panels[k].layout.planeH || p.layout.planeW !== panels[k].layout.planeW ? k : -1,
        )
        .filter((k) => k >= 0 && !f.laid[k].rowLabels);
    let keep = CROP_CELLS;
    for (let tries = 0; tries < 4 && fit.total > maxPx; tries++) {
      const ks = cropped(fit);
      const theirs = ks.reduce((a, k) => a + fit.want[k], 0);
      const room = maxPx - (fit.total - theirs);
      const next = Math.max(MIN_CROP, Math.floor((keep * room) / Math.max(1, theirs)));
      if (ks.length === 0 || room <= 0 || next >= keep) break;
      keep = next;
      fit = lay(keep, true, limit);
    }
    return fit;
  };
  const withValues = (f: ReturnType<typeof lay>) => lay(f.keep, f.tight, f.limit, true);
  const all = Math.max(1, ...panels.map((p) => Math.max(p.layout.rows, p.layout.cols)));
  const fit = shrink(all);
  if (fit.total <= maxPx || all === 1) return withValues(fit);
  // still too wide (many channels): the first planes only, as many a side as keep every cell at MIN_CELL_PX,
  // each panel's note saying which (fewer planes at full size cost fewer bytes than all of them at 4 px)
  let lo = 1;
  let hi = all - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (shrink(mid).total <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  return withValues(shrink(lo));
}

/**
 * A panel's first `limit` grid rows (batch items) and columns (channels), its marks on the others dropped and
 * its note saying which, e.g. "channels 0–5 of 64"; a panel within the limit is returned as it is.
 */
export function limitPlanes(p: FigurePanel, limit: number, withValues = true): FigurePanel {
  const { rows, cols, planeH, planeW } = p.layout;
  if (rows <= limit && cols <= limit) return p;
  const kr = Math.min(rows, limit);
  const kc = Math.min(cols, limit);
  const size = planeH * planeW;
  const values = withValues ? new Float32Array(kr * kc * size) : NO_VALUES;
  if (withValues)
    for (let r = 0; r < kr; r++)
      for (let c = 0; c < kc; c++) {
        const from = (r * cols + c) * size;
        for (let k = 0; k < size; k++) values[(r * kc + c) * size + k] = p.values[from + k];
      }
  const marks = (p.marks ?? [])
    .filter((m) => Math.floor(m.plane / cols) < kr && m.plane % cols < kc)
    .map((m) => ({ ...m, plane: Math.floor(m.plane / cols) * kc + (m.plane % cols) }));
  const first = (k: number, n: number, one: "firstChannel" | "firstItem", many: "firstChannels" | "firstItems") =>
    k === 1 ? say(one, { n }) : say(many, { last: k - 1, n });
  const parts = [
    ...(kc < cols ? [first(kc, cols, "firstChannel", "firstChannels")] : []),
    ...(kr < rows ? [first(kr, rows, "firstItem", "firstItems")] : []),
  ];
  const note = [parts.join(say("listComma")), p.note].filter((s) => s).join(say("listSeparator"));
  return { ...p, note, values, layout: { rows: kr, cols: kc, planeH, planeW }, marks };
}

/** A figure's width budget in pixels (the `maxPx` of figureImage). */
export const FIGURE_PX = 1024;

/**
 * A figure's picture with the smallest cell it drew, in pixels (the size rule's check: png.ts writes it into the
 * PNG, so a script can list the notebook outputs below MIN_CELL_PX without guessing from pixels).
 */
export interface FigureImage extends RgbaImage {
  cellPx: number;
  /** The fewest cells a side a crop kept (a plane past CROP_CELLS, or a too-wide figure's); null: none cropped. */
  cropCells: number | null;
}

export function figureImage(panels: readonly FigurePanel[], scales: FigureScales, maxPx = FIGURE_PX): FigureImage {
  const ruled = "mode" in scales ? scales : null;
  // one scale and one bar, or (per channel) grid column c's own scale and a small bar for each
  const one = "mode" in scales ? (scales.mode === "shared" ? scales.scale : null) : scales;
  const columns = ruled?.mode === "channel" ? ruled.columns : [];
  const scaleOf = (c: number): ColorScale => one ?? columns[c] ?? columns[0];
  const { laid, cells, gutters, want, total, shownCols } = fitPanels(panels, maxPx);
  // each panel's share of the width: what its cells need, scaled down together past maxPx (a figure the crops
  // could not bring within it: many planes)
  const shares = want.map((w) => (total > maxPx ? Math.floor((w * maxPx) / total) : w));
  const optionsFor = (k: number, share: number): GridImageOptions => ({
    legendHeight: 0,
    gap: 4,
    maxPx: Math.max(8, share - gutters[k]),
    planePx: cells[k] * Math.max(laid[k].layout.planeH, laid[k].layout.planeW, 1),
  });
  const options = laid.map((_, k) => optionsFor(k, shares[k]));
  const images = laid.map((p, k) => drawGrid(p.values, p.layout, scaleOf, options[k], p.used));
  // a caption line for labels, one more for crop notes; each cut to its panel's width, so a long row title
  // never runs into the next panel's
  const labelLines = (laid.some((p) => p.label) ? 1 : 0) + (laid.some((p) => p.note) ? 1 : 0);
  const labelH = labelLines > 0 ? labelLines * CAPTION_LINE_PX + 4 : 0;
  const barH = 12;
  // the ticks in the caption font too (the 3×5 one at twice its size read blocky beside it), the line's empty
  // rows above the digits cut off
  const digitTop = captionGlyph("0")?.y ?? 0;
  const tickH = CAPTION_BASELINE - digitTop + 6;
  const width = Math.max(160, images.reduce((w, im, k) => w + im.width + gutters[k], 0) + GAP * (images.length - 1));
  const plotsH = Math.max(...images.map((im) => im.height));
  // a legend for each channel shown (the first shownCols when the figure keeps the first planes only)
  const legends = one ? null : channelLegends(columns.slice(0, Math.max(1, shownCols)), width - 8);
  const barsH = legends ? legends.height : barH + tickH;
  const lines = ruled ? wrapCaption(ruled.line, width - 8) : [];
  const height = labelH + plotsH + 4 + barsH + lines.length * CAPTION_LINE_PX + (lines.length > 0 ? 2 : 0);
  // the drawn cell: a plane's pixels over its cells (sampling rounds, so the smaller of its two sides)
  const drawn = laid.map((p, k) => {
    const g = gridGeometry(p.layout, options[k]);
    return Math.min(g.pw / Math.max(1, p.layout.planeW), g.ph / Math.max(1, p.layout.planeH));
  });
  const cellPx = Math.floor(Math.min(...drawn) * 100) / 100;
  const kept = laid.flatMap((p, k) =>
    !p.rowLabels && (p.layout.planeH < panels[k].layout.planeH || p.layout.planeW < panels[k].layout.planeW)
      ? [Math.min(p.layout.planeH, p.layout.planeW)]
      : [],
  );
  const cropCells = kept.length > 0 ? Math.min(...kept) : null;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const out: FigureImage = { width, height, data, cellPx, cropCells };

  let x0 = 0;
  images.forEach((im, k) => {
    const p = laid[k];
    const room = gutters[k] + im.width + (k < images.length - 1 ? GAP : 0) - 4;
    if (p.label) drawCaption(out, x0 + 4, 2, fitCaption(p.label, room), INK);
    if (p.note) drawCaption(out, x0 + 4, 2 + (labelLines - 1) * CAPTION_LINE_PX, fitCaption(p.note, room), INK);
    const geom = gridGeometry(p.layout, options[k]);
    if (p.rowLabels) {
      // each drawn row's first index, right-aligned in the gutter (a 1×5 font's rows need ≥ 6 px rows)
      const rowPx = geom.ph / p.layout.planeH;
      if (rowPx >= TEXT_HEIGHT + 1)
        p.rowLabels.forEach((n, r) => {
          const text = String(n);
          const y = labelH + geom.gap + Math.round(r * rowPx + (rowPx - TEXT_HEIGHT) / 2);
          drawText(out, x0 + gutters[k] - 2 - textWidth(text, 1), y, text, 1, INK);
        });
    }
    x0 += gutters[k];
    blit(out, im, x0, labelH);
    // labels sharing a corner (two boxes from one cell) stack one under the other, as the renderer's do
    const stacked = new Map<string, number>();
    for (const m of p.marks ?? []) {
      const r = cellsRect(p.layout, geom, m.plane, m.i, m.j, m.h, m.w);
      if (!r) continue;
      drawMark(out, x0 + r.x0, labelH + r.y0, x0 + r.x1, labelH + r.y1, m.kind);
      if (!m.text) continue;
      const corner = `${r.x0},${r.y0}`;
      const n = stacked.get(corner) ?? 0;
      stacked.set(corner, n + 1);
      drawTag(out, x0 + r.x0 + 2, labelH + r.y0 + 2 + n * TAG_H, m.text);
    }
    x0 += im.width + GAP;
  });

  const barY = labelH + plotsH + 4;
  if (one) {
    drawBar(out, 4, barY, width - 8, barH, one);
    const ticks = [0, 0.5, 1].map((t) => ({ t, text: formatNumber(one.lo + (one.hi - one.lo) * t) }));
    for (const { t, text } of ticks) {
      const w = captionWidth(text);
      const x = Math.round(Math.min(Math.max(4 + t * (width - 8) - w / 2, 4), 4 + width - 8 - w));
      drawCaption(out, x, barY + barH + 3 - digitTop, text, INK);
    }
  } else if (legends) {
    legends.at.forEach(({ x, y }, c) => {
      const s = columns[c];
      drawCaption(out, 4 + x, barY + y, fitCaption(say("legendChannel", { c }), legends.w), INK);
      const top = barY + y + CAPTION_LINE_PX;
      drawBar(out, 4 + x, top, legends.w, LEGEND_BAR_H, s);
      const lo = formatNumber(s.lo);
      const hi = formatNumber(s.hi);
      drawCaption(out, 4 + x, top + LEGEND_BAR_H + 2 - digitTop, lo, INK);
      drawCaption(out, 4 + x + legends.w - captionWidth(hi), top + LEGEND_BAR_H + 2 - digitTop, hi, INK);
    });
  }
  lines.forEach((text, k) => drawCaption(out, 4, barY + barsH + 2 + k * CAPTION_LINE_PX, text, INK));
  return out;
}

/**
 * An outline (black, with a white line inside it, visible on every colour) around [x0, x1) × [y0, y1), or for
 * "argmax" a white dot with a black ring in the cell's middle.
 */
export function drawMark(
  im: RgbaImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  kind: FigureMark["kind"],
): void {
  const set = (x: number, y: number, v: number): void => {
    if (x < 0 || y < 0 || x >= im.width || y >= im.height) return;
    const k = (y * im.width + x) * 4;
    im.data[k] = v;
    im.data[k + 1] = v;
    im.data[k + 2] = v;
    im.data[k + 3] = 255;
  };
  const frame = (a: number, b: number, c: number, d: number, v: number): void => {
    if (c <= a || d <= b) return;
    for (let x = a; x < c; x++) {
      set(x, b, v);
      set(x, d - 1, v);
    }
    for (let y = b; y < d; y++) {
      set(a, y, v);
      set(c - 1, y, v);
    }
  };
  if (kind === "argmax") {
    const cx = (x0 + x1 - 1) / 2;
    const cy = (y0 + y1 - 1) / 2;
    const r = Math.max(1.5, Math.min(x1 - x0, y1 - y0) / 4);
    for (let y = Math.floor(cy - r - 1); y <= Math.ceil(cy + r + 1); y++) {
      for (let x = Math.floor(cx - r - 1); x <= Math.ceil(cx + r + 1); x++) {
        const d = Math.hypot(x - cx, y - cy);
        if (d <= r) set(x, y, 255);
        else if (d <= r + 1) set(x, y, 0);
      }
    }
    return;
  }
  // the outline sits on the cells' own edge pixels, so it never covers a neighbour
  frame(x0, y0, x1, y1, 0);
  frame(x0 + 1, y0 + 1, x1 - 1, y1 - 1, kind === "cell" ? 0 : 255);
}

/** `text` cut with "…" to fit `width` pixels of the caption font (whole when it fits). */
export function fitCaption(text: string, width: number): string {
  if (captionWidth(text) <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && captionWidth(chars.join("") + "…") > width) chars.pop();
  return chars.join("") + "…";
}

/** A mark label's height: one caption line, cut to the digits' and letters' rows, with a 1-px margin. */
const TAG_H = CAPTION_LINE_PX - 2;

/**
 * A label on white with a thin ink frame at (x, y) (a RoI's name or index at its box's corner), in the caption
 * font, readable on any colour of the map; clipped to the image.
 */
export function drawTag(im: RgbaImage, x: number, y: number, text: string): void {
  const w = captionWidth(text) + 4;
  for (let yy = y; yy < Math.min(im.height, y + TAG_H); yy++)
    for (let xx = x; xx < Math.min(im.width, x + w); xx++) {
      if (xx < 0 || yy < 0) continue;
      const edge = yy === y || yy === y + TAG_H - 1 || xx === x || xx === x + w - 1;
      const v = edge ? INK[0] : 255;
      im.data.set([v, v, v, 255], (yy * im.width + xx) * 4);
    }
  drawCaption(im, x + 2, y - 1, text, INK);
}

/** The colour of each of FIGURE_LEVELS steps from a scale's lo to its hi (they depend on its kind only). */
const levels = new Map<ColorScale["kind"], Rgb[]>();
function levelColours(scale: ColorScale): Rgb[] {
  let lut = levels.get(scale.kind);
  if (!lut) {
    lut = Array.from({ length: FIGURE_LEVELS }, (_, k) => colorAt(k / (FIGURE_LEVELS - 1), scale.kind));
    levels.set(scale.kind, lut);
  }
  return lut;
}

/** A horizontal colour bar from `scale`'s lo (left) to its hi (right), in the figure's colour steps. */
function drawBar(out: RgbaImage, x0: number, y0: number, w: number, h: number, scale: ColorScale): void {
  const lut = levelColours(scale);
  for (let x = 0; x < w; x++) {
    const [r, g, b] = lut[Math.floor((w > 1 ? x / (w - 1) : 0) * (FIGURE_LEVELS - 1) + 0.5)];
    for (let y = 0; y < h; y++) {
      const k = ((y0 + y) * out.width + x0 + x) * 4;
      out.data[k] = r;
      out.data[k + 1] = g;
      out.data[k + 2] = b;
    }
  }
}

/** A per-channel bar's height, and the space between two channels' legends. */
const LEGEND_BAR_H = 8;
const LEGEND_GAP = 12;
/** A per-channel bar's least width: long enough to read as a gradient. */
const LEGEND_MIN_W = 64;

/**
 * Where each channel's legend (its label, a small bar, its min and max under the bar's ends) goes within
 * `width`: all of one width, enough for the longest label and the widest pair of numbers, as many to a line
 * as fit.
 */
export function channelLegends(
  columns: readonly ColorScale[],
  width: number,
): { w: number; at: { x: number; y: number }[]; height: number } {
  const digitTop = captionGlyph("0")?.y ?? 0;
  const itemH = CAPTION_LINE_PX + LEGEND_BAR_H + 2 + CAPTION_BASELINE - digitTop + 4;
  const need = columns.map((s, c) =>
    Math.max(
      LEGEND_MIN_W,
      captionWidth(say("legendChannel", { c })),
      captionWidth(formatNumber(s.lo)) + captionWidth(formatNumber(s.hi)) + 8,
    ),
  );
  const w = Math.min(Math.max(0, width), Math.max(LEGEND_MIN_W, ...need));
  const perLine = Math.max(1, Math.floor((width + LEGEND_GAP) / (w + LEGEND_GAP)));
  const at = columns.map((_, c) => ({
    x: (c % perLine) * (w + LEGEND_GAP),
    y: Math.floor(c / perLine) * itemH,
  }));
  return { w, at, height: Math.ceil(columns.length / perLine) * itemH };
}

/**
 * `text` in lines of at most `width` pixels of the caption font, broken at the last space that fits (anywhere in
 * a run without spaces, as Chinese is written); at most `max` lines, the last cut with "…".
 */
export function wrapCaption(text: string, width: number, max = 3): string[] {
  const out: string[] = [];
  let rest = Array.from(text);
  while (rest.length > 0 && out.length < max) {
    if (out.length === max - 1 || captionWidth(rest.join("")) <= width) {
      out.push(fitCaption(rest.join(""), width));
      break;
    }
    let n = 1;
    while (n < rest.length && captionWidth(rest.slice(0, n + 1).join("")) <= width) n++;
    const space = rest.slice(0, n + 1).lastIndexOf(" ");
    const cut = space > 0 ? space : n;
    out.push(rest.slice(0, cut).join("").trimEnd());
    rest = rest.slice(cut);
    while (rest[0] === " ") rest.shift();
  }
  return out;
}

/**
 * All planes on a grid as gridImage lays them out (the same geometry and nearest-neighbour sampling, so marks
 * from cellsRect land on their cells), each value in the colour of its nearest step on its grid column's scale.
 */
function drawGrid(
  values: ArrayLike<number>,
  layout: GridLayout,
  scaleOf: (col: number) => ColorScale,
  o: GridImageOptions,
  used?: Uint8Array,
): RgbaImage {
  const { gap, pw, ph, width, height } = gridGeometry(layout, o);
  const { rows, cols, planeH, planeW } = layout;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  if (planeH <= 0 || planeW <= 0) return { width, height, data }; // an empty tensor: no cell to sample
  const top = FIGURE_LEVELS - 1;
  const rowOf = Int32Array.from({ length: ph }, (_, y) => Math.min(planeH - 1, Math.floor((y * planeH) / ph)));
  const colOf = Int32Array.from({ length: pw }, (_, x) => Math.min(planeW - 1, Math.floor((x * planeW) / pw)));
  for (let c = 0; c < cols; c++) {
    const scale = scaleOf(c);
    const lut = levelColours(scale);
    const span = scale.hi - scale.lo;
    for (let r = 0; r < rows; r++) {
      const base = (r * cols + c) * planeH * planeW;
      const x0 = gap + c * (pw + gap);
      const y0 = gap + r * (ph + gap);
      for (let y = 0; y < ph; y++) {
        const row = base + rowOf[y] * planeW;
        let k = ((y0 + y) * width + x0) * 4;
        for (let x = 0; x < pw; x++, k += 4) {
          if (used && !used[row + colOf[x]]) continue; // a wrapped row's tail: left blank (white)
          const v = values[row + colOf[x]];
          let rgb: Rgb;
          if (v - v === 0) {
            const t = (v - scale.lo) / span;
            rgb = lut[t <= 0 ? 0 : t >= 1 ? top : Math.floor(t * top + 0.5)];
          } else rgb = valueColor(v, scale);
          data[k] = rgb[0];
          data[k + 1] = rgb[1];
          data[k + 2] = rgb[2];
        }
      }
    }
  }
  return { width, height, data };
}

function blit(dst: RgbaImage, src: RgbaImage, x0: number, y0: number): void {
  for (let y = 0; y < src.height && y0 + y < dst.height; y++) {
    const from = y * src.width * 4;
    const to = ((y0 + y) * dst.width + x0) * 4;
    dst.data.set(src.data.subarray(from, from + Math.min(src.width, dst.width - x0) * 4), to);
  }
}
