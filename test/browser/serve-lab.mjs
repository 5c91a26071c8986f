// The JupyterLab the browser tests talk to: .venv's jupyter lab on a scratch copy of notebooks/ (so runs never
// touch the committed notebooks), no token on loopback, and window.jupyterapp exposed for the tests.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root, venvBin } from "../../scripts/env.mjs";

const work = mkdtempSync(join(tmpdir(), "poolscope-lab-"));
cpSync(join(root, "notebooks"), work, { recursive: true });
cpSync(join(root, "test", "browser", "fixtures"), join(work, "fixtures"), { recursive: true });
// no "get notified about Jupyter news?" toast over the screenshots: news answered "no" in this lab's settings
const settings = join(work, ".lab-settings");
mkdirSync(settings, { recursive: true });
writeFileSync(
  join(settings, "overrides.json"),
  JSON.stringify({ "@jupyterlab/apputils-extension:notification": { fetchNews: "false", checkForUpdates: false } }),
);
// the port comes from playwright.config.ts (a free one, or POOLSCOPE_TEST_PORT as given)
const port = process.env.POOLSCOPE_TEST_PORT;
if (!port) throw new Error("serve-lab.mjs: POOLSCOPE_TEST_PORT is not set (run it through playwright.config.ts)");
const args = [
  "lab",
  "--no-browser",
  `--ServerApp.root_dir=${work}`,
  "--ServerApp.ip=127.0.0.1",
  `--ServerApp.port=${port}`,
  "--ServerApp.port_retries=0",
  "--IdentityProvider.token=",
  "--ServerApp.password=",
  "--ServerApp.disable_check_xsrf=True",
  "--LabApp.expose_app_in_browser=True",
  "--LabServerApp.workspaces_dir=" + join(work, ".workspaces"),
  "--LabServerApp.app_settings_dir=" + settings,
];
if (process.getuid?.() === 0) args.push("--allow-root");
const lab = spawn(venvBin("jupyter"), args, {
  stdio: "inherit",
  env: { ...process.env, JUPYTER_CONFIG_DIR: join(work, ".jupyter") },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => lab.kill(signal));
lab.on("exit", (code) => process.exit(code ?? 0));
