/**
 * Installs the kernelspec `poolscope` ("TypeScript (poolscope)") with absolute paths to node and to this
 * kernel, so it starts from any folder and any Jupyter front end (JupyterLab, Notebook 7, VS Code) finds it.
 * Like `tslab install`: --user, --sys-prefix (of the chosen Python) or --prefix P; the spec is written
 * through jupyter_client's KernelSpecManager of that Python.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface InstallOptions {
  python: string;
  scope: { kind: "user" } | { kind: "sys-prefix" } | { kind: "prefix"; prefix: string };
  name?: string;
}

export function kernelSpec(): Record<string, unknown> {
  const cli = fileURLToPath(new URL("./cli.js", import.meta.url));
  return {
    argv: [process.execPath, cli, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (poolscope)",
    language: "typescript",
    interrupt_mode: "signal",
    metadata: { debugger: false },
  };
}

export function install(options: InstallOptions): string {
  const name = options.name ?? "poolscope";
  const dir = mkdtempSync(join(tmpdir(), "poolscope-kernelspec-"));
  try {
    writeFileSync(join(dir, "kernel.json"), JSON.stringify(kernelSpec(), null, 2) + "\n");
    copyFileSync(fileURLToPath(new URL("../logo-64x64.png", import.meta.url)), join(dir, "logo-64x64.png"));
    const scope = options.scope;
    const args =
      scope.kind === "user"
        ? "user=True"
        : scope.kind === "sys-prefix"
          ? "prefix=sys.prefix"
          : `prefix=${JSON.stringify(scope.prefix)}`;
    const script = [
      "import sys",
      "from jupyter_client.kernelspec import KernelSpecManager",
      `print(KernelSpecManager().install_kernel_spec(${JSON.stringify(dir)}, ${JSON.stringify(name)}, ${args}, replace=True))`,
    ].join("\n");
    return execFileSync(options.python, ["-c", script], { encoding: "utf8" }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
