/**
 * `poolscope conformance FILE…` (src/cli.ts is its entry point): every case of one or more golden files run
 * against the library as one set. Exit status 1 if any case fails or a file holds another number of cases than
 * its `count` says (a truncated or hand-edited file must not pass on the cases left), 2 if a file cannot be read.
 */
import { loadGoldenFile, type GoldenCase } from "./load.js";
import { formatSummary, runGolden } from "./run.js";

export const USAGE = "usage: poolscope conformance FILE...";

export interface Streams {
  out(text: string): void;
  err(text: string): void;
}

export function conformanceCommand(argv: string[], io: Streams): number {
  const [command, ...files] = argv;
  if (command !== "conformance" || files.length === 0) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const cases: GoldenCase[] = [];
  const miscounted: string[] = [];
  for (const file of files) {
    let golden;
    try {
      golden = loadGoldenFile(file);
    } catch (e) {
      io.err(`poolscope: cannot read ${file}: ${(e as Error).message}\n`);
      return 2;
    }
    if (golden.count !== undefined && golden.count !== golden.cases.length) {
      miscounted.push(`${file} says count ${golden.count} but holds ${golden.cases.length} cases`);
    }
    cases.push(...golden.cases);
  }
  const summary = runGolden({ cases });
  // before the summary, whose last line `conformance: N passed, M failed` stays the last
  for (const m of miscounted) io.out(`FAILED: ${m}\n`);
  io.out(`${formatSummary(summary)}\n`);
  return summary.failed > 0 || miscounted.length > 0 ? 1 : 0;
}
