/**
 * An exception of a cell as a Jupyter error, read like the server kernel's (kernel/src/errors.ts, which works on
 * Node's file paths and tslab's frames and so cannot run here): most recent call last, each frame in a cell as
 * "Cell In[3], line 2" with the lines around it, frames of the library folded into one line, the kernel's own
 * frames dropped. Frames of a cell name its sourceURL (`poolscope-cell-<count>`), and the compiled cell keeps
 * the cell's lines (compile.ts), so the frame's line is the line the user wrote.
 */
import type { JupyterError } from "./protocol.js";

export const CELL_URL = "poolscope-cell-";
const RULE = "-".repeat(75);
const CONTEXT = 2;
// V8: "    at f (url:line:col)" or "    at url:line:col"; Firefox and Safari: "f@url:line:col"
const FRAME = /^\s*(?:at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?|(.*?)@(.+?):(\d+):(\d+))\s*$/;

interface Frame {
  fn: string;
  script: string;
  line: number;
}

function frames(stack: string): Frame[] {
  const out: Frame[] = [];
  for (const l of stack.split("\n")) {
    const m = FRAME.exec(l);
    if (!m) continue;
    if (m[2] !== undefined) out.push({ fn: m[1] ?? "", script: m[2], line: Number(m[3]) });
    else out.push({ fn: m[5] ?? "", script: m[6], line: Number(m[7]) });
  }
  return out;
}

/** The cell count a frame's script is, or null when it is no cell. */
function cellOf(script: string): number | null {
  const m = new RegExp(`${CELL_URL}(\\d+)$`).exec(script);
  return m ? Number(m[1]) : null;
}

/** The lines around `line` of a cell, the line itself marked, as IPython shows them. */
export function cellContext(count: number, source: string, line: number, fn = ""): string {
  const lines = source.split("\n");
  const first = Math.max(1, line - CONTEXT);
  const last = Math.min(lines.length, line + CONTEXT);
  const width = String(last).length;
  const body: string[] = [];
  for (let n = first; n <= last; n++)
    body.push(`${n === line ? "---->" : "     "} ${String(n).padStart(width)} ${lines[n - 1]}`);
  return `Cell In[${count}], line ${line}${inFunction(fn)}\n${body.join("\n")}`;
}

function inFunction(fn: string): string {
  const bare = fn.replace(/^async /, "");
  return bare && bare !== "<anonymous>" && bare !== "eval" ? `, in ${bare}` : "";
}

export function toJupyterError(e: unknown, sources: ReadonlyMap<number, string>): JupyterError {
  if (!(e instanceof Error) && !(typeof e === "object" && e !== null && "message" in e)) {
    const text = String(e);
    return { ename: "Error", evalue: text, traceback: [`Uncaught ${text}`] };
  }
  const err = e as { name?: unknown; message?: unknown; stack?: unknown };
  const ename = typeof err.name === "string" && err.name ? err.name : "Error";
  const evalue = typeof err.message === "string" ? err.message : String(e);
  const out = [`${RULE}\n${ename.padEnd(42)}Traceback (most recent call last)`];
  // outermost first; before the first cell frame are the kernel's own (the worker calling the cell)
  const list = frames(typeof err.stack === "string" ? err.stack : "").reverse();
  let seenCell = false;
  let folded = 0;
  const flush = (): void => {
    if (folded > 0) out.push(`    [... ${folded} frame${folded === 1 ? "" : "s"} inside poolscope]`);
    folded = 0;
  };
  for (const f of list) {
    const count = cellOf(f.script);
    if (count === null) {
      if (seenCell) folded++;
      continue;
    }
    seenCell = true;
    flush();
    const source = sources.get(count);
    const entry =
      source === undefined ? `Cell In[${count}]${inFunction(f.fn)}` : cellContext(count, source, f.line, f.fn);
    if (entry !== out[out.length - 1]) out.push(entry);
  }
  flush();
  out.push(`${ename}: ${evalue}`);
  return { ename, evalue, traceback: out };
}
