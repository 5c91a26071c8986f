/** The renderer benchmark: the browser tests' JupyterLab and Chromium, running test/bench/renderer.bench.ts. */
import { defineConfig } from "@playwright/test";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import base from "../browser/playwright.config.js";

export default defineConfig({
  ...base,
  testDir: dirname(fileURLToPath(import.meta.url)),
  testMatch: "renderer.bench.ts",
});
