/**
 * How an op file adds its Tensor methods: each file of ops/ declares them on the Tensor interface (so completion
 * after `t.` lists them with their docs) and installs them here, so core/tensor.ts imports no op and no cycle
 * appears. The entry point loads every op file, which is what makes the methods present.
 */
import { Tensor } from "./tensor.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Method = (this: Tensor, ...args: any[]) => unknown;

/** Prototype methods, non-enumerable as a class's own methods are, so spreads and JSON stay clean. */
export function installMethods(methods: Record<string, Method>): void {
  for (const [name, value] of Object.entries(methods)) {
    Object.defineProperty(Tensor.prototype, name, { value, writable: true, configurable: true });
  }
}
