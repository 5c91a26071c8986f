/**
 * A V8 code cache for the TypeScript compiler (8 MB of JavaScript that every kernel start compiles again).
 * Node 22 has module.enableCompileCache(); Node 20 does not, so the kernel loads that one file through
 * vm.Script with cachedData, as v8-compile-cache does. The cache is written once the kernel has run its
 * prelude, so it holds the functions that start-up compiled lazily too. It lives in the OS temp folder, keyed
 * by Node's and V8's versions and the file's size and mtime; a stale or rejected cache is rewritten, a missing
 * or unwritable folder only costs the speed-up.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import Module from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

const require = createRequire(import.meta.url);

interface CjsModule {
  exports: unknown;
  require(id: string): unknown;
}
type Loader = (module: CjsModule, filename: string) => void;
const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
const wrap = (Module as unknown as { wrap(src: string): string }).wrap;

let script: Script | null = null;
let cacheFile: string | null = null;
let loadedFromCache = false;

/** Installs the cached loader for the TypeScript compiler file; call before anything requires it. */
export function installCompileCache(): void {
  if (process.env.POOLSCOPE_KERNEL_NO_CODE_CACHE) return;
  let target: string;
  try {
    target = require.resolve("@tslab/typescript-for-tslab", {
      paths: [dirname(require.resolve("tslab/package.json"))],
    });
    const st = statSync(target);
    const key = `${process.version}-${process.versions.v8}-${st.size}-${Math.floor(st.mtimeMs)}`;
    cacheFile = join(tmpdir(), "poolscope-kernel-cache", `typescript-${key}.bin`);
  } catch {
    return;
  }
  const original = extensions[".js"];
  extensions[".js"] = function (module: CjsModule, filename: string): void {
    if (filename !== target || script) return original.call(this, module, filename);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile!);
    } catch {
      cachedData = undefined;
    }
    script = new Script(wrap(readFileSync(filename, "utf8")), { filename, cachedData });
    loadedFromCache = cachedData !== undefined && !script.cachedDataRejected;
    const fn = script.runInThisContext() as (...args: unknown[]) => void;
    const req = (id: string): unknown => module.require(id);
    fn.call(module.exports, module.exports, req, module, filename, dirname(filename));
  };
}

/** Writes the cache if the compiler was compiled from scratch this time (call once start-up is done). */
export function saveCompileCache(): void {
  if (!script || !cacheFile || loadedFromCache) return;
  try {
    const data = script.createCachedData();
    mkdirSync(dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, cacheFile);
    loadedFromCache = true;
  } catch {
    // a read-only temp folder: start-up stays correct, only slower
  }
}
