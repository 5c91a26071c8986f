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

/** Above this many token pairs the alignment is skipped (memory and time), and frames show no cell line. */
const MAX_PAIRS = 16_000_000;

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

/** For each output token, the index of its aligned source token, or -1. */
function align(src: Token[], out: Token[]): Int32Array | null {
  const n = src.length;
  const m = out.length;
  if ((n + 1) * (m + 1) > MAX_PAIRS) return null;
  const w = m + 1;
  const table = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] =
        src[i].text === out[j].text
          ? table[(i + 1) * w + j + 1] + 1
          : Math.max(table[(i + 1) * w + j], table[i * w + j + 1]);
    }
  }
  const match = new Int32Array(m).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (src[i].text === out[j].text && table[i * w + j] === table[(i + 1) * w + j + 1] + 1) {
      match[j] = i;
      i++;
      j++;
    } else if (table[(i + 1) * w + j] >= table[i * w + j + 1]) i++;
    else j++;
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
