"""The kernel's wire and protocol plumbing through real clients (jupyter_client, nbclient) over ZeroMQ: sends that
cannot kill it (long sessions, printing loops), stop_on_error as ipykernel, execution counts, user_expressions,
is_complete, history search, stray warnings, interrupts from the first moment, and the kernel's death when its
parent dies or a cell exits. Every wait is on an observable state (a status, a stream line, a process state)."""
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import unittest
import uuid
from pathlib import Path

import nbformat
from nbclient import NotebookClient

import delivery
from delivery import delivered
from kernel_session import Session, of_type, start_kernel, wait_until

TENSOR_MIME = "application/vnd.poolscope.tensor+json"
TIMEOUT = 60
# kernel/src/output.ts: OUTPUT_LIMIT
OUTPUT_LIMIT = 1_000_000


class WireTests(unittest.TestCase):
    """One kernel for the tests that leave it alive."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="poolscope-wire-"))
        cls.km, cls.kc = start_kernel(str(cls.tmp))

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def setUp(self):
        for channel in (self.kc.iopub_channel, self.kc.shell_channel):
            while channel.msg_ready():
                channel.get_msg(timeout=TIMEOUT)
        self.s = Session(self.kc)

    def assert_answers(self):
        reply, messages = self.s.run("20 + 22")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual([r["data"]["text/plain"] for r in of_type(messages, "execute_result")], ["42"])

    # 1. sends that cannot kill the kernel

    def test_thousand_cells_in_a_row(self):
        """tslab's unawaited sends died with EBUSY at about the 128th cell."""
        for i in range(1000):
            reply, messages = self.s.run(f"{i} + 1")
            self.assertEqual(reply["status"], "ok", (i, reply))
            self.assertEqual(of_type(messages, "execute_result")[0]["data"]["text/plain"], str(i + 1))
        self.assertTrue(self.km.is_alive())

    # 2. output that cannot kill it

    def test_million_lines_finish_in_order_truncated_with_a_note(self):
        lines = 10**6
        reply, messages = self.s.run(f'for (let i = 0; i < {lines}; i++) console.log("line " + i)', silent=False)
        self.assertEqual(reply["status"], "ok")
        streams = of_type(messages, "stream")
        stdout = "".join(m["text"] for m in streams if m["name"] == "stdout")
        stderr = "".join(m["text"] for m in streams if m["name"] == "stderr")
        # batched: the kept ~86,000 lines came in a few hundred messages at most, not one per line
        self.assertLess(len(streams), 1000)
        self.assertEqual(len(stdout), OUTPUT_LIMIT)
        kept = stdout.split("\n")
        complete = kept[:-1]  # the last line may be cut at the limit
        self.assertEqual(complete, [f"line {i}" for i in range(len(complete))])
        full = sum(len(f"line {i}\n") for i in range(lines))
        self.assertIn(f"{full - OUTPUT_LIMIT} more characters", stderr)
        self.assertIn(f"({lines - len(complete)} lines) were dropped", stderr)
        self.assert_answers()

    def test_output_order_across_streams_and_displays(self):
        # past the first 50 writes of an interval output is buffered: the display must not overtake it
        code = 'for (let i = 0; i < 60; i++) { console.log("o" + i); console.error("e" + i); } display("c"); console.log("d"); "r"'
        reply, messages = self.s.run(code)
        self.assertEqual(reply["status"], "ok")
        seen = []
        for m in messages:
            if m["msg_type"] == "stream":
                seen += m["content"]["text"].split()
            elif m["msg_type"] in ("display_data", "execute_result"):
                seen.append(m["content"]["data"]["text/plain"].strip("'"))
        expected = [f"{s}{i}" for i in range(60) for s in ("o", "e")] + ["c", "d", "r"]
        self.assertEqual(seen, expected)

    # 3. stop_on_error

    def queue_behind_failing_cell(self, failing, stop_on_error=True, blocking=False):
        """Sends `failing` (which prints "started", then waits for a marker file and fails), then two cells while it
        runs; the marker is written once the kernel has them, so they are waiting when the first cell fails.

        A cell that awaits leaves the kernel free to read its socket: the kernel_info reply, sent after the two
        requests on the same socket, says it has read them. A `blocking` cell keeps them in the socket, where the
        kernel's abort takes them in once the cell has thrown; there /proc says when they are on it (delivery.py)."""
        marker = self.tmp / f"marker-{uuid.uuid4().hex}"
        first = self.kc.execute(failing.replace("MARKER", str(marker)), stop_on_error=stop_on_error)
        self.s.wait_stream(first, "started")
        second = self.kc.execute("'second'")
        third = self.kc.execute("'third'")
        if blocking:
            port = self.kc.get_connection_info()["shell_port"]
            pid = self.km.provisioner.process.pid
            wait_until(lambda: delivered(pid, port), what="the requests on the kernel's socket")
        else:
            self.s.replies([self.kc.kernel_info()])
        marker.touch()
        replies = self.s.replies([first, second, third])
        for m in (first, second, third):
            self.s.wait_idle(m)
        return replies, [self.s.iopub.get(m, []) for m in (first, second, third)]

    SYNC_FAILURE = (
        'console.log("started"); const fs_ = require("fs");'
        ' while (!fs_.existsSync("MARKER")) {} throw new Error("sync failure")'
    )
    ASYNC_FAILURE = (
        'console.log("started"); const fsa = require("fs");'
        ' while (!fsa.existsSync("MARKER")) await new Promise((r) => setTimeout(r, 5));'
        ' throw new Error("async failure")'
    )

    def check_aborted(self, code, blocking=False):
        before, _ = self.s.run("1")
        (first, second, third), (_, m2, m3) = self.queue_behind_failing_cell(code, blocking=blocking)
        self.assertEqual(first["status"], "error")
        self.assertEqual(first["execution_count"], before["execution_count"] + 1)
        for reply, messages in ((second, m2), (third, m3)):
            self.assertEqual(reply["status"], "aborted")
            # as ipykernel: an aborted cell did not run, so it has no count and no execute_input
            self.assertNotIn("execution_count", reply)
            self.assertEqual(of_type(messages, "execute_input"), [])
        after, _ = self.s.run("2")
        self.assertEqual(after["status"], "ok")
        self.assertEqual(after["execution_count"], first["execution_count"] + 1)

    def test_delivery_witness_says_no_while_the_kernel_cannot_read(self):
        """The blocking case trusts delivery.py; here its parts must each say no for a message the kernel has not read."""
        pid = self.km.provisioner.process.pid
        port = self.kc.get_connection_info()["shell_port"]
        kernel_threads = delivery.io_threads(delivery.process_tree(pid))
        os.kill(pid, signal.SIGSTOP)
        try:
            wait_until(lambda: all(delivery.state(t) == "T" for t in kernel_threads), what="the kernel stopped")
            msg_id = self.kc.execute("'late'")
            ours = delivery.io_threads([os.getpid()])
            wait_until(lambda: all(map(delivery.asleep_in_epoll, ours)), what="our I/O thread done writing")
            wait_until(lambda: not delivery.queues_empty(port), what="the bytes waiting in the kernel's TCP queue")
            self.assertFalse(delivered(pid, port))
        finally:
            os.kill(pid, signal.SIGCONT)
        wait_until(lambda: delivered(pid, port), what="the request on the kernel's socket")
        (reply,) = self.s.replies([msg_id])
        self.assertEqual(reply["status"], "ok")
        self.s.wait_idle(msg_id)

    def test_sync_error_aborts_queued_requests(self):
        """The queued requests are still in the socket when a synchronous cell throws."""
        self.check_aborted(self.SYNC_FAILURE, blocking=True)

    def test_async_error_aborts_queued_requests(self):
        self.check_aborted(self.ASYNC_FAILURE)

    def test_stop_on_error_false_keeps_queued_requests_running(self):
        for code, blocking in ((self.SYNC_FAILURE, True), (self.ASYNC_FAILURE, False)):
            (first, second, third), (_, m2, m3) = self.queue_behind_failing_cell(
                code.replace("fs_", "fs1").replace("fsa", "fs2"), stop_on_error=False, blocking=blocking
            )
            self.assertEqual(first["status"], "error")
            self.assertEqual([second["status"], third["status"]], ["ok", "ok"])
            self.assertEqual(second["execution_count"], first["execution_count"] + 1)
            self.assertEqual(of_type(m3, "execute_result")[0]["data"]["text/plain"], "'third'")

    def test_request_after_error_reply_is_not_aborted(self):
        """Only requests already waiting are aborted; one sent after the error's reply runs (tslab aborted for 200 ms)."""
        for _ in range(20):
            reply, _ = self.s.run('throw new Error("x")')
            self.assertEqual(reply["status"], "error")
            reply, _ = self.s.run("1")
            self.assertEqual(reply["status"], "ok")

    # 4. counts, user_expressions, is_complete, stray warnings, history

    def test_silent_and_unstored_executions_do_not_count(self):
        first, _ = self.s.run("1")
        silent, messages = self.s.run("console.log('hidden'); 5", silent=True)
        self.assertEqual(silent["status"], "ok")
        self.assertEqual(silent["execution_count"], first["execution_count"])
        # silent: nothing on iopub but busy and idle
        self.assertEqual(sorted({m["msg_type"] for m in messages}), ["status"])
        unstored, messages = self.s.run("6", store_history=False)
        self.assertEqual(unstored["execution_count"], first["execution_count"])
        self.assertEqual(of_type(messages, "execute_result")[0]["data"]["text/plain"], "6")
        nxt, _ = self.s.run("7")
        self.assertEqual(nxt["execution_count"], first["execution_count"] + 1)

    def test_user_expressions(self):
        expressions = {
            "sum": "1 + 1",
            "tensor": "maxPool2d(tensor([[[[1, 2], [3, 4]]]]), { kernelSize: 2 })",
            "bad": "notDefinedAnywhere.x",
        }
        reply, _ = self.s.run("const ue = 40;", user_expressions={**expressions, "uses": "ue + 2"})
        self.assertEqual(reply["status"], "ok")
        ue = reply["user_expressions"]
        self.assertEqual(ue["sum"], {"status": "ok", "data": {"text/plain": "2"}, "metadata": {}})
        self.assertEqual(ue["uses"]["data"]["text/plain"], "42")
        self.assertEqual(ue["tensor"]["status"], "ok")
        self.assertIn(TENSOR_MIME, ue["tensor"]["data"])
        self.assertEqual(ue["bad"]["status"], "error")
        self.assertIn("notDefinedAnywhere", ue["bad"]["evalue"])
        self.assertTrue(ue["bad"]["traceback"])
        # expressions are not cells: no count taken
        nxt, _ = self.s.run("1")
        self.assertEqual(nxt["execution_count"], reply["execution_count"] + 1)

    def test_open_template_literal_is_incomplete(self):
        for code, status in (
            ("const s = `abc", "incomplete"),
            ("const s = `abc ${1 +", "incomplete"),
            ("const s = `abc`", "complete"),
            ('const s = "abc', "invalid"),
        ):
            reply = self.s.replies([self.kc.is_complete(code)])[0]
            self.assertEqual(reply["status"], status, code)

    def test_unknown_message_type_stays_out_of_cell_output(self):
        cell = self.kc.execute("1")
        self.s.replies([cell])
        self.s.wait_idle(cell)
        msg = self.kc.session.msg("poolscope_bogus_request", {})
        self.kc.shell_channel.send(msg)
        unknown = msg["header"]["msg_id"]
        self.s.wait_idle(unknown)  # the kernel published busy/idle around it: it has handled it
        reply, messages = self.s.run("2")
        self.assertEqual(reply["status"], "ok")
        for m_id in (cell, unknown):
            self.assertEqual(of_type(self.s.iopub.get(m_id, []), "stream"), [], m_id)
        self.assertEqual(of_type(messages, "stream"), [])

    def test_history_search_glob_unique_tail_range(self):
        tag = "hs" + uuid.uuid4().hex[:6]
        cells = [f"const {tag}a = 1;", f"{tag}a + 1", f"{tag}a + 2", f"{tag}a + 1", "1 + 2"]
        counts = [self.s.run(c)[0]["execution_count"] for c in cells]

        def history(**kw):
            return self.kc.history(reply=True, timeout=TIMEOUT, **kw)["content"]["history"]

        found = history(hist_access_type="search", pattern=f"{tag}a + ?")
        self.assertEqual([h[2] for h in found], cells[1:4])
        unique = history(hist_access_type="search", pattern=f"{tag}a + ?", unique=True)
        # the latest occurrence of each input, in order
        self.assertEqual([(h[1], h[2]) for h in unique], [(counts[2], cells[2]), (counts[3], cells[3])])
        self.assertEqual([h[2] for h in history(hist_access_type="search", pattern=f"*{tag}a [+] [12]", n=1)], [cells[3]])
        self.assertEqual([h[2] for h in history(hist_access_type="search", pattern=f"const {tag}*")], cells[:1])
        self.assertEqual(history(hist_access_type="search", pattern=f"{tag.upper()}*"), [])  # case-sensitive, as GLOB
        self.assertEqual([h[2] for h in history(hist_access_type="tail", n=2)], cells[3:])
        ranged = history(hist_access_type="range", session=0, start=counts[1], stop=counts[3])
        self.assertEqual([h[2] for h in ranged], cells[1:3])

    def test_kernel_info_advertises_no_debugger(self):
        info = self.kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
        self.assertIs(info["debugger"], False)


class NotebookTests(unittest.TestCase):
    def test_thousand_cell_notebook_under_nbclient(self):
        """nbconvert died with DeadKernelError on a 150-cell notebook, and on one printing 600 lines."""
        cells = [nbformat.v4.new_code_cell("for (let i = 0; i < 600; i++) console.log(`row ${i}`)")]
        cells += [nbformat.v4.new_code_cell(f"{i} * 2") for i in range(999)]
        nb = nbformat.v4.new_notebook(cells=cells)
        nb.metadata["kernelspec"] = {"name": "poolscope", "display_name": "TypeScript (poolscope)", "language": "typescript"}
        NotebookClient(nb, timeout=TIMEOUT, kernel_name="poolscope", resources={"metadata": {"path": tempfile.gettempdir()}}).execute()
        rows = "".join(o["text"] for o in nb.cells[0].outputs if o["output_type"] == "stream")
        self.assertEqual(rows.splitlines(), [f"row {i}" for i in range(600)])
        for i, cell in enumerate(nb.cells[1:]):
            self.assertEqual(cell.execution_count, i + 2)
            self.assertEqual(cell.outputs[0]["data"]["text/plain"], str(i * 2))


class StartAndEndTests(unittest.TestCase):
    """Each test on a kernel of its own: they start it, or end it."""

    def assert_interrupted_and_alive(self, s, msg_id):
        """The interrupted cell replies with an interrupt error, and the kernel answers the next cell."""
        reply = s.replies([msg_id])[0]
        self.assertEqual(reply["status"], "error")
        self.assertIn("interrupt", reply["evalue"].lower())
        reply, _ = s.run("1 + 1")
        self.assertEqual(reply["status"], "ok")

    def test_interrupt_right_after_start(self):
        """The interrupt arrives while the kernel still builds its compiler; the cell must not spin for ever."""
        km, kc = start_kernel()
        try:
            msg_id = kc.execute("while (true) {}")
            km.interrupt_kernel()
            s = Session(kc)
            self.assert_interrupted_and_alive(s, msg_id)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_interrupt_while_the_cell_compiles(self):
        """An interrupt sent while a long cell is still being type-checked (seconds, before its code runs) stops the
        cell: it used to be lost, because Node runs a SIGINT listener only between tasks and breakOnSigint covers the
        run alone, so the `while (true) {}` after the compile ran for ever."""
        km, kc = start_kernel()
        try:
            s = Session(kc)
            s.run("1 + 1")
            heavy = "\n".join(
                f"const v{i} = [1, 2, 3].map((x) => x * {i}).filter((x) => x > 1).reduce((a, b) => a + b, 0);"
                for i in range(500)
            )
            msg_id = kc.execute(heavy + "\nwhile (true) {}")
            # execute_input is published before the compile starts, which takes seconds for this cell
            s.wait_for(msg_id, lambda m: m["msg_type"] == "execute_input")
            km.interrupt_kernel()
            self.assert_interrupted_and_alive(s, msg_id)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_kernel_exits_when_its_parent_dies_mid_loop(self):
        """A kernel spinning in a synchronous cell must not outlive the client process that started it."""
        parent = textwrap.dedent(
            """
            import sys, signal
            sys.path.insert(0, %r)
            from kernel_session import start_kernel, Session
            km, kc = start_kernel()
            msg_id = kc.execute('console.log("spinning"); while (true) {}')
            Session(kc).wait_stream(msg_id, "spinning")
            print(km.provisioner.process.pid, flush=True)
            signal.pause()
            """
        ) % str(Path(__file__).parent)
        proc = subprocess.Popen([sys.executable, "-c", parent], stdout=subprocess.PIPE, text=True)
        try:
            kernel_pid = int(proc.stdout.readline())
            self.assertTrue(alive(kernel_pid))
            proc.kill()  # SIGKILL: the parent has no chance to shut the kernel down
            proc.wait()
            wait_until(lambda: not alive(kernel_pid), timeout=30, what="the orphaned kernel to exit")
        finally:
            proc.kill()

    def test_process_exit_in_a_cell_ends_the_kernel_visibly(self):
        """jupyter_client (and jupyter console, nbclient through it) sees the process gone: no hang."""
        km, kc = start_kernel()
        try:
            s = Session(kc)
            # the first line leaves at once, the second waits for the next batch: the exit must send it
            msg_id = kc.execute('console.log("first"); console.log("bye"); process.exit(1)')
            wait_until(lambda: not km.is_alive(), timeout=30, what="the kernel process to end")
            self.assertEqual(km.provisioner.process.returncode, 1)
            s.wait_stream(msg_id, "first\nbye")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped) is dead too
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


if __name__ == "__main__":
    unittest.main()
