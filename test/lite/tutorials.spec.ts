// Every tutorial, both editions, runs in the static site with no server: all cells, no error, and every tensor
// output equal to the one committed in the notebook (made by the server kernel), and so is every printed line
// and every text/plain.
import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { codeCells, openLite, root, runAll, serveSite, type CellOutput } from "./site.js";

const TENSOR_MIME = "application/vnd.poolscope.tensor+json";
const notebooks = ["en", "zh"].flatMap((edition) =>
  readdirSync(join(root, "notebooks", edition))
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => `${edition}/${f}`),
);

let server: Server;
let base = "";
test.beforeAll(async () => {
  ({ server, base } = await serveSite(0));
});
test.afterAll(() => server.close());

/** What a cell printed and showed as text: its streams joined by name, then each bundle's text/plain. */
function textsOf(outputs: CellOutput[]): string[] {
  const join = (t: unknown): string => (Array.isArray(t) ? t.join("") : String(t ?? ""));
  const stream = (name: string): string =>
    outputs
      .filter((o) => o.output_type === "stream" && o.name === name)
      .map((o) => join(o.text))
      .join("");
  const plain = outputs.filter((o) => o.data).map((o) => join((o.data as Record<string, unknown>)["text/plain"]));
  return [stream("stdout"), stream("stderr"), ...plain];
}

function tensorsOf(outputs: CellOutput[]): unknown[] {
  return outputs
    .filter((o) => o.data && TENSOR_MIME in o.data)
    .map((o) => (o.data as Record<string, unknown>)[TENSOR_MIME]);
}

for (const path of notebooks) {
  test(`${path} runs in the browser and gives the committed tensors and text`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
    });
    await openLite(page, base, path);
    await runAll(page);
    const cells = await codeCells(page);
    const failed = cells.flatMap((c) => c.outputs.filter((o) => o.output_type === "error"));
    expect(failed.map((o) => `${o.ename}: ${o.evalue}`)).toEqual([]);
    const committed = (
      JSON.parse(readFileSync(join(root, "notebooks", path), "utf8")) as {
        cells: { cell_type: string; outputs?: CellOutput[] }[];
      }
    ).cells.filter((c) => c.cell_type === "code");
    expect(cells.length).toBe(committed.length);
    for (const [i, c] of cells.entries())
      expect(textsOf(c.outputs), `cell ${i + 1} text`).toEqual(textsOf(committed[i].outputs ?? []));
    for (const [i, c] of cells.entries())
      expect(tensorsOf(c.outputs), `cell ${i + 1}`).toEqual(tensorsOf(committed[i].outputs ?? []));
    expect(errors).toEqual([]);
  });
}
