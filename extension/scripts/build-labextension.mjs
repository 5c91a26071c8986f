// Builds the prebuilt (federated) extension with @jupyter/builder, the builder of JupyterLab 4.6, with node
// alone: no Python needed at build time. Paths are resolved, so npm's hoisting does not matter.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
// the package to build: the renderer's by default, or the folder named first (kernel/lite builds itself so)
const folder = process.argv.slice(2).find((a) => !a.startsWith("--"));
const here = folder ? resolve(folder) : dirname(dirname(fileURLToPath(import.meta.url)));
const builder = join(dirname(require.resolve("@jupyter/builder/package.json")), "lib", "build-labextension.js");
const core = require.resolve("@jupyterlab/core-meta/core.package.json");
const dev = process.argv.includes("--development");
execFileSync(process.execPath, [builder, "--core-package-file", core, ...(dev ? ["--development"] : []), here], {
  stdio: "inherit",
});
