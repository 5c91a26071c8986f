// `npm run site`: the static site, in site/_output/, that runs the tutorials in the browser with no server:
// JupyterLite (jupyterlite-core from .venv, requirements.txt) with the poolscope kernel (kernel/lite/, a prebuilt
// extension), the renderer (installed into .venv as the extension's Python package, which the build finds
// there) and JupyterLab's Vega-Lite renderer (in JupyterLite's app). Contents: both editions and their images,
// laid out as in notebooks/ so a notebook's "../images/street.png" finds its file. Any static file host serves
// the result; site/_headers adds cross-origin isolation where the host reads it.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build, ensureNodePackages, ensureVenv, installExtension, root, run, venvBin } from "./env.mjs";

// `--built`: the caller (test/run.mjs) has just built the packages and installed the extension
if (!process.argv.includes("--built")) {
  ensureNodePackages();
  build();
  ensureVenv();
  installExtension();
}

const site = join(root, "site");
const staged = join(site, ".contents");
const output = join(site, "_output");
rmSync(staged, { recursive: true, force: true });
rmSync(output, { recursive: true, force: true });
mkdirSync(staged, { recursive: true });
for (const folder of ["en", "zh", "images"])
  cpSync(join(root, "notebooks", folder), join(staged, folder), { recursive: true });
// the build's task database would skip steps whose inputs it thinks unchanged; a clean build takes seconds
rmSync(join(site, ".jupyterlite.doit.db"), { force: true });
run(venvBin("jupyter"), ["lite", "build"], {
  cwd: site,
  env: { ...process.env, PATH: `${join(root, ".venv", "bin")}:${process.env.PATH}` },
});
cpSync(join(site, "_headers"), join(output, "_headers"));
// browsers ask the site's root for /favicon.ico; JupyterLite keeps its icon in each app's folder
cpSync(join(output, "lab", "favicon.ico"), join(output, "favicon.ico"));
console.log(`[poolscope] the site is in ${output}; serve it with any static server`);
