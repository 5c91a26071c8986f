// scripts/ is the repository's bootstrap, run from the root: this file (the set-up both commands share),
// start-lab.mjs (`npm start`); `npm test` (test/run.mjs) imports this file too.
//
// Makes the project's environment whole, idempotently: npm packages, the build, .venv with the pinned
// JupyterLab (requirements.txt), the extension installed into .venv as a Python package, the kernelspec, and,
// for the browser tests, Debian's Chromium. Every step that a fresh clone lacks is done here, so `npm start`
// and `npm test` work on a new machine with nothing installed by hand.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const venv = join(root, ".venv");
export const venvBin = (tool) => join(venv, "bin", tool);
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function log(message) {
  console.log(`[poolscope] ${message}`);
}

export function run(cmd, args, options = {}) {
  execFileSync(cmd, args, { stdio: "inherit", cwd: root, ...options });
}

function hashOf(...files) {
  const h = createHash("sha256");
  for (const f of files) h.update(readFileSync(join(root, f)));
  return h.digest("hex");
}

/** Runs `step` unless `stamp` already records the same input hash. */
function once(stamp, hash, step) {
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  step();
  writeFileSync(stamp, hash);
}

export function ensureNodePackages() {
  once(join(root, "node_modules", ".poolscope-installed"), hashOf("package-lock.json"), () => {
    log("installing npm packages (npm ci)");
    run("npm", ["ci", "--no-audit", "--no-fund"], { env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" } });
  });
}

export function build() {
  log("building library, kernel and extension");
  run("npm", ["run", "--silent", "build"]);
}

export function ensureVenv() {
  if (!existsSync(venvBin("python"))) {
    log("creating .venv");
    run("python3", ["-m", "venv", venv]);
  }
  // .venv lies under our "type": "module" package.json; JupyterLab's own CommonJS scripts in it (node version
  // check, jlpm) must not be read as ES modules.
  writeFileSync(join(venv, "package.json"), '{ "type": "commonjs" }\n');
  once(join(venv, ".poolscope-requirements"), hashOf("requirements.txt"), () => {
    log("installing JupyterLab and the test tools into .venv (requirements.txt)");
    run(venvBin("python"), ["-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", "requirements.txt"]);
  });
}

export function installExtension() {
  log("installing the JupyterLab extension into .venv");
  run(venvBin("python"), [
    "-m",
    "pip",
    "install",
    "--disable-pip-version-check",
    "-q",
    "--no-deps",
    "--force-reinstall",
    "./extension",
  ]);
}

export function installKernelspec() {
  run(process.execPath, [
    join(root, "kernel", "dist", "cli.js"),
    "install",
    "--sys-prefix",
    "--python",
    venvBin("python"),
  ]);
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  log("installing Debian's chromium (apt-get)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], { env });
  run("apt-get", ["install", "-y", "-qq", "chromium"], { env });
}

export function ensureEnvironment({ browser = false } = {}) {
  ensureNodePackages();
  build();
  ensureVenv();
  installExtension();
  installKernelspec();
  if (browser) ensureChromium();
}
