/**
 * `display(x)` for notebooks: show a value in the middle of a cell, with the same bundle the cell's last value
 * would get. `display(x, { id })` creates an output that later calls with the same id replace
 * (update_display_data), for animations and progress.
 */
import { toMimeBundle } from "./bundle.js";
import { jupyterModule } from "./tslab.js";

export interface DisplayOptions {
  /** Name of an output to create, then to update on later calls with the same id. */
  id?: string;
}

const shown = new Set<string>();

export function display(value: unknown, options: DisplayOptions = {}): void {
  const write = jupyterModule.lastWriteDisplayData;
  if (!write) throw new Error("display() works inside a running Jupyter cell only");
  const id = options.id;
  const update = id !== undefined && shown.has(id);
  if (id !== undefined) shown.add(id);
  write({ data: toMimeBundle(value), metadata: {}, transient: id === undefined ? {} : { display_id: id } }, update);
}
