#!/usr/bin/env node
/**
 * The poolscope command line. `poolscope conformance FILE` runs every case of a golden file against the
 * library and exits 1 if any fails (2 if the file cannot be read).
 */
import { loadGoldenFile } from "./conformance/load.js";
import { formatSummary, runGolden } from "./conformance/run.js";

const USAGE = "usage: poolscope conformance FILE";

function main(argv: string[]): number {
  const [command, file, ...rest] = argv;
  if (command !== "conformance" || file === undefined || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let golden;
  try {
    golden = loadGoldenFile(file);
  } catch (e) {
    process.stderr.write(`poolscope: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  if (golden.count !== undefined && golden.count !== golden.cases.length) {
    process.stdout.write(`note: the file says count ${golden.count} but holds ${golden.cases.length} cases\n`);
  }
  const summary = runGolden(golden);
  process.stdout.write(`${formatSummary(summary)}\n`);
  return summary.failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
