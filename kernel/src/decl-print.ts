/**
 * The declarations a cell leaves, printed once per shape rather than once per cell.
 *
 * After each cell tslab's converter (remainingDecls) trims the declarations file to what the cell did not shadow
 * and prints it again with a fresh printer: with the prelude's ~150 imported names, 0.8–1.4 ms of every cell's compile
 * (measured in one process), the same text each time for every cell that declares nothing new. What it prints is
 * decided by the file's text (the nodes are parsed from it) and by which statements, import specifiers and variable
 * declarations the trim kept, which are the only parts it changes; so the printed text is kept under that key.
 */
import type * as TS from "@tslab/typescript-for-tslab";

/** Texts kept: the declarations of the last few shapes (a cell re-run, a few alternating). */
const MAX_ENTRIES = 8;
const printed = new Map<string, string>();

/** Where a kept node lies in the file's text: what identifies it among the parsed nodes. */
const span = (n: TS.Node): string => `${n.pos}-${n.end}`;

/** Which statements, specifiers and declarations of the parsed file are still there, by their spans. */
function shape(real: typeof TS, sf: TS.SourceFile): string {
  const parts: string[] = [];
  for (const stmt of sf.statements) {
    let part = span(stmt);
    if (real.isImportDeclaration(stmt) && stmt.importClause) {
      const clause = stmt.importClause;
      const bindings = clause.namedBindings;
      part += `[${clause.name ? span(clause.name) : ""};${bindings ? span(bindings) : ""}`;
      if (bindings && real.isNamedImports(bindings)) part += `:${bindings.elements.map(span).join(",")}`;
      part += "]";
    } else if (real.isVariableStatement(stmt)) {
      part += `[${stmt.declarationList.declarations.map(span).join(",")}]`;
    }
    parts.push(part);
  }
  return parts.join(" ");
}

/**
 * createPrinter whose printFile answers from the kept texts for the converter's declarations file (its name ends
 * with `declarationsFile`), and prints anything else as the real printer does.
 */
export function memoizingPrinter(real: typeof TS, declarationsFile: string): typeof TS.createPrinter {
  return (options, handlers) => {
    const printer = real.createPrinter(options, handlers);
    if (handlers) return printer;
    const printFile = printer.printFile.bind(printer);
    printer.printFile = (sf) => {
      if (!sf.fileName.endsWith(declarationsFile)) return printFile(sf);
      const key = `${JSON.stringify(options ?? {})}\u0000${shape(real, sf)}\u0000${sf.text}`;
      const known = printed.get(key);
      if (known !== undefined) return known;
      const text = printFile(sf);
      if (printed.size >= MAX_ENTRIES) printed.delete(printed.keys().next().value!);
      printed.set(key, text);
      return text;
    };
    return printer;
  };
}
