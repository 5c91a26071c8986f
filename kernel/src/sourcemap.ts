/**
 * Maps a position in a cell's compiled JavaScript back to a line of the cell as written. tslab's converter emits
 * no source map (its compiler options are private to it), and the code is printed twice (TypeScript's emit, then
 * a CommonJS rewrite), so the map is rebuilt from the two texts: both are split into tokens and aligned by their
 * longest common subsequence. The emit keeps the user's identifiers, literals and keywords in order and only adds
 * (`exports.`, `(0, poolscope_1.f)`, the export preamble) or drops (types) around them, so a frame's position
 * lands on, or just before, an aligned token of the source.
 */
import type * as TS from "@tslab/typescript-for-tslab";
import { ts } from "./tslab.js";

interface Token {
  text: string;
  pos: number;
  /** An identifier, keyword or literal: what the emit carries over, unlike punctuation it also makes up. */
  word: boolean;
}

/**
 * Above this many inserted or dropped tokens the alignment gives up (its memory grows with their square), and
 * frames show no cell line. The emit adds a few tokens per declaration and per imported call, so a cell needs
 * hundreds of statements to come near it; a long literal (a pasted image) costs nothing, as it is copied as is.
 */
const MAX_EDITS = 3000;

function tokens(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const out: Token[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    out.push({ text: scanner.getTokenText(), pos: scanner.getTokenPos(), word: isWord(kind) });
  }
  return out;
}

function isWord(kind: TS.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.Identifier ||
    (kind >= ts.SyntaxKind.FirstKeyword && kind <= ts.SyntaxKind.LastKeyword) ||
    (kind >= ts.SyntaxKind.FirstLiteralToken && kind <= ts.SyntaxKind.LastTemplateToken)
  );
}

/**
 * For each output token, the index of its aligned source token, or -1: a longest common subsequence of the two
 * token texts by Myers' O((N+M)·D) difference algorithm (D, the tokens one side has and the other lacks, is small
 * here), or null past MAX_EDITS.
 */
function align(src: Token[], out: Token[]): Int32Array | null {
  const n = src.length;
  const m = out.length;
  const limit = Math.min(n + m, MAX_EDITS);
  const offset = limit + 1;
  // v[offset + k]: the furthest source index reached on diagonal k (source index − output index)
  const v = new Int32Array(2 * limit + 3);
  const steps: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && src[x].text === out[y].text) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        steps.push(v.slice(offset - d, offset + d + 1));
        return backtrack(steps, n, m);
      }
    }
    steps.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

/** Walks the recorded steps back from the end, marking the diagonal runs (the matches). */
function backtrack(steps: Int32Array[], n: number, m: number): Int32Array {
  const match = new Int32Array(m).fill(-1);
  let x = n;
  let y = m;
  for (let d = steps.length - 1; d > 0; d--) {
    const before = steps[d - 1];
    const at = (k: number): number => before[k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    // the run of matches after the step: from the step's end to (x, y)
    const runStart = down ? prevX : prevX + 1;
    while (x > runStart) {
      x--;
      y--;
      match[y] = x;
    }
    x = prevX;
    y = prevX - prevK;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    match[y] = x;
  }
  return match;
}

const alignments = new WeakMap<object, { src: Token[]; out: Token[]; match: Int32Array | null }>();

/**
 * The 0-based line of `source` that the 0-based (line, column) of `output` came from, or null when no aligned
 * token is near it. `key` caches the alignment per cell.
 */
export function mapToSource(source: string, output: string, line: number, column: number, key?: object): number | null {
  let entry = key ? alignments.get(key) : undefined;
  if (!entry) {
    const src = tokens(source);
    const out = tokens(output);
    entry = { src, out, match: align(src, out) };
    if (key) alignments.set(key, entry);
  }
  const { src, out, match } = entry;
  if (!match) return null;
  const offset = offsetOf(output, line, column);
  const lineEnd = output.indexOf("\n", offset) < 0 ? output.length : output.indexOf("\n", offset);
  // the token at the frame's position, then the first aligned word after it on the same line (V8 points a call
  // at `(0, poolscope_1.maxPool2d)(…)`'s start, before the name the user wrote), else the last one before it
  let k = out.findIndex((t) => t.pos + t.text.length > offset);
  if (k < 0) k = out.length;
  for (let j = k; j < out.length && out[j].pos < lineEnd; j++) {
    if (match[j] >= 0 && out[j].word) return lineOf(source, src[match[j]].pos);
  }
  for (let j = Math.min(k, out.length) - 1; j >= 0; j--) {
    if (match[j] >= 0 && out[j].word) return lineOf(source, src[match[j]].pos);
  }
  return null;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column;
}

function lineOf(text: string, pos: number): number {
  let line = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < pos; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
