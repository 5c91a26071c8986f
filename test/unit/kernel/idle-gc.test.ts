import { PerformanceObserver, constants, type PerformanceEntry } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { collectWhileIdle } from "../../../kernel/src/idle-gc.js";

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The kinds of the collections that ran while `during` did (perf_hooks' gc entries). */
async function collections(during: () => Promise<void>): Promise<number[]> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  try {
    await during();
    await new Promise((resolve) => setTimeout(resolve, 20)); // entries are delivered after the collection
  } finally {
    observer.disconnect();
  }
  return entries.map((e) => (e as PerformanceEntry & { detail: { kind: number } }).detail.kind);
}

describe("collectWhileIdle", () => {
  it("collects the young generation on the next turn when the kernel is still idle", async () => {
    const kinds = await collections(async () => {
      collectWhileIdle(() => true);
      await turn();
      await turn();
    });
    expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MINOR);
  });

  it("gives cells no global gc", () => {
    collectWhileIdle(() => false);
    expect("gc" in globalThis).toBe(false);
  });
});
