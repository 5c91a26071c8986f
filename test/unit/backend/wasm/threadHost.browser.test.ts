// In a browser, threads start only on a cross-origin isolated page and off its main thread; the reason says which.
import { afterEach, describe, expect, it } from "vitest";
import { threadsUnavailable } from "../../../../src/backend/wasm/threadHost.browser.js";

const g = globalThis as { crossOriginIsolated?: boolean; document?: unknown };
afterEach(() => {
  delete g.crossOriginIsolated;
  delete g.document;
});

describe("threadHost.browser", () => {
  it("refuses a page that is not cross-origin isolated, naming the headers", () => {
    expect(threadsUnavailable()).toMatch(/Cross-Origin-Opener-Policy: same-origin/);
  });
  it("refuses a page's main thread", () => {
    g.crossOriginIsolated = true;
    g.document = {};
    expect(threadsUnavailable()).toMatch(/main thread/);
  });
  it("allows a worker of an isolated page", () => {
    g.crossOriginIsolated = true;
    expect(threadsUnavailable()).toBeNull();
  });
});
