/**
 * The renderer benchmark: the browser tests' JupyterLab and Chromium, running test/bench/renderer.bench.ts.
 * Frames are not tied to a 60 Hz vsync here, so "until painted" measures the frame's work rather than the
 * wait for the next display refresh (which otherwise rounds every reading up to 16.7 or 33.3 ms).
 */
import { defineConfig } from "@playwright/test";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import base from "../browser/playwright.config.js";

const launch = base.use?.launchOptions ?? {};

export default defineConfig({
  ...base,
  testDir: dirname(fileURLToPath(import.meta.url)),
  testMatch: "renderer.bench.ts",
  use: {
    ...base.use,
    launchOptions: {
      ...launch,
      args: [...(launch.args ?? []), "--disable-gpu-vsync", "--disable-frame-rate-limit"],
    },
  },
});
