/**
 * What tslab reports through its console.error during a cell, turned into a Jupyter error: ename, evalue and a
 * traceback. tslab passes either an exception, or TypeScript diagnostics as ("%s%d:%d - %s", file, line, col,
 * message).
 *
 * An exception's traceback is traceback.ts's, shared with the browser kernel; what is the server's own is which
 * frame is what: a cell's frames are mapped back to the lines the user wrote (cells.ts), the library's are the
 * files under poolscope's dist folder, and tslab's, the kernel's and Node's are dropped (IPython hides its own
 * the same way). V8's stack also opens with the throwing library line and a caret (vm's decoration); that is no
 * frame, so no file of the library shows.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, sep } from "node:path";
import { format } from "node:util";
import { isCellScript, locateInCell } from "./cells.js";
import {
  cellContext,
  cellName,
  errorParts,
  formatTraceback,
  inFunction,
  thrownValue,
  type Frame,
  type FrameView,
  type JupyterError,
} from "./traceback.js";

export function toJupyterError(reports: unknown[][]): JupyterError {
  const exception = reports.find((args) => args.length === 1 && isErrorLike(args[0]));
  if (exception) {
    const { ename, evalue, stack } = errorParts(exception[0] as object);
    return { ename, evalue, traceback: formatTraceback(ename, evalue, stack, view) };
  }
  if (reports.length === 1 && reports[0].length === 1 && !isErrorLike(reports[0][0])) {
    // `throw "text"` or a non-Error value
    return thrownValue(format(reports[0][0]));
  }
  const lines = reports.map((args) => format(...(args as [unknown, ...unknown[]])));
  return { ename: "TypeScriptError", evalue: lines.join("\n"), traceback: lines };
}

function isErrorLike(v: unknown): boolean {
  return v instanceof Error || (typeof v === "object" && v !== null && "message" in v && "stack" in v);
}

/** A server frame: a cell's (at the line the user wrote), the library's, or tslab's, the kernel's and Node's. */
function view(f: Frame): FrameView {
  if (isCellScript(f.script)) {
    const at = locateInCell(f.script, f.line, f.column);
    // tslab's call of the cell's wrapper: not user code
    if (at === "wrapper") return null;
    if (at === null) return { entry: `Cell${inFunction(f.fn)}` };
    const name = cellName(at.cell.count);
    return {
      entry: at.line === null ? `${name}${inFunction(f.fn)}` : cellContext(name, at.cell.source, at.line, f.fn),
    };
  }
  return isLibrary(f.script) ? "library" : null;
}

/** The library's dist folder (where `poolscope` resolves), or null when the kernel runs without it. */
const libraryDir = ((): string | null => {
  try {
    return realpathSync(dirname(fileURLToPath(import.meta.resolve("poolscope"))));
  } catch {
    return null;
  }
})();

function isLibrary(script: string): boolean {
  if (!libraryDir) return false;
  const p = script.startsWith("file://") ? fileURLToPath(script) : script;
  return p === libraryDir || p.startsWith(libraryDir + sep);
}
