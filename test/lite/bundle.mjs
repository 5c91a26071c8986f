// Builds the golden page of the browser tests into test/artifacts/lite-golden/: the worker bundled with
// esbuild for the browser (so poolscope's "browser" export condition and field apply, as for any web
// bundler), both wasm builds beside it, and the golden files. Node's fs, which only loadGoldenFile uses,
// is stubbed: the worker fetches the files and calls parseGolden.
import { build } from "esbuild";
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export async function buildGoldenPage() {
  const out = join(root, "test", "artifacts", "lite-golden");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "backend", "wasm"), { recursive: true });
  await build({
    entryPoints: [join(root, "test", "lite", "golden-worker.ts")],
    outfile: join(out, "golden-worker.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "warning",
    plugins: [
      {
        name: "no-node-fs",
        setup(b) {
          b.onResolve({ filter: /^node:fs$/ }, () => ({ path: "node:fs", namespace: "stub" }));
          b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "export const readFileSync = undefined;" }));
        },
      },
    ],
  });
  // the browser entry asks for backend/wasm/*.wasm next to itself; the bundle is where it now lives
  for (const f of ["pool.wasm", "pool-single.wasm"])
    copyFileSync(join(root, "dist", "backend", "wasm", f), join(out, "backend", "wasm", f));
  cpSync(join(root, "test", "fixtures", "golden"), join(out, "golden"), { recursive: true });
  const files = readdirSync(join(out, "golden")).filter((f) => f.endsWith(".json"));
  writeFileSync(join(out, "index.html"), "<!doctype html><title>poolscope golden</title>\n");
  return { out, files: files.map((f) => `golden/${f}`) };
}
