"""Resource limits through a real kernel (jupyter_client over ZeroMQ): pooling a tensor that needs more
WebAssembly memory than its 4 GiB limit, or making a tensor larger than a Float32Array can be, fails that cell
with a ResourceError naming the size and the limit, and the kernel goes on serving the next cell."""
import unittest

from kernel_session import KernelCase



class KernelResourceTests(KernelCase):
    timeout = 60

    def assert_refused(self, code, *phrases):
        content, outputs = self.run_cell(code)
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["ename"], "ResourceError")
        for phrase in phrases:
            self.assertIn(phrase, content["evalue"])
        errors = [o["content"] for o in outputs if o["msg_type"] == "error"]
        self.assertEqual([e["ename"] for e in errors], ["ResourceError"])
        # the engine's own wording of the failure is not what the learner reads
        self.assertNotIn("Memory.grow", "\n".join(errors[0]["traceback"]))

    def assert_next_cell_runs(self):
        self.assertTrue(self.km.is_alive())
        content, outputs = self.run_cell("maxPool2d(tensor([[[[1, 3], [5, 6]]]]), { kernelSize: 2 }).data[0]")
        self.assertEqual(content["status"], "ok", content)
        results = [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"]
        self.assertEqual(results, ["6"])

    def test_pooling_past_the_webassembly_memory_limit(self):
        # 2^30 zeros (4 GiB, mapped lazily by the engine): the refusal comes before anything is copied
        self.assert_refused(
            "maxPool2d(zeros([1, 1, 32768, 32768]), { kernelSize: 2 })",
            "the input of 1,073,741,824 values (4 GiB)",
            "its limit is 4 GiB",
        )
        self.assert_next_cell_runs()

    def test_zeros_past_the_float32array_limit(self):
        self.assert_refused(
            "zeros([1, 1, 1048576, 1048576])",
            "1,099,511,627,776 values (4 TiB as float32)",
            "more than this JavaScript engine can allocate as one Float32Array",
        )
        self.assert_next_cell_runs()


if __name__ == "__main__":
    unittest.main()
