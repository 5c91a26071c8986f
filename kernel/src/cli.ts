#!/usr/bin/env node
/**
 * poolscope-kernel kernel --config-path FILE        run the kernel (what the kernelspec starts)
 * poolscope-kernel install [--user | --sys-prefix | --prefix P] [--python PY]
 */
import { installCompileCache } from "./compile-cache.js";
import { install, type InstallOptions } from "./install.js";
import { bindSockets } from "./sockets.js";
import { relaunchFromSnapshot } from "./startup-snapshot.js";

const USAGE = `usage:
  poolscope-kernel kernel --config-path CONNECTION_FILE
  poolscope-kernel install [--user | --sys-prefix | --prefix PREFIX] [--python PYTHON]`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a value\n${USAGE}`);
  return value;
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === "kernel") {
    const config = option(rest, "--config-path");
    if (!config) throw new Error(`--config-path is required\n${USAGE}`);
    // a start-up snapshot, when there is one for this Node and folder, starts the kernel instead
    if (await relaunchFromSnapshot(args)) return;
    // the code cache must be in place before tslab (and with it TypeScript) is loaded, hence the late import
    installCompileCache();
    const sockets = await bindSockets(config);
    const { startKernel } = await import("./kernel.js");
    await startKernel(config, sockets);
  } else if (command === "install") {
    const prefix = option(rest, "--prefix");
    const scope: InstallOptions["scope"] = prefix
      ? { kind: "prefix", prefix }
      : rest.includes("--sys-prefix")
        ? { kind: "sys-prefix" }
        : { kind: "user" };
    const where = install({ python: option(rest, "--python") ?? "python3", scope });
    console.log(`installed kernelspec poolscope in ${where}`);
  } else {
    console.error(USAGE);
    process.exitCode = command === "--help" || command === "-h" ? 0 : 2;
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
