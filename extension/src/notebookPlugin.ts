/**
 * The plugin that lets the renderer read its notebook's language (metadata.poolscope.lang, words/language.ts):
 * it installs a finder that looks up, among the tracked notebook panels, the one whose node contains an output.
 * The tracker is optional, so the package still activates where there is none.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { INotebookTracker } from "@jupyterlab/notebook";
import { METADATA_KEY } from "./words/language.js";
import { setMetadataFinder } from "./words/notebook.js";

export const notebookPlugin: JupyterFrontEndPlugin<void> = {
  id: "jupyterlab-poolscope:notebook-language",
  description: "Lets poolscope outputs read their notebook's language from its metadata.",
  autoStart: true,
  optional: [INotebookTracker],
  activate: (_app: JupyterFrontEnd, tracker: INotebookTracker | null) => {
    if (!tracker) return;
    setMetadataFinder((node) => tracker.find((p) => p.node.contains(node))?.model?.getMetadata(METADATA_KEY));
  },
};
