// The library's browser entry passes the golden suite in Chromium, both backends: on a page that is not
// cross-origin isolated (as GitHub Pages serves it: the single-memory wasm, one thread) and on one that is
// (COOP/COEP: the shared-memory wasm and two threads).
import { expect, test, type Page } from "@playwright/test";
import type { Server } from "node:http";
import { buildGoldenPage } from "./bundle.mjs";
import { serveStatic } from "./serve-static.mjs";
import { testPort } from "./ports.js";

interface Verdict {
  state?: { backend: string; shared: boolean; wasmError: string };
  passed?: number;
  failures?: string[];
  threaded?: boolean | null;
  kept?: boolean;
  error?: string;
}

let files: string[] = [];
const servers: Server[] = [];
const base: Record<"plain" | "isolated", string> = { plain: "", isolated: "" };

test.beforeAll(async () => {
  const page = await buildGoldenPage();
  files = page.files;
  for (const [k, kind] of (["plain", "isolated"] as const).entries()) {
    const port = await testPort(k);
    servers.push(await serveStatic(page.out, port, { isolated: kind === "isolated" }));
    base[kind] = `http://127.0.0.1:${port}/`;
  }
});
test.afterAll(() => {
  for (const s of servers) s.close();
});

async function runInWorker(page: Page, backend: string, threads: number): Promise<Verdict> {
  return page.evaluate(
    ({ files, backend, threads }) =>
      new Promise<Verdict>((resolve) => {
        const w = new Worker("golden-worker.js", { type: "module" });
        w.onmessage = (e) => resolve(e.data as Verdict);
        w.onerror = (e) => resolve({ error: e.message });
        w.postMessage({ files, backend, threads });
      }),
    { files, backend, threads },
  );
}

for (const [kind, threads, shared] of [
  ["plain", 1, false],
  ["isolated", 2, true],
] as const) {
  for (const backend of ["js", "wasm"] as const) {
    test(`golden suite, ${backend} backend, ${kind} page`, async ({ page }) => {
      await page.goto(base[kind]);
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(kind === "isolated");
      const v = await runInWorker(page, backend, backend === "wasm" ? threads : 1);
      expect(v.error).toBeUndefined();
      expect(v.state).toEqual({ backend: "wasm", shared, wasmError: "" });
      expect(v.failures).toEqual([]);
      expect(v.passed).toBeGreaterThan(1000);
      expect(v.kept).toBe(true);
      expect(v.threaded).toBe(backend === "wasm" && threads > 1 ? true : null);
    });
  }
}
