/**
 * Saves a view as PNG, entirely in the browser: every canvas and text line of the view is painted onto one
 * canvas at its on-screen position (text with fillText, never HTML), then downloaded.
 */

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

export function composeView(root: HTMLElement): HTMLCanvasElement {
  const box = root.getBoundingClientRect();
  const out = document.createElement("canvas");
  out.width = Math.max(1, Math.ceil(box.width));
  out.height = Math.max(1, Math.ceil(box.height));
  const ctx = out.getContext("2d");
  if (!ctx) return out;
  const style = getComputedStyle(root);
  ctx.fillStyle = style.getPropertyValue("--jp-layout-color0").trim() || "#fff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.imageSmoothingEnabled = false; // pixel-exact cells, as on screen
  for (const c of Array.from(root.querySelectorAll("canvas"))) {
    const r = c.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && !c.closest("[hidden]"))
      ctx.drawImage(c, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  for (const t of Array.from(root.querySelectorAll<HTMLElement>(TEXT_SELECTOR))) {
    if (!t.textContent || t.closest("[hidden]")) continue;
    const r = t.getBoundingClientRect();
    const s = getComputedStyle(t);
    ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    ctx.fillStyle = s.color;
    ctx.textBaseline = "top";
    ctx.fillText(t.textContent, r.left - box.left, r.top - box.top + 1);
  }
  return out;
}

export async function downloadPng(root: HTMLElement, title: string | undefined): Promise<void> {
  const canvas = composeView(root);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("the browser could not encode the PNG");
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = pngFileName(title);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
