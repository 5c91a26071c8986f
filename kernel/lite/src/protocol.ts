/**
 * The messages between the kernel (kernel.ts, on the page) and its Web Worker (worker.ts), declared once for
 * both sides. Requests carry an id; the worker answers each with a reply of the same id, and sends outputs
 * (streams, displays) as they happen, in order, before the reply of the cell they belong to.
 */
// declared once, with the traceback both kernels build
import type { JupyterError } from "../../dist/traceback.js";

export type { JupyterError };

export type ToWorker =
  | { id: number; type: "init"; fileBase: string; wasm: { shared: string; single: string } }
  | { id: number; type: "execute"; code: string; count: number }
  | { id: number; type: "complete"; code: string; cursor: number };

export type ExecuteReply =
  { status: "ok"; data: Record<string, unknown> | null } | ({ status: "error" } & JupyterError);

export interface CompleteReply {
  matches: string[];
  cursor_start: number;
  cursor_end: number;
}

export interface InitReply {
  backend: string;
  shared: boolean;
  wasmError: string;
}

export type FromWorker =
  | { type: "reply"; id: number; result: ExecuteReply | CompleteReply | InitReply }
  | { type: "stream"; name: "stdout" | "stderr"; text: string }
  | { type: "display_data" | "update_display_data" | "clear_output"; content: object };
