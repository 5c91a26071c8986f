/**
 * inspect_request (Shift+Tab): TypeScript's quick info at the cursor, as tslab gives it, and where the cursor
 * is not on a name but inside a call's parentheses (`maxPool2d(`, `maxPool2d(x, `, `maxPool2d(x, { k`), the
 * quick info of that call's callee, which TypeScript resolves against the arguments written so far: the
 * signature of the call. Option types named in it (`MaxPoolOptions` …) are listed member by member with each
 * member's type and the first line of its JSDoc, which quick info on the function alone does not show.
 */
import type * as TS from "@tslab/typescript-for-tslab";
import { ts, type Executor } from "./tslab.js";

export interface InspectReply {
  [key: string]: unknown;
  status: "ok";
  found: boolean;
  data: Record<string, string>;
  metadata: Record<string, never>;
}

/** How many option types one tooltip expands (an overload list can name several). */
const MAX_OPTION_TYPES = 3;

export function inspect(executor: Executor, code: string, cursor: number): InspectReply {
  const notFound: InspectReply = { status: "ok", found: false, data: {}, metadata: {} };
  const position = targetOf(code, cursor);
  if (position === null) return notFound;
  const info = executor.inspect(code, position);
  if (!info) return notFound;
  const text = printQuickInfo(info);
  const names = [...new Set(text.match(/\b[A-Z]\w*Options\b/g) ?? [])].slice(0, MAX_OPTION_TYPES);
  const expanded = names.map((name) => optionsOf(executor, name)).filter((e) => e !== "");
  return { status: "ok", found: true, data: { "text/plain": [text, ...expanded].join("\n\n") }, metadata: {} };
}

/** Quick info as text: the signature, then the documentation and the tags (`@param x …`), as tslab prints it. */
function printQuickInfo(info: TS.QuickInfo): string {
  const text = (parts: readonly TS.SymbolDisplayPart[] | undefined): string =>
    (parts ?? []).map((p) => p.text).join("");
  const notes = [
    ...(info.documentation ?? []).map((d) => d.text),
    ...(info.tags ?? []).map((t) => (t.name === "param" ? `@param ${text(t.text)}` : text(t.text))).filter((t) => t),
  ];
  const signature = text(info.displayParts);
  return notes.length > 0 ? `${signature}\n\n${notes.join("\n")}` : signature;
}

/**
 * The position to ask quick info at: the cursor when it touches a name; else the callee's name of the innermost
 * call whose parentheses hold the cursor; else the cursor.
 */
export function targetOf(code: string, cursor: number): number | null {
  const sf = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  // `maxPool2d(x, ` ends in a space that no node spans: look from the last character typed
  let at = cursor;
  while (at > 0 && /\s/.test(code[at - 1])) at--;
  let touching = false;
  let callee: number | null = null;
  const visit = (node: TS.Node): void => {
    if (at < node.getFullStart() || at > node.getEnd()) return;
    if (ts.isIdentifier(node) && node.getStart(sf) <= cursor && cursor <= node.getEnd()) touching = true;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
      // inside the parentheses: after `(`, and before `)` when it is there (a call being typed has none yet)
      const open = node.arguments.pos;
      const close = node.getEnd();
      const closed = code[close - 1] === ")";
      if (at >= open && (closed ? at < close : at <= close)) callee = nameEnd(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (touching) return cursor;
  return callee ?? cursor;
}

/** The end of a callee's own name: `f`, `ns.f`, `obj.method`, `(0, f)` fall back to the expression's end. */
function nameEnd(expr: TS.Expression): number {
  if (ts.isPropertyAccessExpression(expr)) return expr.name.getEnd();
  return expr.getEnd();
}

/** One line per member of poolscope's option type `name`: `  kernelSize: PerDim — the window's size …`. */
function optionsOf(executor: Executor, name: string): string {
  // the members by name, from the type written out as an object type
  const probe = `type __members = { [K in keyof poolscope.${name}]: poolscope.${name}[K] };`;
  const shape = executor.inspect(probe, 6);
  if (!shape) return "";
  const members = memberNames(printQuickInfo(shape));
  if (members.length === 0) return "";
  // then each member's own quick info (type and JSDoc), all from one source so the program is built once
  let src = `declare const __o: poolscope.${name};\n`;
  const at: number[] = [];
  for (const m of members) {
    src += "__o.";
    at.push(src.length);
    src += `${m};\n`;
  }
  const lines = members.map((m, i) => {
    const info = executor.inspect(src, at[i]);
    const sig = (info?.displayParts ?? []).map((p) => p.text).join("");
    const type = sig.replace(/^\(property\)\s*/, "").replace(/^[\w$]+\./, "");
    const doc = (info?.documentation ?? [])
      .map((p) => p.text)
      .join("")
      .split("\n")[0]
      .trim();
    return `  ${type || m}${doc ? ` — ${doc}` : ""}`;
  });
  return `${name}:\n${lines.join("\n")}`;
}

/** Top-level member names of a printed object type `type X = { a: T; b?: U; … }`. */
function memberNames(text: string): string[] {
  const body = text.slice(text.indexOf("{") + 1);
  const names: string[] = [];
  let depth = 0;
  let start = true;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "{" || c === "(" || c === "[" || c === "<") depth++;
    else if (c === "}" || c === ")" || c === "]" || c === ">") depth--;
    if (depth < 0) break;
    if (depth === 0 && start) {
      const m = /^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\??:/.exec(body.slice(i));
      if (m) names.push(m[1]);
      start = false;
    }
    if (depth === 0 && c === ";") start = true;
  }
  return names;
}

/**
 * What the server asks of the executor beyond execute, in the shape of tslab's JupyterHandler (which its
 * ZmqServer routes complete_request to), so the kernel needs nothing of tslab but its converter and executor.
 */
export interface CellHandler {
  handleComplete(req: { code: string; cursor_pos: number }): Record<string, unknown>;
  handleInspect(req: { code: string; cursor_pos: number }): InspectReply;
  close(): void;
}

export function createHandler(executor: Executor): CellHandler {
  return {
    handleComplete({ code, cursor_pos }) {
      const info = executor.complete(code, cursor_pos);
      return {
        status: "ok",
        matches: info.candidates,
        cursor_start: info.start,
        cursor_end: info.end,
        metadata: {},
      };
    },
    handleInspect: ({ code, cursor_pos }) => inspect(executor, code, cursor_pos),
    close: () => executor.close(),
  };
}
