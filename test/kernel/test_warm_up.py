"""The kernel's warm-up (kernel/src/kernel.ts, WARM_UP_CELL): run once while the kernel waits for its first
request, it must leave nothing behind: no names, no output, no execution count, no failure in the log; and a
kernel whose first cell comes at once skips it. Milestones come from POOLSCOPE_KERNEL_TRACE on the kernel's
stderr, captured in a file."""
import os
import shutil
import tempfile
import time
import unittest
from pathlib import Path

from jupyter_client.manager import KernelManager

TIMEOUT = 60
WARMED_UP = '(globalThis as any)[Symbol.for("poolscope.kernel.warmedUp")] === true'


class WarmUpTests(unittest.TestCase):
    def start(self):
        cwd = Path(tempfile.mkdtemp(prefix="poolscope-warm-up-"))
        self.addCleanup(shutil.rmtree, cwd, ignore_errors=True)
        log = open(cwd / "stderr.log", "w+b")
        out = open(cwd / "stdout.log", "w+b")
        self.addCleanup(log.close)
        self.addCleanup(out.close)
        km = KernelManager(kernel_name="poolscope")
        km.start_kernel(cwd=str(cwd), env={**os.environ, "POOLSCOPE_KERNEL_TRACE": "1"}, stderr=log, stdout=out)
        self.addCleanup(km.shutdown_kernel, now=True)
        kc = km.client()
        kc.start_channels()
        self.addCleanup(kc.stop_channels)
        kc.wait_for_ready(timeout=TIMEOUT)
        return kc, cwd / "stderr.log", cwd / "stdout.log"

    def wait_for_log(self, path, text):
        deadline = time.monotonic() + TIMEOUT
        while text not in path.read_text():
            self.assertLess(time.monotonic(), deadline, f"{text!r} never appeared in the kernel's log")
            time.sleep(0.05)

    def run_cell(self, kc, code):
        outputs = []
        reply = kc.execute_interactive(code, timeout=TIMEOUT, output_hook=outputs.append)
        results = [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"]
        # the kernel's stderr is the running cell's while a cell runs: milestones then land in its stream
        self.streams += "".join(o["content"]["text"] for o in outputs if o["msg_type"] == "stream")
        return reply["content"], results

    streams = ""

    def test_warm_up_leaves_nothing_behind(self):
        kc, log, out = self.start()
        self.wait_for_log(log, "warmed up")
        # the names the warm-up used inside its function were never declared for the notebook
        content, _ = self.run_cell(kc, "[x, traced]")
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["execution_count"], 1)
        self.assertIn("Cannot find name 'x'", content["evalue"])
        self.assertIn("Cannot find name 'traced'", content["evalue"])
        content, results = self.run_cell(kc, "const x: string = 'mine'; x")
        self.assertEqual((content["execution_count"], results), (2, ["'mine'"]))
        self.assertEqual(self.run_cell(kc, WARMED_UP)[1], ["true"])
        self.assertNotIn("failed", log.read_text())
        self.assertEqual(out.read_text().strip(), "")

    def test_a_first_cell_at_once_skips_the_warm_up(self):
        kc, log, _ = self.start()
        content, results = self.run_cell(kc, "1 + 1")
        self.assertEqual((content["status"], results), ("ok", ["2"]))
        # a later cell waits for a warm-up in flight, so by then any warm-up has ended and left its mark
        content, results = self.run_cell(kc, WARMED_UP)
        self.assertEqual(results, ["false"])
        self.assertNotIn("warm-up starts", log.read_text() + self.streams)

    def test_node_types_beyond_the_subset(self):
        # the kernel starts with a subset of @types/node (kernel/src/tslab.ts, LITE_NODE_FILES); a cell that needs
        # a Node global or module outside it compiles all the same, once the kernel has taken all of @types/node
        kc, log, _ = self.start()
        upgraded = "all of @types/node from now on"
        content, results = self.run_cell(kc, "setTimeout.name + typeof require + typeof console.log")
        self.assertEqual((content["status"], results), ("ok", ["'setTimeoutfunctionfunction'"]))
        # a name that is nobody's is the cell's error, not a reason to load more types
        content, _ = self.run_cell(kc, "const n: number = notDeclaredAnywhere")
        self.assertEqual(content["status"], "error", content)
        self.assertIn("Cannot find name 'notDeclaredAnywhere'", content["evalue"])
        self.assertNotIn(upgraded, log.read_text() + self.streams)
        content, results = self.run_cell(kc, 'import { join } from "node:path"; join("a", "b")')
        self.assertEqual((content["status"], results), ("ok", ["'a/b'"]), content)
        self.assertIn(upgraded, log.read_text() + self.streams)
        # typed as @types/node types them, and the earlier cells' names are still there
        content, results = self.run_cell(kc, 'const v: string = process.version; Buffer.from("ab").length')
        self.assertEqual((content["status"], results), ("ok", ["2"]), content)
        content, _ = self.run_cell(kc, "const wrong: number = process.version")
        self.assertIn("Type 'string' is not assignable to type 'number'", content.get("evalue", ""))

    def test_process_is_typed_from_the_first_cell(self):
        # the subset declares `process` without its type; a cell naming it is checked with all of @types/node
        kc, _, _ = self.start()
        content, _ = self.run_cell(kc, "const wrong: number = process.version")
        self.assertEqual(content["status"], "error", content)
        self.assertIn("Type 'string' is not assignable to type 'number'", content["evalue"])
        content, results = self.run_cell(kc, "typeof process.memoryUsage().heapUsed")
        self.assertEqual(results, ["'number'"])


if __name__ == "__main__":
    unittest.main()
