// Property tests (fast-check): a failure prints `{ seed, path }` and the shrunk counterexample (properties.test.ts
// holds fast-check to that); FC_SEED=<seed> [FC_PATH=<path>] replays it, best with `vitest run FILE -t NAME`.
import fc from "fast-check";

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== "") {
  fc.configureGlobal({ seed: Number(seed), ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) });
}
