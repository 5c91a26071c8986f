import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    setupFiles: ["test/unit/setup.ts"],
    // The tests check correctness, not speed (benchmarks report that). On a loaded 2-core machine the 2^20-value
    // display tests took 3-5.5 s against vitest's default 5 s, which made them fail now and then.
    testTimeout: 30_000,
    // type-level tests (*.test-d.ts): tsc checks them, against the sources, as part of `vitest run`
    typecheck: { enabled: true, include: ["test/unit/**/*.test-d.ts"], tsconfig: "test/tsconfig.json" },
  },
});
