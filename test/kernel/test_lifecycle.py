"""The kernel beyond the protocol checks: interrupts, restart, robustness, display ids, inspection of the
preloaded names, local .ts imports. One kernel, started in a temporary folder holding a helper .ts file."""
import unittest

from kernel_session import KernelCase

TENSOR_MIME = "application/vnd.poolscope.tensor+json"
TIMEOUT = 30


class KernelLifecycleTests(KernelCase):
    files = {"helpers.ts": "export function double(x: number): number {\n  return 2 * x;\n}\n"}

    def assert_alive(self):
        content, outputs = self.run_cell("20 + 22")
        self.assertEqual(content["status"], "ok")
        results = [o for o in outputs if o["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def wait_for_stream(self, msg_id, text):
        """Reads iopub until the request's output contains text (a line the cell prints before it blocks)."""
        seen = ""
        while text not in seen:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                seen += msg["content"]["text"]

    def interrupt_cell(self, code):
        """Runs code, which prints "started" first, and interrupts it once that line has arrived."""
        msg_id = self.kc.execute(code)
        self.wait_for_stream(msg_id, "started")
        self.km.interrupt_kernel()
        while True:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]

    def test_interrupt_stops_busy_loop(self):
        content = self.interrupt_cell('console.log("started"); while (true) {}')
        self.assertEqual(content["status"], "error")
        self.assertIn("interrupt", content["evalue"].lower())
        self.assert_alive()

    def test_interrupt_stops_pending_await(self):
        # "started" comes from the asynchronous part: an interrupt that reaches the cell's synchronous part just as
        # it ends would be taken by Node's breakOnSigint watchdog too late to stop anything
        content = self.interrupt_cell('await null; console.log("started"); await new Promise(() => {})')
        self.assertEqual(content["status"], "error")
        self.assertIn("interrupt", content["evalue"].lower())
        self.assert_alive()

    def test_thrown_error_keeps_kernel_and_state(self):
        self.run_cell("const kept = 7;")
        content, outputs = self.run_cell('throw new RangeError("boom")')
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "RangeError")
        errors = [o for o in outputs if o["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertTrue(errors[0]["content"]["traceback"])
        content, outputs = self.run_cell("kept * 6")
        self.assertEqual([o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"], ["42"])

    def test_unhandled_rejection_keeps_kernel(self):
        msg_id = self.kc.execute('Promise.reject(new Error("nobody catches this")); 1')
        # the kernel reports the rejection in the cell's output (after the reply: it is a later event) and lives on
        self.wait_for_stream(msg_id, "nobody catches this")
        self.assert_alive()

    def test_huge_tensor_display_is_bounded(self):
        content, outputs = self.run_cell("randn([1, 64, 512, 512])", timeout=120)
        self.assertEqual(content["status"], "ok")
        results = [o for o in outputs if o["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        data = results[0]["content"]["data"]
        # 16.7 M values are not embedded whole (89 MB of base64): a reduced view of at most 2^18 values is
        payload = data[TENSOR_MIME]
        self.assertEqual(payload["reduced"]["originalShape"], [1, 64, 512, 512])
        view = 1
        for d in payload["shape"]:
            view *= d
        self.assertLessEqual(view, 2**18)
        self.assertTrue(data["image/png"].startswith("iVBORw0KGgo"))
        self.assertIn("shape=[1, 64, 512, 512]", data["text/plain"])
        self.assertIn("the stats are over all values", data["text/plain"])
        self.assertLess(sum(len(str(v)) for v in data.values()), 2_000_000)
        self.assert_alive()

    def test_display_with_id_then_update(self):
        code = 'display(tensor([[1, 2]]), { id: "progress" }); display(tensor([[3, 4]]), { id: "progress" });'
        content, outputs = self.run_cell(code)
        self.assertEqual(content["status"], "ok")
        shown = [o for o in outputs if o["msg_type"] in ("display_data", "update_display_data")]
        self.assertEqual([o["msg_type"] for o in shown], ["display_data", "update_display_data"])
        for o in shown:
            self.assertEqual(o["content"]["transient"]["display_id"], "progress")
            self.assertIn(TENSOR_MIME, o["content"]["data"])
        self.assertEqual(shown[1]["content"]["data"][TENSOR_MIME]["stats"]["max"], 4)

    def test_inspect_preloaded_name_shows_docs_and_options(self):
        reply = self.kc.inspect("maxPool2d", 9, reply=True, timeout=TIMEOUT)["content"]
        self.assertTrue(reply["found"])
        text = reply["data"]["text/plain"]
        self.assertIn("max pooling", text)  # the JSDoc
        for option in ("kernelSize", "stride", "padding", "dilation", "ceilMode", "returnIndices"):
            self.assertIn(option, text)

    def test_complete_preloaded_name(self):
        reply = self.kc.complete("maxPool2", 8, reply=True, timeout=TIMEOUT)["content"]
        self.assertIn("maxPool2d", reply["matches"])

    def test_local_ts_import(self):
        content, outputs = self.run_cell('import { double } from "./helpers";\ndouble(21)')
        self.assertEqual(content["status"], "ok", content)
        results = [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"]
        self.assertEqual(results, ["42"])

    def test_zz_restart_reruns_prelude(self):
        # named to run last in the class: it replaces the kernel process
        self.run_cell("const beforeRestart = 1;")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=60)
        content, outputs = self.run_cell("maxPool2d(tensor([[[[1, 9], [3, 4]]]]), { kernelSize: 2 })")
        self.assertEqual(content["status"], "ok", content)
        results = [o for o in outputs if o["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"][TENSOR_MIME]["stats"]["max"], 9)
        content, _ = self.run_cell("beforeRestart")
        self.assertEqual(content["status"], "error")  # a fresh session


if __name__ == "__main__":
    unittest.main()
