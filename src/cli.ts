#!/usr/bin/env node
/**
 * The poolscope command line. `poolscope conformance FILE…` runs every case of one or more golden files
 * against the library as one set and exits 1 if any fails (2 if a file cannot be read).
 */
import { loadGoldenFile } from "./conformance/load.js";
import { formatSummary, runGolden } from "./conformance/run.js";

const USAGE = "usage: poolscope conformance FILE...";

function main(argv: string[]): number {
  const [command, ...files] = argv;
  if (command !== "conformance" || files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const cases = [];
  for (const file of files) {
    let golden;
    try {
      golden = loadGoldenFile(file);
    } catch (e) {
      process.stderr.write(`poolscope: cannot read ${file}: ${(e as Error).message}\n`);
      return 2;
    }
    if (golden.count !== undefined && golden.count !== golden.cases.length) {
      process.stdout.write(`note: ${file} says count ${golden.count} but holds ${golden.cases.length} cases\n`);
    }
    cases.push(...golden.cases);
  }
  const summary = runGolden({ cases });
  process.stdout.write(`${formatSummary(summary)}\n`);
  return summary.failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
