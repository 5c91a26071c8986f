/**
 * What tslab reports through its console.error during a cell, turned into a Jupyter error: ename, evalue and a
 * traceback. tslab passes either an exception, or TypeScript diagnostics as ("%s%d:%d - %s", file, line, col,
 * message).
 */
import { format } from "node:util";

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
    const stack = typeof e.stack === "string" ? e.stack : `${ename}: ${evalue}`;
    return { ename, evalue, traceback: trimStack(stack) };
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

/** Drops the frames of the kernel and of Node internals below the user's cell. */
function trimStack(stack: string): string[] {
  const lines = stack.split("\n");
  const cut = lines.findIndex((l) => /\bnode:vm\b|runInThisContext|tslab[\\/]dist[\\/]executor/.test(l));
  return cut > 0 ? lines.slice(0, cut) : lines;
}
