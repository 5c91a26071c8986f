#!/usr/bin/env node
/** The poolscope command line: `poolscope conformance FILE…` (see conformance/command.ts). */
import { conformanceCommand } from "./conformance/command.js";

process.exitCode = conformanceCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
