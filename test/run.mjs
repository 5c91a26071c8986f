// `npm test`: every suite, each against real parts (the built library, the kernel over ZeroMQ, JupyterLab from
// .venv, Debian's Chromium). Runs all suites even when one fails, then fails if any did.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ensureEnvironment, root, venvBin, CHROMIUM } from "../scripts/env.mjs";

ensureEnvironment({ browser: true });
mkdirSync(join(root, "test", "artifacts"), { recursive: true });

const npx = (...args) => ["npx", ["--no-install", ...args]];
// every golden file: the shared PyTorch 1.13 set and the ones test/golden/ generates with newer PyTorch
const goldenDir = join("test", "fixtures", "golden");
const goldenFiles = readdirSync(join(root, goldenDir))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => join(goldenDir, f));
const conformance = ["dist/cli.js", "conformance", ...goldenFiles];
const suites = [
  ["lint (ESLint, Prettier)", "sh", ["-c", "npx --no-install eslint . && npx --no-install prettier --check ."]],
  ["unit tests (vitest)", ...npx("vitest", "run")],
  // the benches' own helpers (RESULTS.md sections); test/unit mirrors src/, so these live beside the benches
  ["bench helpers (node --test)", process.execPath, ["--test", "test/bench/"]],
  // both backends pass the same golden file: the TypeScript reference and the WebAssembly SIMD kernels
  ["golden conformance, TypeScript path", "env", ["POOLSCOPE_BACKEND=js", process.execPath, ...conformance]],
  ["golden conformance, WebAssembly path", "env", ["POOLSCOPE_BACKEND=wasm", process.execPath, ...conformance]],
  [
    "kernel protocol, server extension and notebooks (pytest)",
    venvBin("python"),
    ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test/kernel", "test/extension", "test/notebooks"],
  ],
  ["browser (Playwright, Chromium)", ...npx("playwright", "test", "-c", "test/browser/playwright.config.ts")],
  // no Jupyter server: the library's browser entry and the JupyterLite site from a plain static server
  [
    "browser, serverless (the site built, Playwright, Chromium)",
    "sh",
    ["-c", "node scripts/build-site.mjs --built && npx --no-install playwright test -c test/lite/playwright.config.ts"],
  ],
];

const env = { ...process.env, PATH: `${join(root, ".venv", "bin")}:${process.env.PATH}`, CHROMIUM_PATH: CHROMIUM };
const results = [];
for (const [name, cmd, args] of suites) {
  console.log(`\n=== ${name}`);
  if (name.startsWith("golden conformance") && !existsSync(join(root, "dist", "cli.js"))) {
    console.log("dist/cli.js is missing: the conformance runner was not built");
    results.push([name, false]);
    continue;
  }
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, env });
  results.push([name, r.status === 0]);
}

console.log("\n=== summary");
for (const [name, ok] of results) console.log(`${ok ? "ok  " : "FAIL"} ${name}`);
const failed = results.filter(([, ok]) => !ok).length;
console.log(`suites: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
