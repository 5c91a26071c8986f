/**
 * The kernel's five ZeroMQ sockets, bound before anything else is loaded: a client that connects before they
 * are bound retries only every 100 ms (ZeroMQ's reconnect interval), so binding first, before tslab and the
 * TypeScript compiler are even loaded, saves it a retry. Messages that arrive meanwhile wait in the sockets.
 * iopub is an XPUB socket so that the server sees subscriptions and can welcome them (JEP 65).
 */
import { readFileSync } from "node:fs";

export interface Socket {
  bind(address: string): Promise<void>;
  close(): void;
  send(frames: (Buffer | string)[]): Promise<void>;
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
  await Promise.all([
    sockets.iopub.bind(address(info.iopub_port)),
    sockets.shell.bind(address(info.shell_port)),
    sockets.control.bind(address(info.control_port)),
    sockets.stdin.bind(address(info.stdin_port)),
    sockets.hb.bind(address(info.hb_port)),
  ]);
  return sockets;
}
