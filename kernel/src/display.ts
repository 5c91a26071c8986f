/**
 * Output from inside a cell, for notebooks: `display(x)` shows a value mid-cell with the same bundle a cell's
 * last value gets; `display(x, { id })` creates an output that later calls with the same id replace
 * (update_display_data), for animations and progress; `display(x, { title })` captions the output (the
 * value's display hook gets `{ title }`, as poolscope's tensors and traced results take it; any other value gets
 * the title as a text line above it); `clearOutput()` clears the cell's output.
 * The server points `channel` at the running cell's iopub before each execution.
 */
import { toMimeBundle } from "./bundle.js";

export interface OutputChannel {
  publish(type: "display_data" | "update_display_data" | "clear_output", content: object): void;
}

let channel: OutputChannel | null = null;

export function setOutputChannel(next: OutputChannel): void {
  channel = next;
}

function current(): OutputChannel {
  if (!channel) throw new Error("display() and clearOutput() work inside a running Jupyter cell only");
  return channel;
}

export interface DisplayOptions {
  /** Name of an output to create, then to update on later calls with the same id. */
  id?: string;
  /** A caption above the output (the view and the PNG of a poolscope value). */
  title?: string;
}

const shown = new Set<string>();

export function display(value: unknown, options: DisplayOptions = {}): void {
  const out = current();
  const id = options.id;
  const update = id !== undefined && shown.has(id);
  if (id !== undefined) shown.add(id);
  out.publish(update ? "update_display_data" : "display_data", {
    data: toMimeBundle(value, options.title === undefined ? {} : { title: options.title }),
    metadata: {},
    transient: id === undefined ? {} : { display_id: id },
  });
}

/** Clears the output of the running cell; with `wait`, only when the next output arrives (no flicker). */
export function clearOutput(wait = false): void {
  current().publish("clear_output", { wait });
}
