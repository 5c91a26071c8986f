/**
 * The package's one regular plugin, beside the MIME renderer in index.ts: it keeps JupyterLab's debugger quiet
 * for kernels that have none, such as ours (its kernelspec and kernel_info say `debugger: false`).
 *
 * Since JupyterLab PR #18081 ("Automatically refresh Kernel Sources after cell execution", 4.5+), the debugger's
 * notebook, console and file plugins call `displayModules()` after every execute_reply, whatever the kernel. It
 * throws "No active debugger session" when there is no session, which is always so for a kernel without a
 * debugger, and nothing catches it: one unhandled rejection per executed cell. With no session there are no
 * modules to show, so resolving quietly is the answer; with a session the call goes through unchanged.
 *
 * Those plugins bind `displayModules` only after awaiting their settings, while this one needs nothing but the
 * debugger service, so it replaces the method on the service first. The debugger is optional: without it
 * (disabled, or a JupyterLab without it) there is nothing to guard.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { IDebugger } from "@jupyterlab/debugger";
import { notebookPlugin } from "./notebookPlugin.js";

export function guardDisplayModules(debug: IDebugger): void {
  const displayModules = debug.displayModules.bind(debug);
  debug.displayModules = async () => {
    if (debug.session) await displayModules();
  };
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: "jupyterlab-poolscope:debugger-guard",
  description: "Stops JupyterLab's debugger from failing after every cell run by a kernel without a debugger.",
  autoStart: true,
  optional: [IDebugger],
  activate: (_app: JupyterFrontEnd, debug: IDebugger | null) => {
    if (debug) guardDisplayModules(debug);
  },
};

// the package's regular plugins: this guard, and the notebook-language finder of notebookPlugin.ts
export default [plugin, notebookPlugin];
