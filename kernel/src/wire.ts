/**
 * The Jupyter wire format, the kernel's only codec: routing identities, the <IDS|MSG> delimiter, an HMAC
 * signature over header, parent header, metadata and content (JSON), then any binary buffers. One Codec per
 * kernel holds the key and the signature scheme of the connection file; every message in and out goes through it.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

const DELIM = Buffer.from("<IDS|MSG>");
export const PROTOCOL_VERSION = "5.3";

export interface Header {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

export interface Message {
  /** ROUTER identities of the requester, sent back with every reply. */
  identities: Buffer[];
  header: Header;
  /** The request this message answers; empty for a message that answers nothing. */
  parent_header: Header | Record<string, never>;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
  buffers: Buffer[];
}

export class Codec {
  /** The kernel's own session id: the header of everything it sends carries it. */
  readonly session = randomUUID();
  private readonly algorithm: string;

  constructor(
    private readonly key: string,
    scheme = "hmac-sha256",
  ) {
    this.algorithm = scheme.replace(/^hmac-/, "");
  }

  private sign(parts: (Buffer | string)[]): string {
    if (!this.key) return "";
    const hmac = createHmac(this.algorithm, this.key);
    for (const p of parts) hmac.update(p);
    return hmac.digest("hex");
  }

  /** Decodes and verifies frames; throws on a malformed message or a wrong signature. */
  decode(frames: Buffer[]): Message {
    const d = frames.findIndex((f) => f.equals(DELIM));
    if (d < 0 || frames.length < d + 6) throw new Error("malformed Jupyter message");
    const parts = frames.slice(d + 2, d + 6);
    if (this.key) {
      const expected = Buffer.from(this.sign(parts));
      const got = frames[d + 1];
      if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
        throw new Error("invalid message signature");
      }
    }
    const [header, parent, metadata, content] = parts.map((p) => JSON.parse(p.toString("utf8")) as unknown);
    return {
      identities: frames.slice(0, d),
      header: header as Header,
      parent_header: (parent ?? {}) as Message["parent_header"],
      metadata: (metadata ?? {}) as Record<string, unknown>,
      content: (content ?? {}) as Record<string, unknown>,
      buffers: frames.slice(d + 6),
    };
  }

  encode(msg: Message): (Buffer | string)[] {
    const bodies = [msg.header, msg.parent_header, msg.metadata, msg.content].map((p) => JSON.stringify(p));
    return [...msg.identities, DELIM, this.sign(bodies), ...bodies, ...msg.buffers];
  }

  header(type: string): Header {
    return {
      msg_id: randomUUID(),
      msg_type: type,
      session: this.session,
      username: "kernel",
      date: new Date().toISOString(),
      version: PROTOCOL_VERSION,
    };
  }

  /** A message answering `parent` (a reply, or an iopub message about it), addressed to its requester. */
  reply(parent: Message, type: string, content: Record<string, unknown>, metadata = {}): Message {
    return {
      identities: parent.identities,
      header: this.header(type),
      parent_header: parent.header,
      metadata,
      content,
      buffers: [],
    };
  }

  /** A message that answers nothing (parent header empty), e.g. iopub_welcome. */
  message(type: string, content: Record<string, unknown>): Message {
    return { identities: [], header: this.header(type), parent_header: {}, metadata: {}, content, buffers: [] };
  }
}

/** The message type, without verifying the signature (to route before the message is fully handled). */
export function peekType(frames: Buffer[]): string | undefined {
  const d = frames.findIndex((f) => f.equals(DELIM));
  if (d < 0 || frames.length < d + 3) return undefined;
  try {
    return (JSON.parse(frames[d + 2].toString("utf8")) as Header).msg_type;
  } catch {
    return undefined;
  }
}
