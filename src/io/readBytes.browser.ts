/**
 * Reading a file's bytes, in a browser (package.json's "browser" field puts this file in place of
 * readBytes.ts): the path is a URL, relative to the base set with `setFileBase` (a JupyterLite kernel sets
 * its notebook's folder on the site) or else to the page or worker script. There is no file system to read.
 */

/** The part of the fetch API used here (the library's lib settings declare no DOM). */
type Fetch = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
const scope = globalThis as unknown as { fetch: Fetch; location?: { href: string } };

let base: string | undefined;

/** Relative paths given to loadImage resolve against `url` from now on (a folder's URL ends with "/"). */
export function setFileBase(url: string): void {
  base = url;
}

export async function readBytes(path: string): Promise<Uint8Array> {
  const url = new URL(path, base ?? scope.location?.href).href;
  const response = await scope.fetch(url);
  if (!response.ok) throw new Error(`poolscope: could not read ${path}: ${url} answered HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
