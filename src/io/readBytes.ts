/**
 * Reading a file's bytes, on Node: node:fs. package.json's "browser" field swaps this file for
 * readBytes.browser.ts, which fetches the path as a URL instead.
 */
import { readFile } from "node:fs/promises";

export async function readBytes(path: string): Promise<Uint8Array> {
  return readFile(path);
}
