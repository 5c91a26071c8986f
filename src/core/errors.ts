/**
 * Errors for impossible parameters (and, below, exhausted resources). Every message names the operation, the
 * parameter and the values, so a learner who passed `kernelSize: 0` reads what was wrong without opening the source.
 */
export class ParameterError extends Error {
  constructor(
    readonly op: string,
    readonly param: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${op}: ${param} ${reason}, got ${formatValue(value)}`);
    this.name = "ParameterError";
  }
}

/**
 * A call that needs more of a resource than the runtime can give, e.g. more WebAssembly memory than its 4 GiB
 * limit. The message says how much was needed and which limit it met; nothing is left half-done, so the next
 * call (a smaller tensor) works.
 */
export class ResourceError extends Error {
  constructor(
    readonly op: string,
    /** Which limit, e.g. "WebAssembly memory" or "Float32Array length". */
    readonly resource: string,
    message: string,
  ) {
    super(`${op}: ${message}`);
    this.name = "ResourceError";
  }
}

/** Bytes as "4 GiB", "1.5 GiB", "640 MiB". */
export function bytesText(n: number): string {
  for (const [unit, size] of [
    ["TiB", 2 ** 40],
    ["GiB", 2 ** 30],
    ["MiB", 2 ** 20],
    ["KiB", 2 ** 10],
  ] as const) {
    if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  }
  return `${n} bytes`;
}

export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object") {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
