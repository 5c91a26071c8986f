/**
 * Errors for impossible parameters. Every message names the operation, the parameter and the values, so a
 * learner who passed `kernelSize: 0` reads what was wrong without opening the source.
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
