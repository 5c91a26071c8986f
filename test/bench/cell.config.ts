/**
 * The cell benchmark: the browser tests' JupyterLab and Chromium, running test/bench/cell.bench.ts. As for the
 * renderer bench, frames are not tied to vsync, so "painted" is the end of the frame's work, not the next refresh.
 */
import { defineConfig } from "@playwright/test";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import base from "../browser/playwright.config.js";

const launch = base.use?.launchOptions ?? {};

export default defineConfig({
  ...base,
  testDir: dirname(fileURLToPath(import.meta.url)),
  testMatch: "cell.bench.ts",
  use: {
    ...base.use,
    launchOptions: {
      ...launch,
      args: [...(launch.args ?? []), "--disable-gpu-vsync", "--disable-frame-rate-limit"],
    },
  },
});
