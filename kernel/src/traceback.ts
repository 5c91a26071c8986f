/**
 * A cell's exception as the traceback a learner reads, for both kernels: the server's (errors.ts, over tslab's
 * frames) and the browser's (kernel/lite/src/errors.ts, which imports this file from kernel/dist). It reads like
 * IPython's: most recent call last, each frame in a cell as "Cell In[3], line 2" with the lines around it as the
 * user wrote them, frames inside poolscope folded into one line, every other frame (the kernel's, Node's, the
 * worker's) dropped. What a frame is, each kernel says (`FrameView`); the rest is here. Browser-safe: no Node
 * module, so the Web Worker can load it.
 */

export interface JupyterError {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** A thrown value that is no error (`throw "text"`), as both kernels report it, from its text. */
export function thrownValue(text: string): JupyterError {
  return { ename: "Error", evalue: text, traceback: [`Uncaught ${text}`] };
}

/** One line of a stack, as V8 ("at f (url:line:col)", "at url:line:col") or Firefox/Safari ("f@url:line:col"). */
export interface Frame {
  fn: string;
  script: string;
  line: number;
  column: number;
}

const FRAME = /^\s*(?:at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?|(.*?)@(.+?):(\d+):(\d+))\s*$/;

/** A stack's frames, innermost first as engines print them; lines that are no frame (the message) skipped. */
export function parseFrames(stack: string): Frame[] {
  const out: Frame[] = [];
  for (const l of stack.split("\n")) {
    const m = FRAME.exec(l);
    if (!m) continue;
    if (m[2] !== undefined) out.push({ fn: m[1] ?? "", script: m[2], line: Number(m[3]), column: Number(m[4]) });
    else out.push({ fn: m[5] ?? "", script: m[6], line: Number(m[7]), column: Number(m[8]) });
  }
  return out;
}

/** An error's name and message as Jupyter shows them, and its stack ("" when it has none). */
export function errorParts(e: object): { ename: string; evalue: string; stack: string } {
  const err = e as { name?: unknown; message?: unknown; stack?: unknown };
  return {
    ename: typeof err.name === "string" && err.name ? err.name : "Error",
    evalue: typeof err.message === "string" ? err.message : String(e),
    stack: typeof err.stack === "string" ? err.stack : "",
  };
}

const RULE = "-".repeat(75);
const CONTEXT = 2;

/** A cell's header: "Cell In[3]", or "Cell" for a cell whose count is not known. */
export function cellName(count: number | undefined): string {
  return count === undefined ? "Cell" : `Cell In[${count}]`;
}

/** A cell frame with the lines around `line` (1-based), the line itself marked, as IPython shows them. */
export function cellContext(name: string, source: string, line: number, fn = ""): string {
  const lines = source.split("\n");
  const first = Math.max(1, line - CONTEXT);
  const last = Math.min(lines.length, line + CONTEXT);
  const width = String(last).length;
  const body: string[] = [];
  for (let n = first; n <= last; n++) {
    body.push(`${n === line ? "---->" : "     "} ${String(n).padStart(width)} ${lines[n - 1]}`);
  }
  return `${name}, line ${line}${inFunction(fn)}\n${body.join("\n")}`;
}

/** `, in f` for a named function; nothing for a cell's top level, which runs in an anonymous function or eval. */
export function inFunction(fn: string): string {
  // a function of an earlier server cell is called through tslab's exports proxy, which V8 names `Proxy.f`
  const bare = fn.replace(/^async /, "").replace(/^(Proxy|Object)\./, "");
  return bare && bare !== "<anonymous>" && bare !== "eval" ? `, in ${bare}` : "";
}

/** What a frame shows: a cell frame's entry (cellContext), "library" (folded with its neighbours), or nothing. */
export type FrameView = { entry: string } | "library" | null;

/**
 * The traceback of an exception whose stack is `stack`, each frame shown as `view` says. `outerLibrary: "drop"`
 * drops the library frames before (outside) the first cell frame instead of folding them: for a kernel that
 * cannot tell its own frames, which call the cell, from the library's (the browser kernel: one bundle).
 */
export function formatTraceback(
  ename: string,
  evalue: string,
  stack: string,
  view: (f: Frame) => FrameView,
  outerLibrary: "fold" | "drop" = "fold",
): string[] {
  const out: string[] = [`${RULE}\n${ename.padEnd(42)}Traceback (most recent call last)`];
  let seenCell = false;
  let folded = 0;
  const flush = (): void => {
    if (folded > 0) out.push(`    [... ${folded} frame${folded === 1 ? "" : "s"} inside poolscope]`);
    folded = 0;
  };
  // engines list the innermost frame first; IPython, and so learners, read the outermost first
  for (const f of parseFrames(stack).reverse()) {
    const shown = view(f);
    if (shown === "library") {
      if (seenCell || outerLibrary === "fold") folded++;
    } else if (shown !== null) {
      seenCell = true;
      flush();
      // an arrow on the line that called it (`xs.map((v) => f(v))`) would repeat the line word for word
      if (shown.entry !== out[out.length - 1]) out.push(shown.entry);
    }
  }
  flush();
  out.push(`${ename}: ${evalue}`);
  return out;
}
