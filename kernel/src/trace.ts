/** With POOLSCOPE_KERNEL_TRACE set, start-up milestones go to stderr (the kernel's log), in ms since launch. */
export function trace(what: string): void {
  if (process.env.POOLSCOPE_KERNEL_TRACE) {
    process.stderr.write(`[poolscope kernel] ${(process.uptime() * 1000).toFixed(0)} ms: ${what}\n`);
  }
}
