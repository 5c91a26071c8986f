// The golden suite in a browser: a module Web Worker that loads poolscope through its browser entry (as a
// bundler for the web resolves it: the "browser" condition and field), fetches each golden file and runs it
// with the backend and thread count the page asks for. In a worker, as the kernel's cells run, because the
// calling thread of a threaded call waits with Atomics.wait, which a page's main thread may not.
import { allclose, getThreads, maxPool2d, rand, ready, setBackend, setThreads } from "poolscope";
import { parseGolden } from "../../dist/conformance/load.js";
import { runGolden } from "../../dist/conformance/run.js";

interface Ask {
  files: string[];
  backend: "js" | "wasm";
  threads: number;
}

self.onmessage = async (e: MessageEvent<Ask>) => {
  try {
    const state = await ready();
    setBackend(e.data.backend);
    if (e.data.threads > 1) setThreads(e.data.threads);
    const failures: string[] = [];
    let passed = 0;
    for (const file of e.data.files) {
      const summary = runGolden(parseGolden(await (await fetch(file)).json()));
      passed += summary.passed;
      for (const r of summary.results) if (!r.passed) failures.push(`${file} ${r.id}: ${r.reason}`);
    }
    // a plain (unshared) memory detaches every view when it grows: a tensor made before a large call keeps its values
    const early = maxPool2d(rand([1, 4, 64, 64], { seed: 2 }), { kernelSize: 2 });
    const before = Array.from(early.data);
    maxPool2d(rand([1, 16, 1024, 1024], { seed: 3 }), { kernelSize: 2 });
    const kept = early.data.length === before.length && early.data.every((v, i) => v === before[i]);
    // the golden tensors are too small to be split across threads; this one (8 MiB) is
    let threaded: boolean | null = null;
    if (e.data.threads > 1) {
      const x = rand([1, 8, 512, 512], { seed: 1 });
      const split = getThreads() === e.data.threads ? maxPool2d(x, { kernelSize: 3, stride: 2 }) : null;
      setThreads(1);
      threaded = split !== null && allclose(split, maxPool2d(x, { kernelSize: 3, stride: 2 }));
    }
    self.postMessage({ state, passed, failures, threaded, kept });
  } catch (err) {
    self.postMessage({ error: String((err as Error).stack ?? err) });
  }
};
