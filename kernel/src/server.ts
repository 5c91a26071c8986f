/**
 * The Jupyter protocol, on sockets and a wire codec the kernel owns (sockets.ts, wire.ts); tslab is used only
 * for its converter and executor, which kernel.ts hands over through attach(). What it does beyond tslab's own
 * server, each covered by a protocol test in test/kernel: every send queued behind the one in flight (Outbox),
 * stdout/stderr coalesced into batched `stream` messages with a per-cell cap (output.ts), execute_input and
 * execute_result, iopub `error` with ename/evalue/traceback, stop_on_error as ipykernel (requests already waiting
 * are answered "aborted", sync and async failures alike), execution counts as ipykernel keeps them,
 * user_expressions, history (tail, range, glob search with unique), is_complete ("incomplete" for an open
 * template literal, "invalid"), interrupts that are not lost while the kernel is still building its compiler,
 * and an exit when the parent process dies (parent.ts).
 */
import { jsonSafeBundle } from "./bundle.js";
import { collectWhileIdle } from "./idle-gc.js";
import { inspect } from "./inspect.js";
import { setOutputChannel } from "./display.js";
import { toJupyterError } from "./errors.js";
import { StreamCoalescer, type StreamName } from "./output.js";
import { exitWithParent } from "./parent.js";
import { Outbox, type BoundSockets, type Socket } from "./sockets.js";
import { trace, tracing } from "./trace.js";
import { Codec, PROTOCOL_VERSION, peekType, type Message } from "./wire.js";
import { converterModule, jupyterModule, ts, type DisplayData, type Executor } from "./tslab.js";

/** What the executor's console is routed to while a cell runs. */
export interface CellSink {
  result(value: unknown): void;
  error(args: unknown[]): void;
}

interface ExecuteRequest {
  code?: string;
  silent?: boolean;
  store_history?: boolean;
  stop_on_error?: boolean;
  user_expressions?: Record<string, unknown>;
}

export interface KernelIdentity {
  implementation: string;
  implementationVersion: string;
  banner: string;
}

type Content = Record<string, unknown>;

/** Requests that need the executor, so wait for the compiler and the prelude. */
const NEEDS_EXECUTOR = new Set(["execute_request", "complete_request", "inspect_request"]);
/** After a kernel_info reply, how long no other kernel_info must come before the build starts. */
const QUIET_AFTER_KERNEL_INFO_MS = 250;
/** Once a client has both its kernel_info reply and its iopub welcome, the time left to flush them. */
const FLUSH_MS = 10;
/** With no client asking anything, when the build starts anyway. */
const BUILD_AT_LATEST_MS = 1000;
/** An interrupt that found no cell to stop is kept this long after start-up for a cell about to arrive. */
const EARLY_INTERRUPT_GRACE_MS = 500;
/** TypeScript's "Unterminated template literal.": a template literal may go on over several lines. */
const UNTERMINATED_TEMPLATE = 1160;

// The kernel's own log (the real stderr), captured before the cells' output is redirected.
const realStdout = process.stdout.write.bind(process.stdout);
const realStderr = process.stderr.write.bind(process.stderr);
function log(line: string): void {
  realStderr(`[poolscope kernel] ${line}\n`);
}

export class PoolscopeServer {
  private codec: Codec | null = null;
  private iopub!: Outbox;
  private executor: Executor | null = null;
  private handler: object | null = null;
  private readonly ready: Promise<void>;
  private markReady!: () => void;
  private startBuild: (() => void) | null = null;
  private buildTimer: NodeJS.Timeout | null = null;
  private kernelInfoAnswered = false;
  private welcomed = false;

  private executionCount = 0;
  private readonly history: [number, number, string][] = [];
  private readonly session = 0;
  /** Execute requests received so far; a request is numbered on arrival. */
  private received = 0;
  /** Requests numbered up to this one are answered "aborted" (stop_on_error). */
  private abortThrough = 0;
  /** While true, requests that arrive are aborted: after an error, until the shell socket has been drained. */
  private aborting = false;
  private queue: Promise<void> = Promise.resolve();
  /** Execute requests received and not yet started. */
  private waiting = 0;
  private running = false;
  private interruptPending = false;
  private readyAt = Infinity;

  /** The cell that stream and display output goes to: the latest non-silent one, as in ipykernel. */
  private outputParent: Message | null = null;
  private silent = false;
  private readonly streams = new StreamCoalescer((name, text) => {
    if (this.outputParent) this.publish(this.outputParent, "stream", { name, text });
  });

  /** The running cell's sink; outside a cell, results and errors go to the kernel's log. */
  sink: CellSink | null = null;

  constructor(
    _configPath: string, // the sockets come bound (sockets.ts); kept for kernel.ts's call
    private readonly identity: KernelIdentity,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /**
   * Resolves when the kernel should build its compiler and run the prelude, which blocks the event loop for
   * about a second: at once when a request needs them; else as soon as a client has had both a kernel_info reply
   * and an iopub welcome, which is what jupyter_client's wait_for_ready needs to be done; else once kernel_info
   * has been answered and the client has not asked again for QUIET_AFTER_KERNEL_INFO_MS (a client that saw
   * nothing on iopub asks again after 0.2 s, and should not wait a second for its answer); at the latest
   * BUILD_AT_LATEST_MS after the sockets are bound.
   */
  whenQuiet(): Promise<void> {
    return new Promise((resolve) => {
      this.startBuild = () => {
        if (this.buildTimer) clearTimeout(this.buildTimer);
        this.startBuild = null;
        resolve();
      };
      this.buildTimer = setTimeout(this.startBuild, BUILD_AT_LATEST_MS);
    });
  }

  /**
   * Serves on sockets bound beforehand (sockets.ts). iopub is an XPUB socket: each subscription is answered with
   * iopub_welcome (JEP 65). Without it a client's first kernel_info round often finds iopub not yet connected
   * (ZeroMQ's slow joiner) and waits 0.2 s to ask again; with it the welcome is waiting when the client checks.
   */
  init(sockets: BoundSockets): Promise<void> {
    const { info, iopub, shell, control, hb } = sockets;
    const codec = new Codec(info.key, (info as { signature_scheme?: string }).signature_scheme);
    this.codec = codec;
    this.iopub = new Outbox(iopub, log);
    const shellOut = new Outbox(shell, log);
    const controlOut = new Outbox(control, log);
    const hbOut = new Outbox(hb, log);
    const serve = async (sock: Socket, each: (frames: Buffer[]) => void): Promise<void> => {
      try {
        for await (const frames of { [Symbol.asyncIterator]: () => sock[Symbol.asyncIterator]() }) each(frames);
      } catch {
        // the socket was closed
      }
    };
    void serve(shell, (frames) => this.dispatch(shellOut, frames));
    void serve(control, (frames) => this.dispatch(controlOut, frames));
    void serve(hb, (frames) => void hbOut.send(frames));
    void serve(iopub, ([sub]) => {
      if (sub && sub[0] === 1) {
        const content = { subscription: sub.subarray(1).toString("utf8") };
        void this.iopub.send(codec.encode(codec.message("iopub_welcome", content)));
        this.welcomed = true;
        this.scheduleBuild();
      }
    });
    this.redirectOutput();
    // Interrupts are the server's: one that arrives before the executor exists, or while a request waits, is
    // kept for the cell it was meant for (see interrupt()).
    process.on("SIGINT", () => this.interrupt());
    // a cell that ends the process (process.exit) still gets the output it wrote before
    process.on("exit", () => this.streams.flush());
    exitWithParent();
    return Promise.resolve();
  }

  /** Whether an execute request is queued and has not started yet (the warm-up then gives way to it). */
  get cellsWaiting(): boolean {
    return this.waiting > 0;
  }

  /** Hands over the executor (with the prelude taken) and tslab's handler; waiting requests proceed. */
  attach(executor: Executor, handler: object): void {
    this.executor = executor;
    this.handler = handler;
    this.readyAt = performance.now();
    this.markReady();
  }

  /**
   * SIGINT or interrupt_request. A cell awaiting something is interrupted through the executor; a synchronous
   * cell never gets here (Node's breakOnSigint stops it). With no cell running, the interrupt is kept for the
   * next cell if one is waiting, or if the kernel is still starting (an execute request may be in the socket,
   * not yet read, while the compiler is built): that cell is answered as interrupted instead of running.
   */
  interrupt(): void {
    if (this.running) {
      this.executor?.interrupt();
      return;
    }
    if (this.waiting > 0 || !this.executor || performance.now() - this.readyAt < EARLY_INTERRUPT_GRACE_MS) {
      this.interruptPending = true;
    }
  }

  private redirectOutput(): void {
    // As ipykernel, output written after a cell ends (timers, callbacks) still goes to the latest cell.
    const hook = (name: StreamName, original: typeof realStdout): typeof realStdout => {
      const decoder = new TextDecoder();
      return ((chunk: string | Uint8Array, encoding?: unknown, cb?: unknown): boolean => {
        if (!this.outputParent) return original(chunk as string, encoding as BufferEncoding, cb as () => void);
        const done = typeof encoding === "function" ? encoding : cb;
        if (!this.silent) {
          this.streams.write(name, typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
        }
        if (typeof done === "function") process.nextTick(done as () => void);
        return true;
      }) as typeof realStdout;
    };
    process.stdout.write = hook("stdout", realStdout);
    process.stderr.write = hook("stderr", realStderr);
    const publishOutput = (type: string, content: object): void => {
      if (this.outputParent && !this.silent) this.publish(this.outputParent, type, content as Content);
    };
    setOutputChannel({ publish: publishOutput });
    // tslab's own display API (`import * as tslab from "tslab"`) keeps working too
    jupyterModule.lastWriteDisplayData = (data: DisplayData, update: boolean) =>
      publishOutput(update ? "update_display_data" : "display_data", data);
  }

  private dispatch(out: Outbox, frames: Buffer[]): void {
    const codec = this.codec!;
    let msg: Message;
    try {
      msg = codec.decode(frames);
    } catch (e) {
      log(`dropped a message: ${(e as Error).message} (type ${peekType(frames) ?? "unknown"})`);
      return;
    }
    const type = msg.header.msg_type;
    if (type === "execute_request") return this.onExecute(out, msg);
    void this.handle(out, msg, type).catch((e: unknown) => log(`${type} failed: ${String(e)}`));
  }

  private async handle(out: Outbox, msg: Message, type: string): Promise<void> {
    if (NEEDS_EXECUTOR.has(type) && !this.executor) {
      this.startBuild?.();
      await this.ready;
    }
    this.publish(msg, "status", { execution_state: "busy" });
    try {
      const answer = this.answer(msg, type);
      if (answer) void out.send(this.codec!.encode(this.codec!.reply(msg, answer[0], answer[1])));
      if (type === "shutdown_request") {
        this.publish(msg, "shutdown_reply", answer![1]);
        await Promise.all([out.flushed(), this.iopub.flushed()]);
        setImmediate(() => process.exit(0));
      }
    } finally {
      this.publish(msg, "status", { execution_state: "idle" });
    }
  }

  /** The reply to a request other than execute, or null for a message type the kernel does not know. */
  private answer(msg: Message, type: string): [string, Content] | null {
    const content = msg.content;
    switch (type) {
      case "kernel_info_request":
        return ["kernel_info_reply", this.kernelInfo()];
      case "is_complete_request":
        return ["is_complete_reply", isComplete(String(content.code ?? ""))];
      case "inspect_request":
        return ["inspect_reply", this.handleInspect(msg)];
      case "complete_request": {
        const info = this.executor!.complete(String(content.code ?? ""), Number(content.cursor_pos ?? 0));
        const matches = info.candidates;
        return [
          "complete_reply",
          { status: "ok", cursor_start: info.start, cursor_end: info.end, matches, metadata: {} },
        ];
      }
      case "history_request":
        return ["history_reply", this.historyReply(content)];
      case "comm_info_request":
        return ["comm_info_reply", { status: "ok", comms: {} }];
      case "interrupt_request":
        this.interrupt();
        return ["interrupt_reply", { status: "ok" }];
      case "shutdown_request":
        return ["shutdown_reply", { status: "ok", restart: Boolean(content.restart) }];
      default:
        // to the kernel's log, as ipykernel does, never into a cell's output
        log(`unknown message type ${JSON.stringify(type)}, not answered`);
        return null;
    }
  }

  private kernelInfo(): Content {
    trace("kernel_info answered");
    this.kernelInfoAnswered = true;
    this.scheduleBuild();
    return {
      status: "ok",
      protocol_version: PROTOCOL_VERSION,
      implementation: this.identity.implementation,
      implementation_version: this.identity.implementationVersion,
      language_info: {
        name: "typescript",
        version: ts.version,
        mimetype: "text/typescript",
        file_extension: ".ts",
        codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
      },
      banner: this.identity.banner,
      help_links: [],
      // no debug adapter: JupyterLab then offers no debugger (and sends no debug_request)
      debugger: false,
    };
  }

  private scheduleBuild(): void {
    if (!this.startBuild || !this.buildTimer || !this.kernelInfoAnswered) return;
    clearTimeout(this.buildTimer);
    this.buildTimer = setTimeout(this.startBuild, this.welcomed ? FLUSH_MS : QUIET_AFTER_KERNEL_INFO_MS);
  }

  /** Shift+Tab: quick info at the cursor or, inside a call's parentheses, the call's signature (inspect.ts). */
  private handleInspect(msg: Message): Content {
    const { code, cursor_pos } = msg.content as { code?: unknown; cursor_pos?: unknown };
    return inspect(this.executor!, String(code ?? ""), Number(cursor_pos ?? 0)) as unknown as Content;
  }

  private onExecute(out: Outbox, msg: Message): void {
    const seq = ++this.received;
    // arrived while the queue is being aborted after an error: aborted too, as in ipykernel
    const doomed = this.aborting;
    this.waiting++;
    if (!this.executor) this.startBuild?.();
    const received = performance.now();
    this.queue = this.queue
      .then(() => this.runExecute(out, msg, seq, doomed, received))
      .catch((e: unknown) => log(`execute_request failed: ${String(e)}`));
  }

  private async runExecute(out: Outbox, msg: Message, seq: number, doomed: boolean, received: number): Promise<void> {
    await this.ready;
    // a SIGINT that came while the compiler was being built or the previous cell ran reaches interrupt() now
    await new Promise((resolve) => setImmediate(resolve));
    this.waiting--;
    this.publish(msg, "status", { execution_state: "busy" });
    const started = performance.now();
    let reply: Content;
    if (doomed || seq <= this.abortThrough) {
      // as ipykernel: no count, no execute_input; the cell did not run
      reply = { status: "aborted" };
    } else {
      reply = await this.execute(msg);
    }
    const ended = performance.now();
    await this.drainAborted();
    void out.send(this.codec!.encode(this.codec!.reply(msg, "execute_reply", reply, { status: reply.status })));
    this.publish(msg, "status", { execution_state: "idle" });
    if (process.env.POOLSCOPE_KERNEL_NO_IDLE_GC === undefined) collectWhileIdle(() => this.waiting === 0);
    // where a cell's time went in the kernel, for the cell bench's readers (kernel log, POOLSCOPE_KERNEL_TRACE)
    if (tracing()) {
      const ms = (t: number): string => t.toFixed(1);
      trace(
        `execute ${seq}: ${ms(started - received)} ms queued, ${ms(ended - started)} ms run, ` +
          `${ms(performance.now() - received)} ms to idle`,
      );
    }
  }

  private async execute(msg: Message): Promise<Content> {
    const req = msg.content as ExecuteRequest;
    const silent = Boolean(req.silent);
    // as the spec and ipykernel: silent forces store_history off, and only stored cells are counted
    const storeHistory = !silent && (req.store_history ?? true);
    const stopOnError = req.stop_on_error ?? true;
    const code = String(req.code ?? "");
    if (storeHistory) this.executionCount++;
    const count = this.executionCount;
    if (!silent) {
      this.streams.endCell(); // what the previous cell still had buffered goes to it, not to this one
      this.outputParent = msg;
      this.publish(msg, "execute_input", { code, execution_count: count });
    }
    if (storeHistory) this.history.push([this.session, count, code]);

    const fail = (error: { ename: string; evalue: string; traceback: string[] }): Content => {
      this.streams.endCell();
      if (!silent) this.publish(msg, "error", { ...error });
      if (stopOnError) this.abortQueue();
      return { status: "error", execution_count: count, ...error };
    };

    if (this.interruptPending) {
      this.interruptPending = false;
      return fail({
        ename: "Interrupted",
        evalue: "Script execution interrupted (before the cell started)",
        traceback: ["Interrupted: Script execution interrupted (before the cell started)"],
      });
    }

    const reports: unknown[][] = [];
    const ok = await this.run(code, silent, reports, count, (value) => {
      if (!silent) {
        this.publish(msg, "execute_result", { execution_count: count, data: jsonSafeBundle(value), metadata: {} });
      }
    });
    if (!ok) return fail(toJupyterError(reports.length > 0 ? reports : [[new Error("execution failed")]]));
    const userExpressions: Content = {};
    for (const [name, expression] of Object.entries(req.user_expressions ?? {})) {
      userExpressions[name] = await this.evaluate(String(expression));
    }
    if (!silent) this.streams.endCell();
    return { status: "ok", execution_count: count, payload: [], user_expressions: userExpressions };
  }

  /** Runs code through the executor, with its last value handed to `result` and its errors to `reports`. */
  private async run(
    code: string,
    silent: boolean,
    reports: unknown[][],
    count: number | undefined,
    result: (value: unknown) => void,
  ): Promise<boolean> {
    const wasSilent = this.silent;
    this.silent = silent;
    this.running = true;
    this.sink = { result, error: (args) => reports.push(args) };
    try {
      return await this.executor!.execute(code, count);
    } catch (e) {
      reports.push([e]);
      return false;
    } finally {
      this.sink = null;
      this.running = false;
      this.silent = wasSilent;
    }
  }

  /** One user expression, as ipykernel returns it: its value as a MIME bundle, or the error it raised. */
  private async evaluate(expression: string): Promise<Content> {
    const reports: unknown[][] = [];
    let value: unknown = undefined;
    const ok = await this.run(expression, true, reports, undefined, (v) => (value = v));
    if (!ok) return { status: "error", ...toJupyterError(reports.length > 0 ? reports : [[new Error("failed")]]) };
    return { status: "ok", data: jsonSafeBundle(value), metadata: {} };
  }

  /**
   * stop_on_error, as ipykernel's _abort_queues: every execute request already waiting is answered "aborted",
   * those queued here and those still in the shell socket (a synchronous cell kept them from being read). The
   * latter are let in before the error's reply goes out, so no request sent in answer to the error can be among
   * them: a waiting message is read in the event loop's next poll phase (the rest of the socket's queue right
   * after it, in microtasks), and two setImmediate turns always enclose a poll phase. (Asking the socket whether
   * it is readable instead would consume ZeroMQ's edge-triggered wake-up and stall the receive for good.)
   */
  private abortQueue(): void {
    this.abortThrough = this.received;
    this.aborting = true;
  }

  private async drainAborted(): Promise<void> {
    if (!this.aborting) return;
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    this.abortThrough = this.received;
    this.aborting = false;
  }

  private historyReply(content: Content): Content {
    const output = Boolean(content.output);
    const entries = (() => {
      switch (content.hist_access_type) {
        case "tail":
          return this.history.slice(-Math.max(0, Number(content.n ?? 10)));
        case "range": {
          const start = Number(content.start ?? 0);
          const stop = Number(content.stop ?? Number.MAX_SAFE_INTEGER);
          return this.history.filter(([, line]) => line >= start && line < stop);
        }
        case "search": {
          const pattern = globToRegExp(String(content.pattern ?? "*"));
          let found = this.history.filter(([, , code]) => pattern.test(code));
          if (content.unique) {
            // keep the latest occurrence of each input, as IPython does
            const seen = new Set<string>();
            found = found
              .reverse()
              .filter(([, , code]) => !seen.has(code) && Boolean(seen.add(code)))
              .reverse();
          }
          const n = content.n === undefined || content.n === null ? found.length : Number(content.n);
          return found.slice(-n);
        }
        default:
          return [];
      }
    })();
    const history = entries.map(([s, line, code]) => (output ? [s, line, [code, null]] : [s, line, code]));
    return { status: "ok", history };
  }

  /** An iopub message about `parent`; output of a cell keeps its order (buffered streams go first). */
  private publish(parent: Message, type: string, content: Content): void {
    if (type !== "stream") this.streams.flush();
    const codec = this.codec!;
    const msg = codec.reply(parent, type, content);
    msg.identities = [Buffer.from(type === "status" ? "status" : `kernel.${codec.session}.${type}`)];
    void this.iopub.send(codec.encode(msg));
  }
}

/** is_complete as IPython answers it: "incomplete" (with an indent) when more lines would finish the code. */
function isComplete(code: string): Content {
  const res = converterModule.isCompleteCode(code);
  if (!res.completed) return { status: "incomplete", indent: res.indent ?? "" };
  const parsed = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (parsed.parseDiagnostics ?? []) as { code?: number }[];
  if (diagnostics.length === 0) return { status: "complete" };
  // a template literal left open goes on over the next lines, as a Python triple-quoted string does
  if (diagnostics.some((d) => d.code === UNTERMINATED_TEMPLATE)) return { status: "incomplete", indent: "" };
  return { status: "invalid" };
}

/** SQLite's GLOB, which IPython's history search uses: * and ? wildcards, [...] classes, case-sensitive. */
function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") out += "[\\s\\S]*";
    else if (c === "?") out += "[\\s\\S]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) out += "\\[";
      else {
        const body = glob.slice(i + 1, end);
        out += `[${body.startsWith("^") ? "^" + body.slice(1).replace(/[\\\]]/g, "\\$&") : body.replace(/[\\\]^]/g, "\\$&")}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
