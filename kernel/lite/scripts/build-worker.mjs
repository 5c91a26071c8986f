// Bundles the kernel's Web Worker (lib/worker.js and all it imports: poolscope's browser entry, the server
// kernel's display/bundle/output modules, sucrase, acorn) into one script with esbuild, and writes it as the
// text a module exports (lib/worker-source.js); kernel.ts starts the worker from it through a Blob URL.
// One self-contained script, because the federated extension's bundler (rspack) split a `new Worker(new URL())`
// chunk into pieces the worker could not load. node:util, which the shared bundle.ts imports for `inspect`, is
// node-inspect-extracted here: Node's own inspect code, so a value's text/plain reads as in the server kernel.
import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const result = await build({
  entryPoints: [join(here, "lib", "worker.js")],
  bundle: true,
  write: false,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  alias: { "node:util": require.resolve("node-inspect-extracted") },
  logLevel: "warning",
});
const text = result.outputFiles[0].text;
writeFileSync(join(here, "lib", "worker-source.js"), `export default ${JSON.stringify(text)};\n`);
console.log(`[poolscope] kernel worker: ${(text.length / 1024).toFixed(0)} KiB`);
