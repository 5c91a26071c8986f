/**
 * With POOLSCOPE_KERNEL_TRACE set, start-up milestones go to stderr (the kernel's log), in ms since launch. The
 * write is the real stderr's, taken before the server redirects stderr into the running cell's output, so that a
 * milestone reached inside a cell (the first compile) still goes to the log.
 */
const write = process.stderr.write.bind(process.stderr);

/** Whether milestones are traced: a caller that builds a costly message asks first. */
export function tracing(): boolean {
  return Boolean(process.env.POOLSCOPE_KERNEL_TRACE);
}

export function trace(what: string): void {
  if (tracing()) {
    write(`[poolscope kernel] ${(process.uptime() * 1000).toFixed(0)} ms: ${what}\n`);
  }
}
