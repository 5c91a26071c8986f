// The renderer speaks only through its message table (extension/src/words/): no file outside words/ builds
// user-visible text from an English literal. Read with TypeScript's parser: every string and template literal
// outside words/ (a template's text between its ${…} parts) that holds two English words in a row, or that is
// assigned to textContent / title / an aria-label, is a word the zh edition would show in English.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { approxReadoutText, blockReadoutText } from "../../../extension/src/canvas/screen.js";
import { roiAlignFormula, roiFormula } from "../../../extension/src/link/roi.js";
import { lengthsLine } from "../../../extension/src/link/sppCompare.js";
import { fusedFormula, meanFormula } from "../../../extension/src/link/stripFusion.js";
import { slicesShown } from "../../../extension/src/link/volume.js";
import { sayer } from "../../../extension/src/words/messages.js";

const root = resolve(import.meta.dirname, "../../..");
const dir = "extension/src";

function files(d: string): string[] {
  return readdirSync(join(root, d)).flatMap((name) => {
    const path = join(d, name);
    if (statSync(join(root, path)).isDirectory()) return path.endsWith("/words") ? [] : files(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/**
 * Literals no reader of a view sees: class lists (every token a jp- class), a canvas font (`12px sans-serif`),
 * and JupyterLab's plugin ids and descriptions (its plugin manager lists those, in English like every plugin's).
 */
function invisible(node: ts.Node, text: string): boolean {
  if (text.split(/\s+/).every((t) => t === "" || t.startsWith("jp-"))) return true;
  const p = node.parent;
  if (ts.isPropertyAssignment(p) && /^(id|description)$/.test(p.name.getText())) return true;
  return ts.isBinaryExpression(p) && /\.font$/.test(p.left.getText());
}

/** The literal's text, a template's ${…} parts left out (each a space, so words across them do not join). */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  return null;
}

/** Assigned to a node's visible text, its title or its aria-label. */
function shownDirectly(node: ts.Node): boolean {
  let p = node.parent;
  while (ts.isConditionalExpression(p) || ts.isParenthesizedExpression(p) || ts.isBinaryExpression(p)) {
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) break;
    p = p.parent;
  }
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return /\.(textContent|title|innerText|ariaLabel)$/.test(p.left.getText());
  }
  if (ts.isCallExpression(p) && /\.setAttribute$/.test(p.expression.getText())) {
    const name = p.arguments[0];
    return p.arguments[1] === node && ts.isStringLiteral(name) && /^(title|aria-label|alt)$/.test(name.text);
  }
  return false;
}

export function englishLiterals(path: string, source = readFileSync(join(root, path), "utf8")): string[] {
  const sf = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const hits: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    const text = literalText(node);
    if (text !== null && !invisible(node, text)) {
      const twoWords = /[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}/.test(text);
      const shown = shownDirectly(node) && /[A-Za-z]{2,}/.test(text);
      if (twoWords || shown) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        hits.push(`${path}:${line}: ${node.getText().slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

describe("the renderer's words", () => {
  it("come from the message table: no English literal outside extension/src/words/", () => {
    expect(files(dir).flatMap((f) => englishLiterals(f))).toEqual([]);
  });

  it("the scan finds an English literal shown as text, as a title, or in a template", () => {
    const src = [
      'el.textContent = "reduced";',
      'b.title = ok ? "one" : "two words";',
      'n.setAttribute("aria-label", "Close");',
      "const s = `argmax at (${i}, ${j})`;",
      'const ok = el("div", "jp-PoolscopeTensor-a jp-mod-b");',
      'export const plugin = { id: "poolscope:x", description: "what JupyterLab lists" };',
      "ctx.font = `${px}px sans-serif`;",
    ].join("\n");
    expect(englishLiterals("x.ts", src).map((h) => h.split(": ")[1])).toEqual([
      '"reduced"',
      '"one"',
      '"two words"',
      '"Close"',
      "`argmax at (${i}, ${j})`",
    ]);
  });
});

describe("link/ and canvas/ text in Chinese", () => {
  const zh = sayer("zh");
  it("says formulas, read-outs and refusals in the view's language around the same numbers", () => {
    expect(roiAlignFormula(4, 2, 0.5, zh)).toBe(
      "4 个双线性采样点（圆点）的均值（其中 2 个在特征图之外，读作 0） = 0.5",
    );
    expect(roiFormula([], 0, zh)).toBe("空区块（位于特征图之外）：没有可汇聚的值，输出 = 0");
    expect(
      roiFormula(
        Array.from({ length: 18 }, (_, k) => k),
        17,
        zh,
      ),
    ).toMatch(/, …（另 2 项）\) = 17$/);
    expect(lengthsLine(42, 42, "5×7", "8×6", zh)).toBe("两个向量都有 42 个特征：5×7 与 8×6 的输入得到相同的长度");
    expect(meanFormula(zh("stripRow", { i: 1 }), [1, -2, 4], 1, zh)).toBe("行 1 = (1 + −2 + 4) / 3 = 1");
    expect(fusedFormula(0, 3, 0.5, 2, 0.25, 4, 4, 3, zh)).toMatch(
      /^融合 \(0, 3\) = .*；行均值 0 = 0\.5，列均值 3 = 2$/,
    );
    expect(slicesShown(20, zh("sideInput"), zh).notice).toBe("输入：显示 20 个深度切片中的 0…7（大小预算）");
    expect(blockReadoutText([0, 1], { originalShape: [4, 4], factor: 2 }, 1, zh)).toBe("[0…1, 2…3] 块均值 = 1");
    expect(approxReadoutText([0], 0.5, { bits: 8, lo: 0, hi: 1 }, zh)).toMatch(/^\[0\] ≈ 0\.5（±.*：8 位视图）$/);
  });
});
