/**
 * A kernel whose parent (the Jupyter server, or jupyter_client in a script) died must not live on as an orphan,
 * as ipykernel's ParentPoller ensures. Jupyter passes the parent's pid as JPY_PARENT_PID. The check runs in a
 * worker thread because a cell in a synchronous loop blocks the main thread's timers forever; the worker ends
 * the process with SIGTERM (the kernel installs no handler for it), then SIGKILL if that did not work.
 */
import { Worker } from "node:worker_threads";

const POLL_MS = 1000;

const WATCHER = `
const { workerData } = require("node:worker_threads");
const { parent, ppid, self, poll } = workerData;
const alive = (pid) => {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === "EPERM"; }
};
setInterval(() => {
  // reparented (the parent died and init or a subreaper adopted us), or the named parent is gone
  if ((parent === ppid && process.ppid !== ppid) || !alive(parent)) {
    process.kill(self, "SIGTERM");
    setTimeout(() => process.kill(self, "SIGKILL"), 2000);
  }
}, poll);
`;

export function exitWithParent(): void {
  const parent = Number(process.env.JPY_PARENT_PID ?? process.ppid);
  if (!Number.isInteger(parent) || parent <= 1) return;
  const worker = new Worker(WATCHER, {
    eval: true,
    workerData: { parent, ppid: process.ppid, self: process.pid, poll: POLL_MS },
    // the watcher must not hold the kernel's stdout/stderr hooks or keep the process alive
    stdout: false,
    stderr: false,
  });
  worker.unref();
}
