/**
 * The Jupyter protocol on top of tslab's ZmqServer. tslab handles sockets, signing and completion; this class
 * fills the gaps measured against jupyter_kernel_test: execute_input, execute_result for a cell's last value,
 * iopub `error` with ename/evalue/traceback, stop_on_error honoured (instead of a 200 ms abort window),
 * "aborted" replies, kernel_info status, comm_info_reply's type, history, is_complete "invalid", interrupt and
 * shutdown replies.
 */
import { toMimeBundle, type MimeBundle } from "./bundle.js";
import { toJupyterError } from "./errors.js";
import { inspect } from "./inspect.js";
import { trace } from "./trace.js";
import { decodeMessage, newMessage } from "./wire.js";
import { randomUUID } from "node:crypto";
import type { BoundSockets, ConnectionInfo, Socket } from "./sockets.js";
import { setOutputChannel } from "./display.js";
import { converterModule, jupyterModule, ts, type DisplayData, type Executor, type ZmqMessage } from "./tslab.js";

interface ZmqServerBase {
  configPath: string;
  connInfo: ConnectionInfo;
  handler: { close(): void } | null;
  iopub: unknown;
  shell: unknown;
  control: unknown;
  stdin: unknown;
  hb: unknown;
  handleShellMessage(sock: unknown, ...frames: Buffer[]): Promise<void>;
  close(): void;
  init(sockets?: BoundSockets): Promise<void>;
}

const ZmqServer = jupyterModule.ZmqServer as unknown as new (handler: unknown, configPath: string) => ZmqServerBase;

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
}

export interface KernelIdentity {
  implementation: string;
  implementationVersion: string;
  banner: string;
}

/** Requests that need the executor, so wait for the compiler and the prelude. */
const NEEDS_EXECUTOR = new Set(["execute_request", "complete_request", "inspect_request"]);
/** After a kernel_info reply, how long no other kernel_info must come before the build starts. */
const QUIET_AFTER_KERNEL_INFO_MS = 250;
/** Once a client has both its kernel_info reply and its iopub welcome, the time left to flush them. */
const FLUSH_MS = 10;
/** With no client asking anything, when the build starts anyway. */
const BUILD_AT_LATEST_MS = 1000;

export class PoolscopeServer extends ZmqServer {
  private executor: Executor | null = null;
  private readonly ready: Promise<void>;
  private markReady!: () => void;
  private startBuild: (() => void) | null = null;
  private buildTimer: NodeJS.Timeout | null = null;
  private kernelInfoAnswered = false;
  private welcomed = false;
  private executionCount = 0;
  private received = 0;
  private abortBelow = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly history: [number, number, string][] = [];
  private readonly session = 0;
  /** The running cell's sink; outside a cell, results and errors go to the kernel's log. */
  sink: CellSink | null = null;

  constructor(
    configPath: string,
    private readonly identity: KernelIdentity,
  ) {
    super(null, configPath);
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
   * tslab's init, on sockets bound beforehand (sockets.ts), with iopub as an XPUB socket: each subscription is
   * answered with iopub_welcome (JEP 65). Without it a client's first kernel_info round often finds iopub not yet
   * connected (ZeroMQ's slow joiner) and waits 0.2 s to ask again; with it the welcome is waiting when the
   * client checks iopub.
   */
  override async init(sockets?: BoundSockets): Promise<void> {
    if (!sockets) throw new Error("PoolscopeServer.init needs the bound sockets");
    const { info, iopub, shell, control, stdin, hb } = sockets;
    this.connInfo = info;
    Object.assign(this, { iopub, shell, control, stdin, hb });
    const serve = async (sock: Socket, each: (frames: Buffer[]) => void): Promise<void> => {
      try {
        for await (const frames of { [Symbol.asyncIterator]: () => sock[Symbol.asyncIterator]() }) each(frames);
      } catch {
        // the socket was closed
      }
    };
    void serve(shell, (frames) => void this.handleShellMessage(shell, ...frames));
    void serve(control, (frames) => void this.handleShellMessage(control, ...frames));
    void serve(hb, (frames) => void hb.send(frames));
    void serve(iopub, ([sub]) => {
      if (sub && sub[0] === 1) {
        const content = { subscription: sub.subarray(1).toString("utf8") };
        newMessage("iopub_welcome", content, this.welcomeSession).signAndSend(info.key, iopub);
        this.welcomed = true;
        this.scheduleBuild();
      }
    });
    return Promise.resolve();
  }

  private readonly welcomeSession = randomUUID();

  /** Hands over the executor (with the prelude run) and tslab's handler; waiting requests proceed. */
  attach(executor: Executor, handler: object): void {
    this.executor = executor;
    this.handler = handler as ZmqServerBase["handler"];
    this.markReady();
  }

  override close(): void {
    this.handler ??= { close: () => undefined };
    super.close();
  }

  override async handleShellMessage(sock: unknown, ...frames: Buffer[]): Promise<void> {
    // history and interrupt are unknown to tslab: answer them here, inside busy/idle like every request.
    const type = peekType(frames);
    if (type !== undefined && NEEDS_EXECUTOR.has(type) && !this.executor) {
      this.startBuild?.();
      await this.ready;
    }
    if (type === "history_request" || type === "interrupt_request") {
      return this.handleExtra(sock, frames, type);
    }
    return super.handleShellMessage(sock, ...frames);
  }

  private async handleExtra(sock: unknown, frames: Buffer[], type: string): Promise<void> {
    // tslab's message class is private, so these two are decoded and signed by wire.ts.
    const msg = this.parse(frames);
    this.publish(msg, "status", { execution_state: "busy" });
    try {
      if (type === "history_request") this.reply(sock, msg, "history_reply", this.historyReply(msg.content));
      else {
        this.executor?.interrupt();
        this.reply(sock, msg, "interrupt_reply", { status: "ok" });
      }
    } finally {
      this.publish(msg, "status", { execution_state: "idle" });
    }
  }

  handleKernelInfo(sock: unknown, msg: ZmqMessage): void {
    this.reply(sock, msg, "kernel_info_reply", {
      status: "ok",
      protocol_version: "5.3",
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
    });
    trace("kernel_info answered");
    this.kernelInfoAnswered = true;
    this.scheduleBuild();
  }

  private scheduleBuild(): void {
    if (!this.startBuild || !this.buildTimer || !this.kernelInfoAnswered) return;
    clearTimeout(this.buildTimer);
    this.buildTimer = setTimeout(this.startBuild, this.welcomed ? FLUSH_MS : QUIET_AFTER_KERNEL_INFO_MS);
  }

  /** Shift+Tab: quick info at the cursor or, inside a call's parentheses, the call's signature (inspect.ts). */
  handleInspect(sock: unknown, msg: ZmqMessage): void {
    const { code, cursor_pos } = msg.content as { code: string; cursor_pos: number };
    this.reply(sock, msg, "inspect_reply", inspect(this.executor!, String(code ?? ""), Number(cursor_pos ?? 0)));
  }

  handleCommInfoRequest(sock: unknown, msg: ZmqMessage): void {
    this.reply(sock, msg, "comm_info_reply", { status: "ok", comms: {} });
  }

  handleIsComplete(sock: unknown, msg: ZmqMessage): void {
    const code = String(msg.content.code ?? "");
    const res = converterModule.isCompleteCode(code);
    let content: Record<string, unknown>;
    if (!res.completed) content = { status: "incomplete", indent: res.indent ?? "" };
    else {
      const parsed = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      content = { status: parsed.parseDiagnostics && parsed.parseDiagnostics.length > 0 ? "invalid" : "complete" };
    }
    this.reply(sock, msg, "is_complete_reply", content);
  }

  handleShutdown(sock: unknown, msg: ZmqMessage): void {
    this.reply(sock, msg, "shutdown_reply", { status: "ok", restart: Boolean(msg.content.restart) });
    // tslab closes the sockets after this; leave the process once they are flushed.
    setTimeout(() => process.exit(0), 200).unref();
  }

  async handleExecute(sock: unknown, msg: ZmqMessage): Promise<void> {
    const req = msg.content as ExecuteRequest;
    const seq = ++this.received;
    const run = this.queue.then(() => this.execute(msg, req, seq));
    this.queue = run.catch(() => undefined);
    this.reply(sock, msg, "execute_reply", await run);
  }

  private async execute(msg: ZmqMessage, req: ExecuteRequest, seq: number): Promise<Record<string, unknown>> {
    if (seq < this.abortBelow) {
      return { status: "aborted", execution_count: this.executionCount };
    }
    const silent = Boolean(req.silent);
    const storeHistory = req.store_history ?? !silent;
    const stopOnError = req.stop_on_error ?? true;
    const code = String(req.code ?? "");
    if (storeHistory) this.executionCount++;
    const count = this.executionCount;
    if (!silent) this.publish(msg, "execute_input", { code, execution_count: count });
    if (storeHistory) this.history.push([this.session, count, code]);

    const stream =
      (name: "stdout" | "stderr") =>
      (chunk: string | Uint8Array): boolean => {
        const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
        if (!silent) this.publish(msg, "stream", { name, text });
        return true;
      };
    // As ipykernel, output written after the cell ends still goes to the latest cell.
    process.stdout.write = stream("stdout") as typeof process.stdout.write;
    process.stderr.write = stream("stderr") as typeof process.stderr.write;
    const publish = (type: string, content: object): void => {
      if (!silent) this.publish(msg, type, content);
    };
    setOutputChannel({ publish });
    // tslab's own display API (`import * as tslab from "tslab"`) keeps working too
    jupyterModule.lastWriteDisplayData = (data: DisplayData, update: boolean) =>
      publish(update ? "update_display_data" : "display_data", data);

    const reports: unknown[][] = [];
    this.sink = {
      result: (value) => {
        if (silent) return;
        this.publish(msg, "execute_result", { execution_count: count, data: safeBundle(value), metadata: {} });
      },
      error: (args) => reports.push(args),
    };
    let ok: boolean;
    try {
      ok = await this.executor!.execute(code, count);
    } catch (e) {
      reports.push([e]);
      ok = false;
    } finally {
      this.sink = null;
    }
    if (ok) return { status: "ok", execution_count: count, payload: [], user_expressions: {} };

    const error = toJupyterError(reports.length > 0 ? reports : [[new Error("execution failed")]]);
    if (!silent) this.publish(msg, "error", { ...error });
    if (stopOnError) this.abortBelow = this.received + 1;
    return { status: "error", execution_count: count, ...error };
  }

  private historyReply(content: Record<string, unknown>): Record<string, unknown> {
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

  private parse(frames: Buffer[]): ZmqMessage {
    return decodeMessage(frames, this.connInfo.key);
  }

  private reply(sock: unknown, msg: ZmqMessage, type: string, content: Record<string, unknown>): void {
    const reply = msg.createReply();
    reply.header.msg_type = type;
    reply.content = content;
    reply.signAndSend(this.connInfo.key, sock);
  }

  publish(msg: ZmqMessage, type: string, content: object): void {
    const out = msg.createReply();
    out.header.msg_type = type;
    out.content = content as Record<string, unknown>;
    out.signAndSend(this.connInfo.key, this.iopub);
  }
}

/** A value's bundle, or its text when the bundle cannot be serialised (e.g. a cyclic object in it). */
function safeBundle(value: unknown): MimeBundle {
  const bundle = toMimeBundle(value);
  try {
    JSON.stringify(bundle);
    return bundle;
  } catch (e) {
    return { "text/plain": `${String(bundle["text/plain"] ?? "")}\n(rich display failed: ${(e as Error).message})` };
  }
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "s");
}

function peekType(frames: Buffer[]): string | undefined {
  try {
    return decodeMessage(frames, null).header.msg_type;
  } catch {
    return undefined;
  }
}
