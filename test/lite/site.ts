/**
 * Helpers for the JupyterLite site tests: open a notebook of the built site (site/_output, served by
 * serve-static.mjs), run it through JupyterLab's own commands, and read its cells back from the notebook model,
 * waiting for the state they report (execution counts, the kernel's status), never for time.
 */
import { expect, type Page } from "@playwright/test";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "./serve-static.mjs";
import { testPort } from "./ports.js";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const siteDir = join(root, "site", "_output");

export interface CellOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

interface App {
  commands: { execute(id: string, args?: unknown): Promise<unknown> };
  started: Promise<void>;
  restored: Promise<void>;
  shell: { currentWidget: unknown };
}

/** Serves the built site; `k` picks the port (POOLSCOPE_TEST_PORT + k). */
export async function serveSite(k: number, isolated = false): Promise<{ server: Server; base: string }> {
  if (!existsSync(join(siteDir, "index.html"))) throw new Error("site/_output is missing: run npm run site first");
  const port = await testPort(k);
  return { server: await serveStatic(siteDir, port, { isolated }), base: `http://127.0.0.1:${port}/` };
}

/** Opens `path` (e.g. "en/01-pooling-basics.ipynb") in JupyterLite's lab and waits for an idle poolscope kernel. */
export async function openLite(page: Page, base: string, path: string): Promise<void> {
  await page.goto(`${base}lab/index.html?path=${encodeURIComponent(path)}`);
  await page.waitForFunction(() => (window as unknown as { jupyterapp?: App }).jupyterapp !== undefined, null, {
    timeout: 60_000,
  });
  await page.evaluate(async () => {
    const app = (window as unknown as { jupyterapp: App }).jupyterapp;
    await app.started;
    await app.restored;
  });
  await expect(page.locator(".jp-NotebookPanel").filter({ visible: true })).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator(".jp-StatusBar-Widget").filter({ hasText: "TypeScript (poolscope)" })).toHaveText(
    /TypeScript \(poolscope\) \| Idle/,
    { timeout: 60_000 },
  );
}

export async function command(page: Page, id: string): Promise<void> {
  await page.evaluate((cmd) => (window as unknown as { jupyterapp: App }).jupyterapp.commands.execute(cmd), id);
}

/** Each code cell's execution count and outputs, from the open notebook's model. */
export async function codeCells(page: Page): Promise<{ count: number | null; outputs: CellOutput[] }[]> {
  return page.evaluate(() => {
    const app = (window as unknown as { jupyterapp: App }).jupyterapp;
    type Model = {
      type: string;
      executionCount: number | null;
      outputs: { toJSON(): unknown[] };
    };
    const panel = app.shell.currentWidget as { content: { model: { cells: Iterable<Model> } } };
    return [...panel.content.model.cells]
      .filter((c) => c.type === "code")
      .map((c) => ({ count: c.executionCount, outputs: c.outputs.toJSON() as CellOutput[] }));
  });
}

/** The open notebook's kernel status ("idle", "busy", ...). */
export async function kernelStatus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const app = (window as unknown as { jupyterapp: App }).jupyterapp;
    const panel = app.shell.currentWidget as { sessionContext: { session?: { kernel?: { status: string } } } };
    return panel.sessionContext.session?.kernel?.status ?? "none";
  });
}

/** Clears every output, runs every cell, and waits until each code cell has run and the kernel is idle. */
export async function runAll(page: Page, timeout = 120_000): Promise<void> {
  await command(page, "notebook:clear-all-cell-outputs");
  // not awaited: the command's promise settles only when every cell has run, which the poll below watches
  await page.evaluate(() => {
    void (window as unknown as { jupyterapp: App }).jupyterapp.commands.execute("notebook:run-all-cells");
  });
  await expect
    .poll(
      async () => {
        const cells = await codeCells(page);
        const ran =
          cells.every((c) => c.count !== null) || cells.some((c) => c.outputs.some((o) => o.output_type === "error"));
        return ran && (await kernelStatus(page)) === "idle";
      },
      { timeout, intervals: [250] },
    )
    .toBe(true);
}

/** Opens a new notebook on the poolscope kernel (the site's default) and waits for it to be idle. */
export async function newNotebook(page: Page, base: string): Promise<void> {
  await page.goto(`${base}lab/index.html`);
  await page.waitForFunction(() => (window as unknown as { jupyterapp?: App }).jupyterapp !== undefined, null, {
    timeout: 60_000,
  });
  await page.evaluate(async () => {
    const app = (window as unknown as { jupyterapp: App }).jupyterapp;
    await app.started;
    await app.restored;
    await app.commands.execute("notebook:create-new", { kernelName: "poolscope" });
  });
  await expect(page.locator(".jp-NotebookPanel").filter({ visible: true })).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator(".jp-StatusBar-Widget").filter({ hasText: "TypeScript (poolscope)" })).toHaveText(
    /TypeScript \(poolscope\) \| Idle/,
    { timeout: 60_000 },
  );
}

/** Replaces the open notebook's cells with code cells of these sources. */
export async function setCells(page: Page, sources: string[]): Promise<void> {
  await page.evaluate((sources) => {
    const app = (window as unknown as { jupyterapp: App }).jupyterapp;
    type Shared = {
      cells: unknown[];
      insertCells(at: number, cells: object[]): void;
      deleteCellRange(from: number, to: number): void;
    };
    const panel = app.shell.currentWidget as { content: { model: { sharedModel: Shared } } };
    const shared = panel.content.model.sharedModel;
    const n = shared.cells.length;
    shared.insertCells(
      n,
      sources.map((source) => ({ cell_type: "code", source, metadata: {} })),
    );
    shared.deleteCellRange(0, n);
  }, sources);
}

/** Sends a complete_request for `code` with the cursor at its end, straight to the open notebook's kernel. */
export async function completions(page: Page, code: string): Promise<string[]> {
  return page.evaluate(async (code) => {
    const app = (window as unknown as { jupyterapp: App }).jupyterapp;
    type Kernel = {
      requestComplete(c: { code: string; cursor_pos: number }): Promise<{ content: { matches: string[] } }>;
    };
    const panel = app.shell.currentWidget as { sessionContext: { session: { kernel: Kernel } } };
    const reply = await panel.sessionContext.session.kernel.requestComplete({ code, cursor_pos: code.length });
    return reply.content.matches;
  }, code);
}

/** The text of an output as one string (a stream's text, an error's traceback, a bundle's text/plain). */
export function textOf(o: CellOutput): string {
  const join = (t: unknown): string => (Array.isArray(t) ? t.join("") : String(t ?? ""));
  if (o.output_type === "stream") return join(o.text);
  if (o.output_type === "error") return (o.traceback ?? []).join("\n");
  return join(o.data?.["text/plain"]);
}
