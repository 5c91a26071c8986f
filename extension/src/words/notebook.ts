/**
 * How a MIME renderer learns the notebook it draws in. A MIME extension gets no application tokens, so the
 * package's regular plugin (notebookPlugin.ts), which can ask for INotebookTracker, installs a finder here: given
 * an output's node, the metadata.poolscope of the notebook panel containing it. Without the plugin (JupyterLite
 * without a notebook tracker, other front ends) no finder is installed and the notebook says nothing.
 */
export type MetadataFinder = (node: HTMLElement) => unknown;

let finder: MetadataFinder | null = null;

export function setMetadataFinder(f: MetadataFinder | null): void {
  finder = f;
}

/** The metadata.poolscope of the notebook holding `node`, or undefined (no finder, not in a notebook, a bug). */
export function notebookMetadataOf(node: HTMLElement): unknown {
  try {
    return finder?.(node);
  } catch {
    return undefined; // the renderer never throws: an unknown notebook speaks the lab's language
  }
}
