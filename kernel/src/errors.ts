/**
 * What tslab reports through its console.error during a cell, turned into a Jupyter error: ename, evalue and a
 * traceback. tslab passes either an exception, or TypeScript diagnostics as ("%s%d:%d - %s", file, line, col,
 * message).
 *
 * An exception's traceback reads like IPython's: most recent call last, each frame in a cell as "Cell In[3],
 * line 2" with the lines around it as the user wrote them, frames inside poolscope folded into one line, and
 * frames of tslab, the kernel and Node dropped (IPython hides its own the same way). V8's stack also opens with
 * the throwing library line and a caret (vm's decoration); that is dropped too, so no file of the library shows.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, sep } from "node:path";
import { format } from "node:util";
import { isCellScript, locateInCell, type CellPosition } from "./cells.js";

export interface JupyterError {
  ename: string;
  evalue: string;
  traceback: string[];
}

export function toJupyterError(reports: unknown[][]): JupyterError {
  const exception = reports.find((args) => args.length === 1 && isErrorLike(args[0]));
  if (exception) {
    const e = exception[0] as { name?: unknown; message?: unknown; stack?: unknown };
    const ename = typeof e.name === "string" && e.name ? e.name : "Error";
    const evalue = typeof e.message === "string" ? e.message : String(e);
    const stack = typeof e.stack === "string" ? e.stack : "";
    return { ename, evalue, traceback: traceback(ename, evalue, stack) };
  }
  if (reports.length === 1 && reports[0].length === 1 && !isErrorLike(reports[0][0])) {
    // `throw "text"` or a non-Error value
    const text = format(reports[0][0]);
    return { ename: "Error", evalue: text, traceback: [`Uncaught ${text}`] };
  }
  const lines = reports.map((args) => format(...(args as [unknown, ...unknown[]])));
  return { ename: "TypeScriptError", evalue: lines.join("\n"), traceback: lines };
}

function isErrorLike(v: unknown): boolean {
  return v instanceof Error || (typeof v === "object" && v !== null && "message" in v && "stack" in v);
}

interface Frame {
  fn: string;
  script: string;
  line: number;
  column: number;
}

const FRAME = /^\s+at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;

function parseFrames(stack: string): Frame[] {
  const frames: Frame[] = [];
  for (const l of stack.split("\n")) {
    const m = FRAME.exec(l);
    if (m) frames.push({ fn: m[1] ?? "", script: m[2], line: Number(m[3]), column: Number(m[4]) });
  }
  return frames;
}

/** The library's dist folder (where `poolscope` resolves), or null when the kernel runs without it. */
const libraryDir = ((): string | null => {
  try {
    return realpathSync(dirname(fileURLToPath(import.meta.resolve("poolscope"))));
  } catch {
    return null;
  }
})();

function scriptPath(script: string): string {
  return script.startsWith("file://") ? fileURLToPath(script) : script;
}

function isLibrary(script: string): boolean {
  if (!libraryDir) return false;
  const p = scriptPath(script);
  return p === libraryDir || p.startsWith(libraryDir + sep);
}

const RULE = "-".repeat(75);
const CONTEXT = 2;

function traceback(ename: string, evalue: string, stack: string): string[] {
  // V8 lists the innermost frame first; IPython, and so learners, read the outermost first
  const frames = parseFrames(stack).reverse();
  const out: string[] = [`${RULE}\n${ename.padEnd(42)}Traceback (most recent call last)`];
  let folded = 0;
  const flush = (): void => {
    if (folded > 0) out.push(`    [... ${folded} frame${folded === 1 ? "" : "s"} inside poolscope]`);
    folded = 0;
  };
  for (const f of frames) {
    if (isCellScript(f.script)) {
      flush();
      const at = locateInCell(f.script, f.line, f.column);
      if (at === "wrapper") continue;
      const entry = at ? cellFrame(at, f.fn) : `Cell${inFunction(f.fn)}`;
      // an arrow on the line that called it (`xs.map((v) => f(v))`) would repeat the line word for word
      if (entry !== out[out.length - 1]) out.push(entry);
    } else if (isLibrary(f.script)) folded++;
    // tslab, the kernel, Node's internals: not the learner's code, and not what they called
  }
  flush();
  out.push(`${ename}: ${evalue}`);
  return out;
}

function cellFrame({ cell, line }: CellPosition, fn: string): string {
  const name = cell.count === undefined ? "Cell" : `Cell In[${cell.count}]`;
  if (line === null) return `${name}${inFunction(fn)}`;
  const lines = cell.source.split("\n");
  const first = Math.max(1, line - CONTEXT);
  const last = Math.min(lines.length, line + CONTEXT);
  const width = String(last).length;
  const body: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? "---->" : "     ";
    body.push(`${marker} ${String(n).padStart(width)} ${lines[n - 1]}`);
  }
  return `${name}, line ${line}${inFunction(fn)}\n${body.join("\n")}`;
}

/** `, in f` for a named function; nothing for a cell's top level, which runs in tslab's anonymous wrapper. */
function inFunction(fn: string): string {
  // a function of an earlier cell is called through tslab's exports proxy, which V8 names `Proxy.f`
  const bare = fn.replace(/^async /, "").replace(/^(Proxy|Object)\./, "");
  return bare && bare !== "<anonymous>" ? `, in ${bare}` : "";
}
