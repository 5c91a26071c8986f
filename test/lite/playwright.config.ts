/**
 * Browser tests of the serverless side: the library's browser entry and the JupyterLite site, each served by
 * a plain static server the spec starts itself (serve-static.mjs; no Jupyter server), in Debian's Chromium.
 */
import { defineConfig } from "@playwright/test";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");

export default defineConfig({
  testDir: here,
  testMatch: "*.spec.ts",
  outputDir: join(root, "test", "artifacts", "playwright-lite"),
  timeout: 180_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    viewport: { width: 1280, height: 900 },
    video: "off",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
});
