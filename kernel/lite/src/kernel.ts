/**
 * The browser kernel on the page: a JupyterLite BaseKernel that hands each request to its Web Worker
 * (worker.ts) and turns the worker's messages into the kernel's iopub messages. A cell that runs away cannot
 * be stopped inside the worker (a busy loop never yields), so interrupt() ends the worker and starts a fresh
 * one: the cell fails with "Interrupted", and a line on stderr says that the earlier cells' names are gone.
 */
import { PageConfig, URLExt } from "@jupyterlab/coreutils";
import type { KernelMessage } from "@jupyterlab/services";
import { BaseKernel, type IKernel } from "@jupyterlite/services";
import type { CompleteReply, ExecuteReply, FromWorker, InitReply, ToWorker } from "./protocol.js";
import workerSource from "./worker-source.js";

// literal URLs, so the extension's bundler emits both wasm builds as assets and gives their addresses here
const WASM = {
  shared: new URL("../../../dist/backend/wasm/pool.wasm", import.meta.url).href,
  single: new URL("../../../dist/backend/wasm/pool-single.wasm", import.meta.url).href,
};
let workerUrl: string | null = null;

type Request = ToWorker extends infer T ? (T extends { id: number } ? Omit<T, "id"> : never) : never;

export const INTERRUPTED_NOTE =
  "[poolscope: the cell was stopped by restarting the kernel's worker (a running cell cannot be stopped otherwise); " +
  "names from earlier cells are gone: run those cells again]\n";

export class PoolscopeKernel extends BaseKernel {
  private worker!: Worker;
  private pending = new Map<number, (result: unknown) => void>();
  private nextId = 0;
  private started!: Promise<InitReply>;
  private running = false;

  constructor(options: IKernel.IOptions) {
    super(options);
    this.startWorker();
  }

  /** What the worker found on start: the backend and whether wasm memory is shared (for tests and banner). */
  get state(): Promise<InitReply> {
    return this.started;
  }

  private startWorker(): void {
    // one Blob URL for every kernel of the page; the script is the same
    workerUrl ??= URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
    this.worker = new Worker(workerUrl, { type: "module" });
    this.worker.onerror = (e) =>
      this.stream({ name: "stderr", text: `[poolscope: the kernel's worker failed: ${e.message}]\n` });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.fromWorker(e.data);
    // loadImage("../images/x.png") in a notebook reads the site's copy of that file, relative to the notebook
    const folder = this.location ? `${this.location}/` : "";
    const fileBase = new URL(URLExt.join(PageConfig.getBaseUrl(), "files", folder), location.href).href;
    this.started = this.call({ type: "init", fileBase, wasm: WASM }) as Promise<InitReply>;
  }

  private call(request: Request): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...request, id } as ToWorker);
    });
  }

  private fromWorker(m: FromWorker): void {
    switch (m.type) {
      case "reply": {
        const resolve = this.pending.get(m.id);
        this.pending.delete(m.id);
        resolve?.(m.result);
        break;
      }
      case "stream":
        this.stream({ name: m.name, text: m.text });
        break;
      case "display_data":
        this.displayData(m.content as KernelMessage.IDisplayDataMsg["content"]);
        break;
      case "update_display_data":
        this.updateDisplayData(m.content as KernelMessage.IUpdateDisplayDataMsg["content"]);
        break;
      case "clear_output":
        this.clearOutput(m.content as KernelMessage.IClearOutputMsg["content"]);
        break;
    }
  }

  /** Stops a running cell by ending the worker; true if a cell was running. */
  interrupt(): boolean {
    if (!this.running) return false;
    this.worker.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.stream({ name: "stderr", text: INTERRUPTED_NOTE });
    this.startWorker();
    const reply: ExecuteReply = {
      status: "error",
      ename: "Interrupted",
      evalue: "Script execution interrupted",
      traceback: ["Interrupted: Script execution interrupted (the kernel's worker was restarted)"],
    };
    for (const resolve of waiting) resolve(reply);
    return true;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.worker.terminate();
    super.dispose();
  }

  async kernelInfoRequest(): Promise<KernelMessage.IInfoReplyMsg["content"]> {
    return {
      implementation: "poolscope-lite",
      implementation_version: "0.1.0",
      language_info: {
        name: "typescript",
        version: "5.0",
        mimetype: "text/typescript",
        file_extension: ".ts",
        codemirror_mode: { name: "javascript", typescript: true },
      },
      protocol_version: "5.3",
      status: "ok",
      banner: "poolscope in the browser: TypeScript cells in a Web Worker, the library preloaded",
      help_links: [],
    };
  }

  async executeRequest(
    content: KernelMessage.IExecuteRequestMsg["content"],
  ): Promise<KernelMessage.IExecuteReplyMsg["content"]> {
    await this.started;
    const count = this.executionCount;
    this.running = true;
    let r: ExecuteReply;
    try {
      r = (await this.call({ type: "execute", code: content.code, count })) as ExecuteReply;
    } finally {
      this.running = false;
    }
    if (r.status === "ok") {
      if (r.data && !content.silent)
        this.publishExecuteResult({ execution_count: count, data: r.data as never, metadata: {} });
      return { status: "ok", execution_count: count, user_expressions: {} };
    }
    const error = { ename: r.ename, evalue: r.evalue, traceback: r.traceback };
    this.publishExecuteError(error);
    return { status: "error", execution_count: count, ...error };
  }

  async completeRequest(
    content: KernelMessage.ICompleteRequestMsg["content"],
  ): Promise<KernelMessage.ICompleteReplyMsg["content"]> {
    await this.started;
    const r = (await this.call({ type: "complete", code: content.code, cursor: content.cursor_pos })) as CompleteReply;
    return { status: "ok", metadata: {}, ...r };
  }

  async inspectRequest(): Promise<KernelMessage.IInspectReplyMsg["content"]> {
    return { status: "ok", found: false, data: {}, metadata: {} };
  }

  async isCompleteRequest(): Promise<KernelMessage.IIsCompleteReplyMsg["content"]> {
    return { status: "unknown" };
  }

  async commInfoRequest(): Promise<KernelMessage.ICommInfoReplyMsg["content"]> {
    return { status: "ok", comms: {} };
  }

  inputReply(): void {}
  async commOpen(): Promise<void> {}
  async commMsg(): Promise<void> {}
  async commClose(): Promise<void> {}
}
