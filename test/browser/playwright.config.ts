/**
 * Browser tests: JupyterLab from .venv serving a scratch copy of notebooks/, driven in Debian's Chromium
 * (never a downloaded browser). Video is off because Playwright's recorder would need its own ffmpeg.
 */
import { defineConfig } from "@playwright/test";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");

/** A port the system has just handed out as free, so two runs on one machine do not collide. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(address)));
    });
  });
}

// POOLSCOPE_TEST_PORT pins the port; else one is picked once, in the runner, and handed to the worker processes
// (which load this file again) and to serve-lab.mjs through the environment.
if (!process.env.POOLSCOPE_TEST_PORT) process.env.POOLSCOPE_TEST_PORT = String(await freePort());
export const PORT = Number(process.env.POOLSCOPE_TEST_PORT);

export default defineConfig({
  testDir: here,
  testMatch: "*.spec.ts",
  outputDir: join(root, "test", "artifacts", "playwright"),
  timeout: 120_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 900 },
    video: "off",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `node ${join(here, "serve-lab.mjs")}`,
    url: `http://127.0.0.1:${PORT}/lab`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM lets JupyterLab shut its kernels down; a SIGKILL would orphan them
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: { POOLSCOPE_TEST_PORT: String(PORT) },
  },
});
