"""What the kernel tests share: a real poolscope kernel started through jupyter_client over ZeroMQ, a test case
that owns one such kernel for its class, and a reader of iopub per request."""
import shutil
import tempfile
import time
import unittest
from pathlib import Path

from jupyter_client.manager import KernelManager

TIMEOUT = 60


def start_kernel(cwd=None):
    km = KernelManager(kernel_name="poolscope")
    km.start_kernel(cwd=cwd or tempfile.gettempdir())
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    return km, kc


def wait_until(predicate, timeout=TIMEOUT, what="a state"):
    """Polls an observable state (a process's life) until it holds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def is_idle(msg):
    return msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"


def of_type(messages, msg_type):
    return [m["content"] for m in messages if m["msg_type"] == msg_type]


class KernelCase(unittest.TestCase):
    """One kernel per test class, started in a fresh working directory holding `files` (name -> text)."""

    files = {}
    timeout = 30

    @classmethod
    def setUpClass(cls):
        cls.cwd = Path(tempfile.mkdtemp(prefix="poolscope-kernel-cwd-"))
        for name, text in cls.files.items():
            (cls.cwd / name).write_text(text)
        cls.km, cls.kc = start_kernel(str(cls.cwd))

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        shutil.rmtree(cls.cwd, ignore_errors=True)

    def run_cell(self, code, timeout=None):
        """Runs code to its reply; returns the reply's content and the iopub messages of the cell."""
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=timeout or self.timeout, output_hook=outputs.append)
        return reply["content"], outputs

    def result_text(self, code):
        """The text/plain of each execute_result of a cell that must succeed."""
        content, outputs = self.run_cell(code)
        self.assertEqual(content["status"], "ok", content)
        return [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"]


class Session:
    """Helpers over one client: iopub messages per request, read until the request's idle status."""

    def __init__(self, kc):
        self.kc = kc
        self.iopub = {}  # msg_id -> list of iopub messages seen for it
        self.idle = set()

    def pump(self, timeout=TIMEOUT):
        msg = self.kc.get_iopub_msg(timeout=timeout)
        parent = msg["parent_header"].get("msg_id")
        self.iopub.setdefault(parent, []).append(msg)
        if is_idle(msg):
            self.idle.add(parent)
        return msg

    def wait_for(self, msg_id, predicate, timeout=TIMEOUT):
        """Reads iopub until a message for msg_id satisfies predicate; returns it."""
        for msg in self.iopub.get(msg_id, []):
            if predicate(msg):
                return msg
        while True:
            msg = self.pump(timeout)
            if msg["parent_header"].get("msg_id") == msg_id and predicate(msg):
                return msg

    def wait_idle(self, msg_id, timeout=TIMEOUT):
        if msg_id not in self.idle:
            self.wait_for(msg_id, is_idle, timeout)
        return self.iopub.get(msg_id, [])

    def wait_stream(self, msg_id, text, timeout=TIMEOUT):
        """Waits until the request's stdout so far contains text (a line the cell prints first)."""

        def seen():
            return text in "".join(
                m["content"]["text"] for m in self.iopub.get(msg_id, []) if m["msg_type"] == "stream"
            )

        while not seen():
            self.pump(timeout)

    def replies(self, msg_ids, timeout=TIMEOUT):
        out = {}
        while len(out) < len(msg_ids):
            msg = self.kc.get_shell_msg(timeout=timeout)
            parent = msg["parent_header"].get("msg_id")
            if parent in msg_ids:
                out[parent] = msg["content"]
        return [out[m] for m in msg_ids]

    def run(self, code, **kw):
        msg_id = self.kc.execute(code, **kw)
        reply = self.replies([msg_id])[0]
        return reply, self.wait_idle(msg_id)
