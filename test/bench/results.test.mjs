// `node --test test/bench/`: each bench rewrites only its own section of RESULTS.md (results.mjs). Here, not in
// test/unit, which mirrors src/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { replaceSection } from "./results.mjs";

const FILE = [
  "# Benchmarks",
  "",
  "Written by hand.",
  "",
  "<!-- bench:pooling -->",
  "old pooling",
  "<!-- /bench:pooling -->",
  "",
  "Between, by hand.",
  "",
  "<!-- bench:display -->",
  "old display",
  "<!-- /bench:display -->",
  "",
].join("\n");

test("replaces only the named section and keeps everything else", () => {
  const out = replaceSection(FILE, "pooling", "new pooling\nsecond line\n");
  assert.equal(out, FILE.replace("old pooling", "new pooling\nsecond line"));
});

test("appends a section the file does not have yet", () => {
  const out = replaceSection(FILE, "kernel", "kernel numbers");
  assert.ok(out.startsWith(FILE.trimEnd()));
  assert.ok(out.endsWith("\n\n<!-- bench:kernel -->\nkernel numbers\n<!-- /bench:kernel -->\n"));
});

test("is idempotent", () => {
  const once = replaceSection(FILE, "display", "x");
  assert.equal(replaceSection(once, "display", "x"), once);
});
