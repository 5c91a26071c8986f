/**
 * A cell value as a Jupyter MIME bundle. Values that implement Deno's rich-display protocol
 * (`[Symbol.for("Jupyter.display")]()`, as poolscope tensors and traces do) give their own bundle; everything
 * else is shown as Node's inspect text, which is what tslab printed to stdout before.
 */
import { inspect } from "node:util";

// Deno's protocol symbol, not poolscope's: any value may implement it, and importing the library here would
// load it before the kernel's sockets are bound
const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

export type MimeBundle = Record<string, unknown>;

/**
 * `options` go to the value's display hook (poolscope reads `title`); a value without a hook shows a title as a
 * first text line, so `display(x, { title })` captions anything.
 */
export function toMimeBundle(value: unknown, options: { title?: string } = {}): MimeBundle {
  if (value !== null && (typeof value === "object" || typeof value === "function")) {
    const hook = (value as { [JUPYTER_DISPLAY]?: unknown })[JUPYTER_DISPLAY];
    if (typeof hook === "function") {
      try {
        const bundle = hook.call(value, options) as unknown;
        if (bundle && typeof bundle === "object" && !Array.isArray(bundle)) {
          const b = bundle as MimeBundle;
          return "text/plain" in b ? b : { ...b, "text/plain": inspect(value) };
        }
      } catch (e) {
        return { "text/plain": `${inspect(value, { depth: 0 })}\n(rich display failed: ${(e as Error).message})` };
      }
    }
  }
  const text = typeof value === "string" ? inspect(value) : inspect(value, { depth: 4 });
  return { "text/plain": options.title === undefined ? text : `${options.title}\n${text}` };
}

/**
 * A cell's result as toMimeBundle gives it, or its text when the bundle cannot be serialised (e.g. a cyclic
 * object in it): the message that carries it must be JSON. Both kernels answer execute_request with this.
 */
export function jsonSafeBundle(value: unknown): MimeBundle {
  const bundle = toMimeBundle(value);
  try {
    JSON.stringify(bundle);
    return bundle;
  } catch (e) {
    return { "text/plain": `${String(bundle["text/plain"] ?? "")}\n(rich display failed: ${(e as Error).message})` };
  }
}
