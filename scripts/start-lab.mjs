// `npm start`: make the environment whole, then serve JupyterLab on notebooks/ with the poolscope kernel and
// renderer. Extra arguments go to `jupyter lab` (e.g. `npm start -- --port 9999`).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ensureEnvironment, root, venvBin } from "./env.mjs";

ensureEnvironment();
const args = ["lab", "--no-browser", `--ServerApp.root_dir=${join(root, "notebooks")}`, "--ServerApp.ip=127.0.0.1"];
if (process.getuid?.() === 0) args.push("--allow-root");
console.log("[poolscope] starting JupyterLab; open the http://127.0.0.1:… URL it prints below");
const lab = spawn(venvBin("jupyter"), [...args, ...process.argv.slice(2)], { stdio: "inherit", cwd: root });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => lab.kill(signal));
lab.on("exit", (code) => process.exit(code ?? 0));
