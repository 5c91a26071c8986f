/**
 * The JupyterLite plugin: registers "TypeScript (poolscope)" under the kernel name the tutorials' metadata
 * already names (`poolscope`), so a notebook opens on it in the static site as it does in JupyterLab.
 *
 * JupyterLite's interrupt only cancels the cells still queued; it never tells a running kernel. The plugin
 * therefore wraps the kernel client's interrupt so a running cell of ours is stopped too (kernel.ts).
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { IKernelClient, IKernelSpecs, type IKernel } from "@jupyterlite/services";
import { PoolscopeKernel } from "./kernel.js";
import logo from "../style/logo.svg";

const LOGO = `data:image/svg+xml;base64,${btoa(logo)}`;
const kernels = new Map<string, PoolscopeKernel>();

const plugin: JupyterFrontEndPlugin<void> = {
  id: "jupyterlite-poolscope-kernel:kernel",
  description: "The poolscope TypeScript kernel, running in the browser",
  autoStart: true,
  requires: [IKernelSpecs],
  optional: [IKernelClient],
  activate: (_app: JupyterFrontEnd, specs: IKernelSpecs, client: IKernelClient | null) => {
    specs.register({
      spec: {
        name: "poolscope",
        display_name: "TypeScript (poolscope)",
        language: "typescript",
        argv: [],
        resources: { "logo-32x32": LOGO, "logo-64x64": LOGO },
      },
      create: async (options: IKernel.IOptions) => {
        const kernel = new PoolscopeKernel(options);
        kernels.set(kernel.id, kernel);
        kernel.disposed.connect(() => kernels.delete(kernel.id));
        return kernel;
      },
    });
    if (client) {
      const interrupt = client.interrupt.bind(client);
      client.interrupt = async (id: string) => {
        kernels.get(id)?.interrupt();
        return interrupt(id);
      };
    }
  },
};

export default plugin;
