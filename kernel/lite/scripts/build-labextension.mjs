// Builds the prebuilt (federated) JupyterLite extension into labextension/ with @jupyter/builder, as
// extension/scripts/build-labextension.mjs does for the renderer: node alone, paths resolved past npm's hoisting.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(dirname(fileURLToPath(import.meta.url)));
const builder = join(dirname(require.resolve("@jupyter/builder/package.json")), "lib", "build-labextension.js");
const core = require.resolve("@jupyterlab/core-meta/core.package.json");
const dev = process.argv.includes("--development");
execFileSync(process.execPath, [builder, "--core-package-file", core, ...(dev ? ["--development"] : []), here], {
  stdio: "inherit",
});
