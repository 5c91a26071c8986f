"""The kernel's start-up snapshot (kernel/src/startup-snapshot.ts, snapshot.cts) and its compiler options
(kernel/src/tslab.ts): a kernel started without a snapshot builds one in the background; the next kernel in that
folder starts from it, takes the parsed declaration files from it, and behaves as before (results, type errors
before a cell runs, declarations across cells, interrupts); a file the snapshot holds whose text has changed
since is read again; and only @types/node's globals are in a cell's scope, not every @types package's.

Each test works in a folder of its own with its own node_modules/@types (a copy of @types/node), so its snapshot
is its own (the snapshot's name depends on the folder's @types) and is removed afterwards."""
import os
import shutil
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60
BUILD_TIMEOUT = 120
SNAPSHOT = ROOT / "kernel" / "dist" / "startup-snapshot.js"


def snapshot_file(cwd):
    """The snapshot a kernel started in cwd would use, as the kernel names it."""
    script = f"import({str(SNAPSHOT)!r}).then((m) => console.log(m.snapshotFile({str(cwd)!r})))"
    return Path(subprocess.check_output(["node", "-e", script], text=True).strip())


class StartupSnapshotTests(unittest.TestCase):
    def setUp(self):
        self.cwd = Path(tempfile.mkdtemp(prefix="poolscope-snapshot-"))
        self.addCleanup(shutil.rmtree, self.cwd, ignore_errors=True)
        types = self.cwd / "node_modules" / "@types"
        shutil.copytree(ROOT / "node_modules" / "@types" / "node", types / "node")
        # another version than the project's copy, which poolscope's declarations reach too: TypeScript would
        # otherwise take the two for one package and read only the first it met
        package = types / "node" / "package.json"
        package.write_text(package.read_text().replace('"version": "', '"version": "0.0.0-poolscope-test-', 1))
        # a package of global declarations, as @types/jest or @types/react put into a project
        (types / "some-globals").mkdir()
        (types / "some-globals" / "index.d.ts").write_text("declare const fromSomeGlobals: number;\n")
        (types / "some-globals" / "package.json").write_text('{"name": "@types/some-globals", "types": "index.d.ts"}')
        self.blob = snapshot_file(self.cwd)
        self.addCleanup(lambda: self.blob.unlink(missing_ok=True))
        self.assertFalse(self.blob.exists(), self.blob)

    def start(self, cwd=None):
        log = open(self.cwd / f"stderr-{time.monotonic_ns()}.log", "w+b")
        self.addCleanup(log.close)
        km = KernelManager(kernel_name="poolscope")
        env = {**os.environ, "POOLSCOPE_KERNEL_TRACE": "1", "POOLSCOPE_KERNEL_SNAPSHOT": "1"}
        km.start_kernel(cwd=str(cwd or self.cwd), env=env, stderr=log)
        self.addCleanup(km.shutdown_kernel, now=True)
        kc = km.client()
        kc.start_channels()
        self.addCleanup(kc.stop_channels)
        kc.wait_for_ready(timeout=TIMEOUT)
        return km, kc, Path(log.name)

    def run_cell(self, kc, code, timeout=TIMEOUT):
        outputs = []
        reply = kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append)
        results = [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"]
        return reply["content"], results

    def wait_for(self, what, check, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while not check():
            self.assertLess(time.monotonic(), deadline, f"{what} never happened")
            time.sleep(0.1)

    def trace_line(self, log, prefix):
        self.wait_for(f"{prefix!r} in the kernel's log", lambda: prefix in log.read_text())
        return next(line for line in log.read_text().splitlines() if prefix in line)

    def first_kernel_builds_the_snapshot(self):
        _, kc, log = self.start()
        content, results = self.run_cell(kc, "1 + 1")
        self.assertEqual((content["status"], results), ("ok", ["2"]))
        self.assertIn("(0 files from the start-up snapshot", self.trace_line(log, "first cell compiled"))
        self.wait_for("the snapshot's build", self.blob.exists, BUILD_TIMEOUT)

    def test_a_kernel_starts_from_the_snapshot_and_behaves_as_before(self):
        self.first_kernel_builds_the_snapshot()
        # a folder below the first one: the same @types, hence the same snapshot, built in the other folder
        sub = self.cwd / "sub"
        sub.mkdir()
        km, kc, log = self.start(sub)
        content, results = self.run_cell(kc, "const x: number = 20; x + 1")
        self.assertEqual((content["status"], results), ("ok", ["21"]))
        # the first compile parses what the prelude imports (the prelude itself is not compiled, prelude.ts)
        line = self.trace_line(log, "first cell compiled")
        used = int(line.split("(")[1].split()[0])
        self.assertGreater(used, 100, line)  # lib, @types/node and poolscope's declarations
        self.assertIn(", 0 changed)", line)
        # the kernel's process is the one Jupyter started; the snapshot's is its child
        children = subprocess.check_output(["ps", "-o", "args=", "--ppid", str(km.provisioner.process.pid)], text=True)
        self.assertIn("--snapshot-blob", children)
        # types are checked before the cell runs, and declarations live on
        content, _ = self.run_cell(kc, 'console.log("ran"); const y: string = x;')
        self.assertEqual(content["status"], "error")
        self.assertIn("Type 'number' is not assignable to type 'string'", content["evalue"])
        self.assertEqual(self.run_cell(kc, "x * 2")[1], ["40"])
        # a cell's relative import resolves in the kernel's folder, not in the one the snapshot was built in
        (sub / "local.ts").write_text("export const seven: number = 7;\n")
        content, results = self.run_cell(kc, 'import { seven } from "./local";\nseven * 3')
        self.assertEqual((content["status"], results), ("ok", ["21"]), content)
        # a traceback names the cell and line (the stack has its frames: Node drops Error.stackTraceLimit from a
        # snapshot it builds)
        content, _ = self.run_cell(kc, 'function deep() {\n  throw new RangeError("deep");\n}\ndeep()')
        self.assertEqual(content["status"], "error")
        self.assertRegex("\n".join(content["traceback"]), r"Cell In\[\d+\], line 2")
        self.assertEqual(self.run_cell(kc, "maxPool2d(tensor([[[[1, 2], [3, 4]]]]), { kernelSize: 2 }).data[0]")[1], ["4"])
        # an interrupt (SIGINT to the process group, as Jupyter sends it) stops a running cell, once
        msg_id = kc.execute("while (true) {}")
        time.sleep(1.0)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(self.run_cell(kc, "x + 2")[1], ["22"])

    def test_a_changed_file_is_read_again(self):
        self.first_kernel_builds_the_snapshot()
        index = self.cwd / "node_modules" / "@types" / "node" / "globals.d.ts"
        index.write_text(index.read_text() + "\ndeclare const addedSince: number;\n")
        _, kc, log = self.start()
        # the new declaration type-checks (nothing defines the value, and typeof does not mind)
        content, results = self.run_cell(kc, "typeof addedSince")
        self.assertEqual((content["status"], results), ("ok", ["'undefined'"]), content)
        self.assertIn(", 1 changed)", self.trace_line(log, "first cell compiled"))

    def test_only_node_types_are_global(self):
        _, kc, _ = self.start()
        content, _ = self.run_cell(kc, "fromSomeGlobals")
        self.assertEqual(content["status"], "error")
        self.assertIn("Cannot find name 'fromSomeGlobals'", content["evalue"])
        content, results = self.run_cell(kc, 'typeof process.version + " " + typeof Buffer.from("a")')
        self.assertEqual((content["status"], results), ("ok", ["'string object'"]))


if __name__ == "__main__":
    unittest.main()
