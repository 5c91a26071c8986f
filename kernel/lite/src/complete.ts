/**
 * Completion from what the worker holds at run time: the names in scope (the preloaded library, earlier
 * cells' names, the worker's globals, keywords) or, after a dot, the members of the object the dotted name
 * before it is now (`t.` lists a tensor's methods). Nothing is evaluated but property reads along the path.
 */
import type { CompleteReply } from "./protocol.js";

const KEYWORDS = [
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "default",
  "delete",
  "do",
  "else",
  "export",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "let",
  "new",
  "null",
  "return",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "undefined",
  "var",
  "void",
  "while",
];

/** Every property name of `v` and its prototypes, but Object.prototype's (noise in every list). */
function members(v: unknown): string[] {
  const names = new Set<string>();
  let o: unknown = v;
  if (typeof o !== "object" && typeof o !== "function") o = o === null || o === undefined ? null : Object(o);
  while (o && o !== Object.prototype) {
    for (const n of Object.getOwnPropertyNames(o)) names.add(n);
    o = Object.getPrototypeOf(o);
  }
  return [...names];
}

export function complete(code: string, cursor: number, scope: object = globalThis): CompleteReply {
  const before = code.slice(0, cursor);
  const dotted = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\.\s*([\w$]*)$/.exec(before);
  let prefix: string;
  let names: string[];
  if (dotted) {
    prefix = dotted[2];
    let v: unknown = scope;
    try {
      for (const key of dotted[1].split(".").map((k) => k.trim())) v = (v as Record<string, unknown>)[key];
    } catch {
      v = undefined;
    }
    names = v === undefined || v === null ? [] : members(v);
  } else {
    prefix = /[A-Za-z_$][\w$]*$/.exec(before)?.[0] ?? "";
    names = [...members(scope), ...KEYWORDS];
  }
  const matches = [...new Set(names)]
    .filter((n) => n.startsWith(prefix) && /^[A-Za-z_$][\w$]*$/.test(n) && !n.startsWith("__"))
    .sort((a, b) => a.localeCompare(b));
  return { matches, cursor_start: cursor - prefix.length, cursor_end: cursor };
}
