/**
 * Starting the kernel from a V8 start-up snapshot (snapshot.cts holds what goes into one): where the snapshot
 * file lives, the relaunch that uses it, and the background build that writes it.
 *
 * A snapshot must be loaded by the `node` command line (`--snapshot-blob`), and Node aborts when the file is
 * missing or was built by another Node, so the kernelspec keeps starting plain `node cli.js kernel …`; when a
 * snapshot for this Node, this TypeScript, this snapshot.cjs and the notebook folder's @types exists, that process
 * starts the kernel again from it as its child and stays as a thin parent (relaunch). Otherwise the kernel starts
 * as before and, once it has answered its first cells' worth of start-up, builds the snapshot in the background
 * (at the lowest priority) for the next start. Files the snapshot holds whose text has changed since (a rebuilt
 * poolscope) are parsed again and the snapshot is rebuilt. It is opt-in, POOLSCOPE_KERNEL_SNAPSHOT=1: it saves the
 * first cell ~0.4 s but costs ~125 MiB, slower warm cells and a 50 MB file per folder (test/bench/RESULTS.md), and
 * background builds would make one start differ from the next.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type * as TS from "@tslab/typescript-for-tslab";

const require = createRequire(import.meta.url);
const SNAPSHOT_KEY = Symbol.for("poolscope.kernel.snapshot");
/** A build that has not finished in this long is taken to have died; its lock no longer holds. */
const STALE_LOCK_MS = 120_000;

/** What a kernel started from a snapshot finds on globalThis (snapshot.cts puts it there). */
export interface SnapshotContents {
  files: Map<string, TS.SourceFile>;
  spec: { typescript: string; options: TS.CompilerOptions; files: string[] };
}

/** The snapshot's contents when this process was started from one, else null. */
export function snapshotContents(): SnapshotContents | null {
  return ((globalThis as Record<symbol, unknown>)[SNAPSHOT_KEY] as SnapshotContents | undefined) ?? null;
}

const entry = fileURLToPath(new URL("./snapshot.cjs", import.meta.url));

function disabled(): boolean {
  return process.env.POOLSCOPE_KERNEL_SNAPSHOT !== "1";
}

/**
 * The @types folders tslab's converter will use for a kernel started in `cwd` (converter.js getTypeRoots: every
 * node_modules/@types from `cwd` up, if one of them has node; else also tslab's own), found without TypeScript.
 */
export function typeRootsFor(cwd: string): string[] {
  const roots: string[] = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const at = join(dir, "node_modules", "@types");
    if (existsSync(at)) roots.push(at);
    if (dirname(dir) === dir) break;
  }
  if (roots.some((r) => existsSync(join(r, "node", "package.json")))) return roots;
  return [...roots, join(dirname(require.resolve("tslab/package.json")), "node_modules", "@types")];
}

/** The snapshot file for this Node, TypeScript, snapshot.cjs and folder, or null when one of them cannot be read. */
export function snapshotFile(cwd: string = process.cwd()): string | null {
  try {
    const typescript = require.resolve("@tslab/typescript-for-tslab", {
      paths: [dirname(require.resolve("tslab/package.json"))],
    });
    const stamp = (f: string): string => {
      const st = statSync(f);
      return `${f}:${st.size}:${Math.floor(st.mtimeMs)}`;
    };
    // snapshot.cjs by its text (a rebuild rewrites it unchanged), TypeScript's 8 MB by size and time
    const entryText = createHash("sha256").update(readFileSync(entry)).digest("hex");
    const key = [process.execPath, process.version, process.versions.v8, stamp(typescript), entryText]
      .concat(typeRootsFor(cwd))
      .join("\n");
    const hash = createHash("sha256").update(key).digest("hex").slice(0, 16);
    return join(tmpdir(), "poolscope-kernel-cache", `snapshot-${hash}.blob`);
  } catch {
    return null;
  }
}

/**
 * Starts the kernel again from its snapshot, as this process's child, if there is one; false when there is none
 * (or this process already is the snapshot's). The parent stays only to pass on what Jupyter expects of the
 * process it started: SIGINT reaches the child directly (Jupyter signals the kernel's whole process group, so it
 * is not passed on twice), SIGTERM is passed on, the child's exit code becomes the parent's, and each watches the
 * other's life (the child takes the parent for its Jupyter parent; the parent watches Jupyter, parent.ts).
 */
export async function relaunchFromSnapshot(args: string[]): Promise<boolean> {
  if (disabled() || snapshotContents()) return false;
  const blob = snapshotFile();
  if (!blob || !existsSync(blob)) return false;
  const { exitWithParent } = await import("./parent.js");
  exitWithParent();
  const child: ChildProcess = spawn(
    process.execPath,
    ["--snapshot-blob", blob, ...process.execArgv, fileURLToPath(new URL("./cli.js", import.meta.url)), ...args],
    { stdio: "inherit", env: { ...process.env, JPY_PARENT_PID: String(process.pid) } },
  );
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 143)));
  child.on("error", (e) => {
    process.stderr.write(`poolscope kernel: could not start from the snapshot ${blob}: ${e.message}\n`);
    process.exit(1);
  });
  return true;
}

/**
 * Builds the snapshot in the background for the next start, unless one is there and served this start in full
 * (`stale` says a file it holds had changed) or another kernel is building it. `options` are the compiler options
 * of the kernel's program, `files` the declaration files to hold. A failure only costs the speed-up.
 */
export function buildSnapshot(options: TS.CompilerOptions, files: string[], stale: boolean): void {
  if (disabled()) return;
  const blob = snapshotFile();
  if (!blob || (existsSync(blob) && !stale)) return;
  const lock = `${blob}.lock`;
  try {
    mkdirSync(dirname(blob), { recursive: true });
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
    } catch {
      // no lock
    }
    closeSync(openSync(lock, "wx"));
  } catch {
    return; // another kernel is building it, or the folder is not writable
  }
  const typescript = require.resolve("@tslab/typescript-for-tslab", {
    paths: [dirname(require.resolve("tslab/package.json"))],
  });
  // A snapshot's script gets require, __filename and __dirname, but no `exports`, which tsc's CommonJS emit of
  // snapshot.cts sets a flag on first: the build runs a copy that has one.
  const script = `${blob}.${process.pid}.cjs`;
  try {
    writeFileSync(script, `var exports = {};\n${readFileSync(entry, "utf8")}`);
  } catch {
    rmSync(lock, { force: true });
    return;
  }
  // Node writes the file when the build's script has run; the shell moves it into place after, so that no kernel
  // ever starts from half a file, also when this kernel has ended by then. The build is for the next start: at
  // the lowest priority, this kernel's cells go first.
  const sh = [
    'nice=""; command -v nice >/dev/null 2>&1 && nice="nice -n 19"',
    'if $nice "$0" --snapshot-blob "$1.$$" --build-snapshot "$2"; then mv -f "$1.$$" "$1"; fi',
    'rm -f "$1.$$" "$2" "$1.lock"',
  ].join("; ");
  const child = spawn("/bin/sh", ["-c", sh, process.execPath, blob, script], {
    // a process group of its own: Jupyter ends a kernel by signalling the kernel's group, which would cut the
    // build short and leave its lock behind
    detached: true,
    stdio: "ignore",
    env: { ...process.env, POOLSCOPE_SNAPSHOT_SPEC: JSON.stringify({ typescript, options, files }) },
  });
  child.on("error", () => rmSync(lock, { force: true }));
  child.unref();
}
