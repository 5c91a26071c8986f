/**
 * A tensor's values as PyTorch prints them (torch/_tensor_str.py): by default precision 4, one width for every
 * value, integers as `1.`, scientific notation when the non-zero finite magnitudes span more than 1000× or leave
 * [1e-4, 1e8], lines wrapped at 80 characters, and past 1000 values a summary of 3 items at each edge of every
 * dim with `...` between; `setPrintOptions` changes these as torch.set_printoptions does. Python's formatting
 * rounds the exact binary value half to even, which JavaScript's toFixed does not; `fixed` and `sci` below do
 * as Python does.
 */
import { ParameterError } from "./errors.js";
import { shapeSize } from "./shape.js";

/** The languages the library prints in (core/messages.ts); English is the default. */
export const LANGUAGES = ["en", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

/** torch.set_printoptions's options, camelCased; sciMode null lets the values decide, as PyTorch's None. */
export interface PrintOptions {
  /** Digits after the point (default 4). */
  precision: number;
  /** More values than this are summarised (default 1000; Infinity never). */
  threshold: number;
  /** Items shown at each edge of a summarised dim (default 3). */
  edgeitems: number;
  /** Characters per line before a row of values wraps (default 80). */
  linewidth: number;
  /** true: always scientific notation, false: never, null: chosen from the values (default). */
  sciMode: boolean | null;
  /**
   * The language of the words the library prints (text lines, PNG labels, explain*'s steps): "en" (default) or
   * "zh". Not PyTorch's; kept until set again, whatever the profile. Error messages stay English.
   */
  language: Language;
}

const PROFILES = {
  default: { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 },
  short: { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 },
  full: { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 },
} as const;

let opts: PrintOptions = { ...PROFILES.default, sciMode: null, language: "en" };

/**
 * Sets how tensors print, as torch.set_printoptions: `profile` ("default", "short" or "full") first, then
 * each option given. As in PyTorch, sciMode goes back to null (automatic) unless given.
 */
export function setPrintOptions(
  options: Partial<PrintOptions> & { profile?: "default" | "short" | "full" } = {},
): void {
  const next: PrintOptions = { ...opts, sciMode: null };
  const { profile, ...rest } = options ?? {};
  if (profile !== undefined) {
    if (!(profile in PROFILES))
      throw new ParameterError("setPrintOptions", "profile", profile, 'must be "default", "short" or "full"');
    Object.assign(next, PROFILES[profile]);
  }
  const whole = (name: keyof PrintOptions, v: unknown, min: number, inf = false): void => {
    if (v === undefined || v === null) return;
    if (typeof v !== "number" || !(Number.isInteger(v) || (inf && v === Infinity)) || v < min)
      throw new ParameterError(
        "setPrintOptions",
        name,
        v,
        `must be a whole number ≥ ${min}${inf ? " or Infinity" : ""}`,
      );
    (next as unknown as Record<string, number>)[name] = v;
  };
  whole("precision", rest.precision, 0);
  whole("threshold", rest.threshold, 0, true);
  whole("edgeitems", rest.edgeitems, 0);
  whole("linewidth", rest.linewidth, 1);
  if (rest.sciMode !== undefined && rest.sciMode !== null) {
    if (typeof rest.sciMode !== "boolean")
      throw new ParameterError("setPrintOptions", "sciMode", rest.sciMode, "must be true, false or null");
    next.sciMode = rest.sciMode;
  }
  if (rest.language !== undefined) {
    if (!LANGUAGES.includes(rest.language))
      throw new ParameterError("setPrintOptions", "language", rest.language, 'must be "en" or "zh"');
    next.language = rest.language;
  }
  opts = next;
}

/** The print options in use (torch.get_printoptions). */
export function getPrintOptions(): PrintOptions {
  return { ...opts };
}

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
    this.sciMode = opts.sciMode ?? (hi / lo > 1000 || hi > 1e8 || lo < 1e-4);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v) || v === 0) continue;
      // int mode counts the "." it appends
      const len = this.sciMode
        ? sci(v, opts.precision).length
        : this.intMode
          ? fixed(v, 0).length + 1
          : fixed(v, opts.precision).length;
      if (len > this.width) this.width = len;
    }
  }

  format(v: number): string {
    let s = special(v);
    if (s === null) {
      if (this.sciMode) s = sci(v, opts.precision);
      else if (this.intMode) s = `${fixed(v, 0)}.`;
      else s = fixed(v, opts.precision);
    }
    return s.padStart(this.width);
  }
}

/** A tensor's shape and row-major values, all the printer needs (so it takes no Tensor and imports none). */
export interface Printable {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

/**
 * The indices of a dim of size n that print: all, or `edge` at each end when summarising. PyTorch's quirk
 * kept: a summarised 1-d row with edgeitems 0 shows every value (its x[-0:] is all of x), deeper dims none.
 */
function edges(n: number, summarize: boolean, innermost: boolean): number[] {
  const edge = opts.edgeitems;
  if (summarize && edge === 0 && !innermost) return [];
  if (summarize && edge > 0 && n > 2 * edge)
    return [...Array.from({ length: edge }, (_, i) => i), ...Array.from({ length: edge }, (_, i) => n - edge + i)];
  return Array.from({ length: n }, (_, i) => i);
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
    for (const i of edges(shape[d], summarize, d === shape.length - 1)) rec(d + 1, off + i * stride);
  };
  rec(0, 0);
  return out;
}

/** `tensor([[1., 2.], [3., 4.]])`, as print(torch.tensor(...)) shows a float32 tensor. */
export function formatTensor(t: Printable): string {
  const prefix = "tensor(";
  const size = shapeSize(t.shape);
  // Python's str(tuple(shape)): (3,) for one dim
  const sizeText = `size=(${t.shape.join(", ")}${t.shape.length === 1 ? "," : ""})`;
  if (size === 0) {
    // an empty tensor prints its size unless it is 1-d
    return withSuffixes(`${prefix}[]`, t.shape.length === 1 ? [] : [sizeText], prefix.length);
  }
  // with edgeitems 0 no value shows, so PyTorch says the size
  return withSuffixes(`${prefix}${values(t, prefix.length)}`, opts.edgeitems === 0 ? [sizeText] : [], prefix.length);
}

/** PyTorch's _add_suffixes: ", size=(…)" on the last line, or on a new one past the line width. */
function withSuffixes(text: string, suffixes: readonly string[], indent: number): string {
  let out = text;
  let last = text.length - text.lastIndexOf("\n") + 1;
  for (const s of suffixes) {
    if (last + s.length + 2 > opts.linewidth) {
      out += `,\n${" ".repeat(indent)}${s}`;
      last = indent + s.length;
    } else {
      out += `, ${s}`;
      last += s.length + 2;
    }
  }
  return `${out})`;
}

/** The bracketed values of a non-empty tensor, its first line after `indent` characters. */
function values(t: Printable, indent: number): string {
  const size = shapeSize(t.shape);
  const summarize = size > opts.threshold;
  const f = new Formatter(shown(t.shape, t.data, summarize));
  if (t.shape.length === 0) return f.format(t.data[0]);
  const strides = t.shape.map((_, d) => shapeSize(t.shape.slice(d + 1)));
  const edge = opts.edgeitems;
  const body = (d: number, off: number, indent: number): string => {
    const n = t.shape[d];
    const cut = summarize && n > 2 * edge;
    const rank = t.shape.length - d;
    if (rank === 1) {
      const at = (i: number): string => f.format(t.data[off + i]);
      let items: string[];
      if (summarize && edge === 0) items = ["..."];
      else if (cut)
        items = [
          ...Array.from({ length: edge }, (_, i) => at(i)),
          " ...",
          ...Array.from({ length: edge }, (_, i) => at(n - edge + i)),
        ];
      else items = Array.from({ length: n }, (_, i) => at(i));
      const perLine = Math.max(1, Math.floor((opts.linewidth - indent) / (f.width + 2)));
      const lines: string[] = [];
      for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(", "));
      return `[${lines.join(`,\n${" ".repeat(indent + 1)}`)}]`;
    }
    const idx = cut
      ? [...Array.from({ length: edge }, (_, i) => i), -1, ...Array.from({ length: edge }, (_, i) => n - edge + i)]
      : Array.from({ length: n }, (_, i) => i);
    const parts = idx.map((i) => (i < 0 ? "..." : body(d + 1, off + i * strides[d], indent + 1)));
    return `[${parts.join(`,${"\n".repeat(rank - 1)}${" ".repeat(indent + 1)}`)}]`;
  };
  return body(0, 0, indent);
}
