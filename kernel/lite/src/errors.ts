/**
 * An exception of a browser cell as a Jupyter error, in the server kernel's traceback (kernel/src/traceback.ts,
 * imported from kernel/dist). What is the browser kernel's own is which frame is a cell: a cell names its
 * sourceURL (`poolscope-cell-<count>`), and the compiled cell keeps the cell's lines (compile.ts), so the
 * frame's line is the line the user wrote. Any other frame is the library's or the worker's, one bundle: those
 * outside the first cell frame are the worker calling the cell (dropped), those inside it the library (folded).
 */
import {
  cellContext,
  cellName,
  errorParts,
  formatTraceback,
  inFunction,
  thrownValue,
  type Frame,
  type FrameView,
} from "../../dist/traceback.js";
import type { JupyterError } from "./protocol.js";

export const CELL_URL = "poolscope-cell-";

/** The cell count a frame's script is, or null when it is no cell. */
function cellOf(script: string): number | null {
  const m = new RegExp(`${CELL_URL}(\\d+)$`).exec(script);
  return m ? Number(m[1]) : null;
}

export function toJupyterError(e: unknown, sources: ReadonlyMap<number, string>): JupyterError {
  if (!(e instanceof Error) && !(typeof e === "object" && e !== null && "message" in e)) {
    return thrownValue(String(e));
  }
  const { ename, evalue, stack } = errorParts(e);
  const view = (f: Frame): FrameView => {
    const count = cellOf(f.script);
    if (count === null) return "library";
    const source = sources.get(count);
    const name = cellName(count);
    return { entry: source === undefined ? `${name}${inFunction(f.fn)}` : cellContext(name, source, f.line, f.fn) };
  };
  const traceback = formatTraceback(ename, evalue, stack, view, "drop");
  return { ename, evalue, traceback };
}
