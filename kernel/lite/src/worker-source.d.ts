// lib/worker-source.js is written by scripts/build-worker.mjs: the bundled worker script, as text.
declare const source: string;
export default source;
