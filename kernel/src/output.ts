/**
 * stdout and stderr of the cells, coalesced into few `stream` messages, as ipykernel does with its IOPub buffer,
 * so a loop of a million console.log calls costs a few hundred messages, not a million. The first BURST writes
 * of each flush interval leave at once, one message each (a line printed before a long synchronous computation
 * shows at once, and a cell that prints a few lines gets the same outputs as before batching, so executed
 * notebooks stay reproducible); past that, writes wait and leave together at the end of the interval. Buffered
 * output also leaves before any other output of the cell, so the order of writes is kept, across stdout and
 * stderr too.
 *
 * A cell's stream output is capped at OUTPUT_LIMIT characters: past it, writes are counted, not kept, and one
 * line on stderr says how much was dropped. JupyterLab's server drops IOPub data beyond 1 MB/s averaged over 3 s
 * and the browser slows down long before that, so the cap keeps the kernel and the page responsive.
 */
export const FLUSH_INTERVAL_MS = 200;
/** Writes per interval sent as they come, before coalescing starts. */
export const BURST = 50;
export const OUTPUT_LIMIT = 1_000_000;

export type StreamName = "stdout" | "stderr";

export class StreamCoalescer {
  private segments: [StreamName, string][] = [];
  private kept = 0;
  private droppedChars = 0;
  private droppedLines = 0;
  private windowStart = -Infinity;
  private sentInWindow = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly emit: (name: StreamName, text: string) => void,
    private readonly limit = OUTPUT_LIMIT,
    private readonly interval = FLUSH_INTERVAL_MS,
  ) {}

  write(name: StreamName, text: string): void {
    if (text.length === 0) return;
    const room = this.limit - this.kept;
    if (text.length > room) {
      const dropped = text.slice(Math.max(0, room));
      this.droppedChars += dropped.length;
      this.droppedLines += countLines(dropped);
      text = room > 0 ? text.slice(0, room) : "";
      if (!text) return;
    }
    this.kept += text.length;
    const last = this.segments[this.segments.length - 1];
    if (last && last[0] === name) last[1] += text;
    else this.segments.push([name, text]);
    const now = performance.now();
    if (now - this.windowStart >= this.interval) {
      this.windowStart = now;
      this.sentInWindow = 0;
    }
    if (this.sentInWindow < BURST) {
      this.sentInWindow++;
      this.flush();
    } else this.timer ??= setTimeout(() => this.flush(), this.interval - (now - this.windowStart));
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const segments = this.segments;
    this.segments = [];
    for (const [name, text] of segments) this.emit(name, text);
  }

  /**
   * Ends the current cell's output: flushes it, says what the cap dropped, and starts afresh, so the first write
   * of the next cell leaves at once.
   */
  endCell(): void {
    this.flush();
    if (this.droppedChars > 0) {
      this.emit(
        "stderr",
        `\n[poolscope kernel: output limit reached: ${this.droppedChars} more characters ` +
          `(${this.droppedLines} lines) were dropped; a cell shows at most ${this.limit} characters of output]\n`,
      );
    }
    this.kept = 0;
    this.droppedChars = 0;
    this.droppedLines = 0;
    this.windowStart = -Infinity;
    this.sentInWindow = 0;
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
