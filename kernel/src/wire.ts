/**
 * The Jupyter wire format for the few requests tslab does not route (history, interrupt): identities, the
 * <IDS|MSG> delimiter, an HMAC-SHA256 signature, then header, parent, metadata and content as JSON. The
 * returned object has the same createReply/signAndSend surface as tslab's own (private) message class.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { ZmqMessage } from "./tslab.js";

const DELIM = Buffer.from("<IDS|MSG>");

interface Send {
  send(frames: (Buffer | string)[]): unknown;
}

class WireMessage implements ZmqMessage {
  constructor(
    readonly identity: Buffer[],
    public header: ZmqMessage["header"],
    public parent: unknown,
    public metadata: Record<string, unknown>,
    public content: Record<string, unknown>,
  ) {}

  createReply(): ZmqMessage {
    return new WireMessage(
      this.identity,
      { ...this.header, version: "5.3", date: new Date().toISOString(), msg_id: randomBytes(16).toString("hex") },
      this.header,
      {},
      {},
    );
  }

  signAndSend(key: string, sock: unknown): void {
    const bodies = [this.header, this.parent, this.metadata, this.content].map((p) => JSON.stringify(p));
    const hmac = createHmac("sha256", key);
    for (const b of bodies) hmac.update(b);
    void (sock as Send).send([...this.identity, DELIM, hmac.digest("hex"), ...bodies]);
  }
}

/** A message that answers nothing (parent header empty), e.g. iopub_welcome. */
export function newMessage(type: string, content: Record<string, unknown>, session: string): ZmqMessage {
  const header = {
    msg_id: randomBytes(16).toString("hex"),
    msg_type: type,
    session,
    username: "kernel",
    date: new Date().toISOString(),
    version: "5.3",
  };
  return new WireMessage([], header, {}, {}, content);
}

/** Decodes frames; with a key, verifies the signature (null skips it, for peeking at the type only). */
export function decodeMessage(frames: Buffer[], key: string | null): ZmqMessage {
  const d = frames.findIndex((f) => f.equals(DELIM));
  if (d < 0 || frames.length < d + 6) throw new Error("malformed Jupyter message");
  const parts = frames.slice(d + 2, d + 6);
  if (key !== null && key !== "") {
    const hmac = createHmac("sha256", key);
    for (const p of parts) hmac.update(p);
    if (hmac.digest("hex") !== frames[d + 1].toString()) throw new Error("invalid message signature");
  }
  const [header, parent, metadata, content] = parts.map((p) => JSON.parse(p.toString()) as unknown);
  return new WireMessage(
    frames.slice(0, d),
    header as ZmqMessage["header"],
    parent,
    metadata as Record<string, unknown>,
    content as Record<string, unknown>,
  );
}
