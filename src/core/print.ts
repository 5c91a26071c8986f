/**
 * A tensor's values as PyTorch prints them (torch/_tensor_str.py with the default print options): precision 4,
 * one width for every value, integers as `1.`, scientific notation when the non-zero finite magnitudes span more
 * than 1000× or leave [1e-4, 1e8], lines wrapped at 80 characters, and past 1000 values a summary of 3 items
 * at each edge of every dim with `...` between. Python's formatting rounds the exact binary value half to even,
 * which JavaScript's toFixed does not; `fixed` and `sci` below do as Python does.
 */
import { shapeSize } from "./shape.js";

const PRECISION = 4;
const THRESHOLD = 1000;
const EDGE = 3;
const LINE_WIDTH = 80;

/** Python's f"{v:.{p}f}" for a finite v. */
export function fixed(v: number, p: number): string {
  let s = Math.abs(v).toFixed(p);
  // toFixed rounds an exact tie up; Python rounds it to even. A tie's exact digits past p are "5" then zeros.
  const exact = Math.abs(v) < 1e21 ? Math.abs(v).toFixed(Math.min(100, p + 60)) : "";
  const tail = exact.slice(exact.indexOf(".") + 1 + p);
  if (/^50*$/.test(tail)) {
    const down = exact.slice(0, exact.indexOf(".") + 1 + p).replace(/\.$/, "");
    const last = down.replace(".", "");
    if (Number(last[last.length - 1]) % 2 === 0) s = down;
  }
  return (v < 0 || Object.is(v, -0) ? "-" : "") + s;
}

/** Python's f"{v:.{p}e}" for a finite v: a mantissa, then e, a sign and at least two exponent digits. */
export function sci(v: number, p: number): string {
  let s = Math.abs(v).toExponential(p);
  const exact = Math.abs(v).toExponential(Math.min(100, p + 60));
  const [digits, exp] = exact.split("e");
  const tail = digits.replace(".", "").slice(p + 1);
  if (/^50*$/.test(tail)) {
    const down = digits.slice(0, p === 0 ? 1 : p + 2);
    if (Number(down[down.length - 1]) % 2 === 0) s = `${down}e${exp}`;
  }
  const [m, e] = s.split("e");
  const n = Number(e);
  const body = `${m}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  return (v < 0 || Object.is(v, -0) ? "-" : "") + body;
}

function special(v: number): string | null {
  if (Number.isNaN(v)) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  return null;
}

/** PyTorch's _Formatter: decides the mode and width from the values that will be printed. */
class Formatter {
  intMode = true;
  sciMode = false;
  width = 1;

  constructor(values: ArrayLike<number>) {
    let lo = Infinity;
    let hi = 0;
    let any = false;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v) || v === 0) continue;
      any = true;
      const a = Math.abs(v);
      if (a < lo) lo = a;
      if (a > hi) hi = a;
      if (v !== Math.ceil(v)) this.intMode = false;
    }
    if (!any) return;
    this.sciMode = hi / lo > 1000 || hi > 1e8 || (!this.intMode && lo < 1e-4);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v) || v === 0) continue;
      // int mode counts the "." it appends
      const len = this.sciMode
        ? sci(v, PRECISION).length
        : this.intMode
          ? fixed(v, 0).length + 1
          : fixed(v, PRECISION).length;
      if (len > this.width) this.width = len;
    }
  }

  format(v: number): string {
    let s = special(v);
    if (s === null) {
      if (this.sciMode) s = sci(v, PRECISION);
      else if (this.intMode) s = `${fixed(v, 0)}.`;
      else s = fixed(v, PRECISION);
    }
    return s.padStart(this.width);
  }
}

/** A tensor's shape and row-major values, all the printer needs (so it takes no Tensor and imports none). */
export interface Printable {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

/** The values that will be printed: all of them, or the edges when summarising. */
function shown(shape: readonly number[], data: ArrayLike<number>, summarize: boolean): number[] {
  const out: number[] = [];
  const rec = (d: number, off: number): void => {
    if (d === shape.length) {
      out.push(data[off]);
      return;
    }
    const stride = shapeSize(shape.slice(d + 1));
    const n = shape[d];
    const idx = summarize && n > 2 * EDGE ? [0, 1, 2, n - 3, n - 2, n - 1] : Array.from({ length: n }, (_, i) => i);
    for (const i of idx) rec(d + 1, off + i * stride);
  };
  rec(0, 0);
  return out;
}

/** `tensor([[1., 2.], [3., 4.]])`, as print(torch.tensor(...)) shows a float32 tensor. */
export function formatTensor(t: Printable): string {
  const prefix = "tensor(";
  const size = shapeSize(t.shape);
  if (size === 0) {
    // an empty tensor prints its size unless it is 1-d
    return t.shape.length === 1 ? "tensor([])" : `tensor([], size=(${t.shape.join(", ")}))`;
  }
  const summarize = size > THRESHOLD;
  const f = new Formatter(shown(t.shape, t.data, summarize));
  if (t.shape.length === 0) return `${prefix}${f.format(t.data[0])})`;
  const strides = t.shape.map((_, d) => shapeSize(t.shape.slice(d + 1)));
  const body = (d: number, off: number, indent: number): string => {
    const n = t.shape[d];
    const cut = summarize && n > 2 * EDGE;
    const rank = t.shape.length - d;
    if (rank === 1) {
      const items = cut
        ? [
            ...[0, 1, 2].map((i) => f.format(t.data[off + i])),
            " ...",
            ...[n - 3, n - 2, n - 1].map((i) => f.format(t.data[off + i])),
          ]
        : Array.from({ length: n }, (_, i) => f.format(t.data[off + i]));
      const perLine = Math.max(1, Math.floor((LINE_WIDTH - indent) / (f.width + 2)));
      const lines: string[] = [];
      for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(", "));
      return `[${lines.join(`,\n${" ".repeat(indent + 1)}`)}]`;
    }
    const idx = cut ? [0, 1, 2, -1, n - 3, n - 2, n - 1] : Array.from({ length: n }, (_, i) => i);
    const parts = idx.map((i) => (i < 0 ? "..." : body(d + 1, off + i * strides[d], indent + 1)));
    return `[${parts.join(`,${"\n".repeat(rank - 1)}${" ".repeat(indent + 1)}`)}]`;
  };
  return `${prefix}${body(0, 0, prefix.length)})`;
}
