"""The poolscope kernel against jupyter_kernel_test's protocol checks, over ZeroMQ, started from its kernelspec."""
import json
import tempfile
import unittest
from pathlib import Path

import jupyter_kernel_test as jkt

KERNEL_NAME = "poolscope"
TENSOR_MIME = "application/vnd.poolscope.tensor+json"


class PoolscopeKernelTests(jkt.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("oops")'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max"}},
        # preloaded names complete (TypeScript's completion also matches inside names, so use unique stems)
        {"text": "spatialPyr", "matches": {"spatialPyramidPool"}},
        {"text": "stripPoolingMo", "matches": {"stripPoolingModule"}},
    ]

    complete_code_samples = ["1 + 1", "const a = 3;", "function f() { return 1; }"]
    incomplete_code_samples = ["function f() {", "const t = tensor([[1, 2],"]
    invalid_code_samples = ["let = = ;", "const 1x = 2;"]

    code_generate_error = 'throw new Error("boom")'

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": '"poolscope".length', "result": "9"},
        {"code": "maxPool2d(tensor([[[[1, 2], [3, 4]]]]), { kernelSize: 2 })", "mime": TENSOR_MIME},
        {"code": "avgPool2d(tensor([[[[1, 2], [3, 4]]]]), { kernelSize: 2 })", "mime": "image/png"},
    ]

    code_display_data = [
        {"code": "display(tensor([[[[1, 2], [3, 4]]]]))", "mime": TENSOR_MIME},
        {"code": 'display("text")', "mime": "text/plain"},
    ]

    code_history_pattern = "1 + ?"  # glob, as IPython: matches the first execute_result sample only
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "maxPool2d"
    # test_pager stays skipped: pager payloads are optional and deprecated in the messaging spec (5.x); the kernel
    # sends no payloads (execute_reply always has payload: []), and inspection (shift-tab) shows the docs instead.
    code_clear_output = "clearOutput()"

    def test_execute_result_tensor_payload(self):
        """The tensor bundle carries the payload, a PNG and the one-line summary."""
        self.flush_channels()
        reply, outputs = self.execute_helper(code="maxPool2d(tensor([[[[1, 5], [3, 4]]]]), { kernelSize: 2 })")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [o for o in outputs if o["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        data = results[0]["content"]["data"]
        payload = data[TENSOR_MIME]
        self.assertEqual(payload["shape"], [1, 1, 1, 1])
        self.assertEqual(payload["dtype"], "float32")
        self.assertEqual(payload["stats"]["max"], 5)
        self.assertTrue(data["image/png"].startswith("iVBORw0KGgo"))
        self.assertIn("shape=[1, 1, 1, 1]", data["text/plain"])

    def test_bad_parameter_error_names_parameter(self):
        self.flush_channels()
        reply, outputs = self.execute_helper(code="maxPool2d(tensor([[[[1, 2], [3, 4]]]]), { kernelSize: 0 })")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "ParameterError")
        self.assertIn("kernelSize", reply["content"]["evalue"])
        self.assertIn("0", reply["content"]["evalue"])
        # the kernel is still alive and answering
        reply, _ = self.execute_helper(code="1")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_type_error_is_reported(self):
        self.flush_channels()
        reply, outputs = self.execute_helper(code='const n: number = "text";')
        self.assertEqual(reply["content"]["status"], "error")
        errors = [o for o in outputs if o["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertIn("not assignable", errors[0]["content"]["evalue"])

    def test_no_abort_after_error_when_stop_on_error_false(self):
        """tslab aborted every request within 200 ms of an error; with stop_on_error=False nothing is aborted."""
        self.flush_channels()
        self.execute_helper(code='throw new Error("first")', stop_on_error=False)
        reply, _ = self.execute_helper(code="2")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_queued_request_is_aborted_after_error(self):
        self.flush_channels()
        # the first cell fails only once the second request has been sent (it waits for a file the test writes then)
        marker = Path(tempfile.mkdtemp(prefix="poolscope-protocol-")) / "go"
        first = self.kc.execute(
            'console.log("started"); const fsq = require("fs");'
            f" while (!fsq.existsSync({json.dumps(str(marker))})) await new Promise((r) => setTimeout(r, 5));"
            ' throw new Error("stop")'
        )
        self.wait_for_iopub(first, lambda m: m["msg_type"] == "stream" and "started" in m["content"]["text"])
        second = self.kc.execute("3")
        # the cell awaits, so the kernel reads its socket: this reply, sent after the second request, says it has it
        info = self.kc.kernel_info()
        while self.kc.get_shell_msg(timeout=15)["parent_header"].get("msg_id") != info:
            pass
        marker.touch()
        replies = {}
        while len(replies) < 2:
            msg = self.kc.get_shell_msg(timeout=15)
            replies[msg["parent_header"]["msg_id"]] = msg["content"]["status"]
        self.assertEqual(replies[first], "error")
        self.assertEqual(replies[second], "aborted")
        self.wait_for_iopub(second, lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "idle")

    def wait_for_iopub(self, msg_id, predicate):
        while True:
            msg = self.kc.get_iopub_msg(timeout=15)
            if msg["parent_header"].get("msg_id") == msg_id and predicate(msg):
                return msg


class PoolscopeIopubWelcomeTests(jkt.IopubWelcomeTests):
    """The kernel welcomes each iopub subscriber (JEP 65); it is also what lets clients be ready in one round."""

    kernel_name = KERNEL_NAME
    support_iopub_welcome = True


if __name__ == "__main__":
    unittest.main()
