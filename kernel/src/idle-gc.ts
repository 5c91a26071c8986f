/**
 * A young-generation collection while the kernel waits for the next cell, not during it.
 *
 * Each cell's compile leaves a few MB of short-lived objects (the previous program, its checker), and Node runs
 * no collection while idle: the scavenge that followed came in the middle of the next cell's compile, 5–9 ms of
 * it in about every second or third cell (measured in one process, --trace-gc). Collected right after a cell's
 * reply, the nursery holds little that is still alive, and the next cell starts with it empty.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Collect = (options: { type: "minor" | "major" }) => void;

/** V8's gc(), from a fresh context so that cells see no global `gc`; null where it cannot be had. */
let collect: Collect | null | undefined;

function collector(): Collect | null {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as Collect;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Collects the young generation on the next turn of the event loop if `idle()` still holds then. */
export function collectWhileIdle(idle: () => boolean): void {
  setImmediate(() => {
    if (idle()) collector()?.({ type: "minor" });
  });
}
