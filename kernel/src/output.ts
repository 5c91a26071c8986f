/**
 * stdout and stderr of the cells, coalesced into few `stream` messages, as ipykernel does with its IOPub buffer:
 * one message per stream per flush instead of one per write, so a loop of a million console.log calls costs a
 * few hundred messages, not a million. A flush happens on the first write after a flush interval has passed
 * (so a line printed before a long synchronous computation still shows at once), on a timer for the rest, and
 * before any other output of the cell. The order of writes is kept, across stdout and stderr too.
 *
 * A cell's stream output is capped at OUTPUT_LIMIT characters: past it, writes are counted, not kept, and one
 * line on stderr says how much was dropped. JupyterLab's server drops IOPub data beyond 1 MB/s averaged over 3 s
 * and the browser slows down long before that, so the cap keeps the kernel and the page responsive.
 */
export const FLUSH_INTERVAL_MS = 200;
export const OUTPUT_LIMIT = 1_000_000;

export type StreamName = "stdout" | "stderr";

export class StreamCoalescer {
  private segments: [StreamName, string][] = [];
  private kept = 0;
  private droppedChars = 0;
  private droppedLines = 0;
  private lastFlush = -Infinity;
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
    if (now - this.lastFlush >= this.interval) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.interval - (now - this.lastFlush));
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.segments.length === 0) return; // an empty flush must not delay the next write's
    this.lastFlush = performance.now();
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
    this.lastFlush = -Infinity;
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
