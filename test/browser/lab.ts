/** Helpers for driving JupyterLab through its exposed application object (LabApp.expose_app_in_browser). */
import { expect, test as base, type Locator, type Page } from "@playwright/test";

/**
 * Every test collects the page's errors (uncaught exceptions and rejections) and console errors, as text, and
 * fails on any of them when it ends; `pageErrors` lets a test check them itself.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
      });
      await use(errors);
      expect(errors, "page errors and console errors").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

interface Commands {
  execute(id: string, args?: unknown): Promise<unknown>;
}
declare global {
  interface Window {
    jupyterapp: { commands: Commands; started: Promise<void>; restored: Promise<void> };
  }
}

/**
 * Opens a notebook in a fresh workspace and returns its (visible) panel once its kernel (by display name) is idle.
 */
export async function openNotebook(page: Page, path: string, kernel = "TypeScript (poolscope)"): Promise<Locator> {
  await page.goto(`/lab/tree/${path}?reset`);
  await page.waitForFunction(() => window.jupyterapp !== undefined);
  await page.evaluate(async () => {
    await window.jupyterapp.started;
    await window.jupyterapp.restored;
  });
  const panel = page.locator(".jp-NotebookPanel").filter({ visible: true });
  await expect(panel).toHaveCount(1, { timeout: 60_000 });
  // the status bar reads "TypeScript (poolscope) | Idle" once the kernel is up and connected ("空闲" when
  // lab-language.spec.ts has switched JupyterLab to Chinese)
  const name = kernel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(page.locator(".jp-StatusBar-Widget").filter({ hasText: kernel })).toHaveText(
    new RegExp(`${name} \\| (Idle|空闲)`),
    { timeout: 60_000 },
  );
  return panel;
}

export async function command(page: Page, id: string): Promise<void> {
  await page.evaluate((cmd) => window.jupyterapp.commands.execute(cmd), id);
}

/** Clears the saved outputs, then runs every cell, so what is checked was made by this run's kernel. */
export async function rerunAll(page: Page, panel: Locator): Promise<void> {
  await command(page, "notebook:clear-all-cell-outputs");
  await expect(panel.locator(".jp-PoolscopeTensor")).toHaveCount(0);
  await command(page, "notebook:run-all-cells");
}
