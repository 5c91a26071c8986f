/**
 * A cell as JavaScript that keeps its names for later cells, the rewrite the Node REPL does (a browser has no
 * V8 REPL mode): sucrase strips the TypeScript, acorn finds the top-level declarations, and each becomes an
 * assignment to a global `var` (declared up front by `prologue`), so a later cell may declare the same
 * `const` again. The cell runs inside an async arrow (top-level `await`) and returns its last expression.
 * No newline is added or removed, so a line of the running code is the same line of the cell.
 *
 * `import { x } from "poolscope"` takes the names from the preloaded library; other imports are refused, as a
 * static site has no package resolution.
 */
import { parse, type Node } from "acorn";
import { transform } from "sucrase";

/** The global that holds the preloaded library module, for imports of "poolscope". */
export const LIBRARY_KEY = "poolscope.lite.library";

export interface CompiledCell {
  /** Run first, by global (indirect) eval: `var` declarations of the cell's top-level names. */
  prologue: string;
  /** Run next, by global eval: evaluates to the promise of the cell's last value (undefined if none). */
  body: string;
  /** The cell's top-level names. */
  names: string[];
}

/** A cell that cannot compile: the message and its 1-based line and column in the cell. */
export class CellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "SyntaxError";
  }
}

interface AnyNode extends Node {
  [key: string]: unknown;
}

export function compileCell(source: string, sourceUrl: string): CompiledCell {
  let js: string;
  try {
    js = transform(source, { transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    throw new CellSyntaxError(cleanMessage((e as Error).message), loc?.line ?? 1, (loc?.column ?? 0) + 1);
  }
  let program: AnyNode;
  try {
    program = parse(js, {
      ecmaVersion: "latest",
      // a module, so import declarations parse (they become reads of the preloaded library below)
      sourceType: "module",
      allowAwaitOutsideFunction: true,
      locations: true,
    }) as unknown as AnyNode;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    throw new CellSyntaxError(cleanMessage((e as Error).message), loc?.line ?? 1, (loc?.column ?? 0) + 1);
  }
  const names = new Set<string>();
  const edits: { start: number; end: number; text: string }[] = [];
  const functions: string[] = [];
  const statements = program.body as AnyNode[];
  const text = (n: Node): string => js.slice(n.start, n.end);
  statements.forEach((s, i) => {
    const last = i === statements.length - 1;
    if (s.type === "VariableDeclaration") {
      const parts = (s.declarations as AnyNode[]).map((d) => {
        const id = d.id as AnyNode;
        patternNames(id, names);
        const init = d.init as AnyNode | null;
        return `(${text(id)} = ${init ? text(init) : "undefined"})`;
      });
      edits.push({ start: s.start, end: s.end, text: `void (${parts.join(", ")});` });
    } else if (s.type === "FunctionDeclaration") {
      // kept a declaration, so it is hoisted within the cell as written; the global gets it at the cell's start
      const name = (s.id as AnyNode).name as string;
      names.add(name);
      functions.push(name);
    } else if (s.type === "ClassDeclaration") {
      const name = (s.id as AnyNode).name as string;
      names.add(name);
      edits.push({ start: s.start, end: s.end, text: `${name} = ${text(s)};` });
    } else if (s.type === "ImportDeclaration") {
      edits.push({ start: s.start, end: s.end, text: importText(s, names) });
    } else if (s.type === "ExportNamedDeclaration" || s.type === "ExportDefaultDeclaration") {
      throw new CellSyntaxError("a cell cannot export", (s.loc as { start: { line: number } }).start.line, 1);
    } else if (last && s.type === "ExpressionStatement") {
      edits.push({ start: s.start, end: s.end, text: `return (${text(s.expression as AnyNode)});` });
    }
  });
  let body = js;
  for (const e of edits.sort((a, b) => b.start - a.start)) body = body.slice(0, e.start) + e.text + body.slice(e.end);
  const hoist = functions.map((f) => `globalThis[${JSON.stringify(f)}] = ${f}; `).join("");
  // a trailing line comment in the cell must not swallow the closing of the wrapper: it goes on a line of its own
  return {
    prologue: names.size > 0 ? `var ${[...names].join(", ")};` : "",
    body: `(async () => { ${hoist}${body}\n})()\n//# sourceURL=${sourceUrl}`,
    names: [...names],
  };
}

function patternNames(p: AnyNode, into: Set<string>): void {
  switch (p.type) {
    case "Identifier":
      into.add(p.name as string);
      break;
    case "ObjectPattern":
      for (const prop of p.properties as AnyNode[])
        patternNames((prop.type === "RestElement" ? prop.argument : prop.value) as AnyNode, into);
      break;
    case "ArrayPattern":
      for (const el of p.elements as (AnyNode | null)[]) if (el) patternNames(el, into);
      break;
    case "RestElement":
      patternNames(p.argument as AnyNode, into);
      break;
    case "AssignmentPattern":
      patternNames(p.left as AnyNode, into);
      break;
  }
}

function importText(s: AnyNode, names: Set<string>): string {
  const from = (s.source as AnyNode).value as string;
  const line = (s.loc as { start: { line: number } }).start.line;
  if (from !== "poolscope")
    throw new CellSyntaxError(
      `cannot import "${from}": in the browser kernel only "poolscope" (preloaded) can be imported`,
      line,
      1,
    );
  const lib = `globalThis[Symbol.for(${JSON.stringify(LIBRARY_KEY)})]`;
  const picks: string[] = [];
  const whole: string[] = [];
  for (const spec of s.specifiers as AnyNode[]) {
    const local = (spec.local as AnyNode).name as string;
    names.add(local);
    if (spec.type === "ImportSpecifier") {
      const imported = spec.imported as AnyNode;
      const key = imported.type === "Identifier" ? (imported.name as string) : String(imported.value);
      picks.push(`${JSON.stringify(key)}: ${local}`);
    } else whole.push(`${local} = ${lib}`);
  }
  const parts = [...whole];
  if (picks.length > 0) parts.push(`({ ${picks.join(", ")} } = ${lib})`);
  return parts.length > 0 ? `void (${parts.join(", ")});` : ";";
}

/** Parser messages end in "(line:column)", which the traceback shows its own way. */
function cleanMessage(message: string): string {
  return message.replace(/\s*\(\d+:\d+\)\s*$/, "");
}
