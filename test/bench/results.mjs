// test/bench/RESULTS.md is shared by the benches: each one owns a section between `<!-- bench:NAME -->` and
// `<!-- /bench:NAME -->` and rewrites only that, so running one bench never erases another's numbers (or the
// text written by hand outside the markers). kernel_startup.py does the same in Python.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const RESULTS = process.env.BENCH_OUT ?? fileURLToPath(new URL("./RESULTS.md", import.meta.url));

/**
 * The text with section `name` replaced by `body` (markers kept), or with the section appended when the text
 * has none yet. Pure, for the unit test.
 * @param {string} text
 * @param {string} name
 * @param {string} body
 * @returns {string}
 */
export function replaceSection(text, name, body) {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${body.replace(/\n+$/, "")}\n${close}`;
  const start = text.indexOf(open);
  const end = start < 0 ? -1 : text.indexOf(close, start);
  if (start < 0 || end < 0) return `${text.replace(/\n*$/, text === "" ? "" : "\n\n")}${block}\n`;
  return text.slice(0, start) + block + text.slice(end + close.length);
}

/**
 * Rewrites section `name` of the results file with `lines`.
 * @param {string} name
 * @param {string[]} lines
 * @param {string} [file]
 */
export function writeSection(name, lines, file = RESULTS) {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  writeFileSync(file, replaceSection(text, name, lines.join("\n")));
}
