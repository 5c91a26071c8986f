/**
 * The kernel's five ZeroMQ sockets, bound before anything else is loaded: a client that connects before they
 * are bound retries only every 100 ms (ZeroMQ's reconnect interval), so binding first, before tslab and the
 * TypeScript compiler are even loaded, saves it a retry. Messages that arrive meanwhile wait in the sockets.
 * iopub is an XPUB socket so that the server sees subscriptions and can welcome them (JEP 65).
 *
 * Every send goes through an Outbox. zeromq.js allows one send in flight per socket and throws EBUSY on a second;
 * after 512 synchronous sends it defers one to the event loop (to not starve it), and a send issued before that
 * one completes would throw. sendTimeout 0 makes each send complete at once (these socket types never block: PUB
 * and ROUTER drop at the high-water mark), so output still leaves during a busy synchronous cell; the Outbox
 * queues whatever is refused behind the send in flight, in order, and logs failures instead of throwing.
 */
import { readFileSync } from "node:fs";

export interface Socket {
  bind(address: string): Promise<void>;
  close(): void;
  send(frames: (Buffer | string)[]): Promise<void>;
  sendTimeout: number;
  [Symbol.asyncIterator](): AsyncIterator<Buffer[]>;
}

export interface ConnectionInfo {
  key: string;
  transport: string;
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
}

export interface BoundSockets {
  info: ConnectionInfo;
  iopub: Socket;
  shell: Socket;
  control: Socket;
  stdin: Socket;
  hb: Socket;
}

type Zmq = Record<"Router" | "Reply", new () => Socket> & {
  XPublisher: new () => Socket & { verbosity: "allSubs" | null };
};

export async function bindSockets(configPath: string): Promise<BoundSockets> {
  const info = JSON.parse(readFileSync(configPath, "utf8")) as ConnectionInfo;
  const zmq = (await import("zeromq")) as unknown as Zmq;
  const iopub = new zmq.XPublisher();
  iopub.verbosity = "allSubs"; // every subscriber gets its welcome, not only the first one for a topic
  const sockets = {
    info,
    iopub,
    shell: new zmq.Router(),
    control: new zmq.Router(),
    stdin: new zmq.Router(),
    hb: new zmq.Reply(),
  };
  const address = (port: number): string => `${info.transport}://${info.ip}:${port}`;
  for (const sock of [sockets.iopub, sockets.shell, sockets.control, sockets.stdin, sockets.hb]) sock.sendTimeout = 0;
  await Promise.all([
    sockets.iopub.bind(address(info.iopub_port)),
    sockets.shell.bind(address(info.shell_port)),
    sockets.control.bind(address(info.control_port)),
    sockets.stdin.bind(address(info.stdin_port)),
    sockets.hb.bind(address(info.hb_port)),
  ]);
  return sockets;
}

/** Sends on one socket in order, never two at once; a refused send waits behind the one in flight. */
export class Outbox {
  private last: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly sock: Socket,
    private readonly log: (line: string) => void,
  ) {}

  send(frames: (Buffer | string)[]): Promise<void> {
    if (this.queued === 0) {
      try {
        this.last = this.sock.send(frames).catch((e: unknown) => this.fail(e));
        return this.last;
      } catch (e) {
        if ((e as { code?: string }).code !== "EBUSY") {
          this.fail(e);
          return Promise.resolve();
        }
      }
    }
    this.queued++;
    this.last = this.last
      .then(() => this.sock.send(frames))
      .catch((e: unknown) => this.fail(e))
      .finally(() => void this.queued--);
    return this.last;
  }

  /** Resolves once everything sent so far has left (or failed). */
  flushed(): Promise<void> {
    return this.last;
  }

  private fail(e: unknown): void {
    this.log(`send failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
