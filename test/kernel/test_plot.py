"""plot(...) from a cell: JupyterLab's Vega-Lite type, an SVG vega drew in the kernel, and a text line."""
import shutil
import tempfile
import unittest
import base64
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbconvert import HTMLExporter

TIMEOUT = 60
VEGALITE = "application/vnd.vegalite.v5+json"
SVG_NS = "{http://www.w3.org/2000/svg}"


class PlotTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cwd = Path(tempfile.mkdtemp(prefix="poolscope-plot-cwd-"))
        cls.km = KernelManager(kernel_name="poolscope")
        cls.km.start_kernel(cwd=str(cls.cwd))
        cls.kc = cls.km.client()
        cls.kc.start_channels()
        cls.kc.wait_for_ready(timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        shutil.rmtree(cls.cwd, ignore_errors=True)

    def run_cell(self, code):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=TIMEOUT, output_hook=outputs.append)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        return [o for o in outputs if o["msg_type"] in ("execute_result", "display_data", "stream", "error")]

    def check_svg(self, svg, texts):
        root = ET.fromstring(svg)  # well-formed XML, or this raises
        self.assertEqual(root.tag, f"{SVG_NS}svg")
        self.assertGreater(float(root.get("width")), 100)
        found = {t.text for t in root.iter(f"{SVG_NS}text")}
        for text in texts:
            self.assertIn(text, found)
        return root

    def test_a_cells_plot_carries_the_three_types(self):
        (result,) = self.run_cell(
            'plot({ x: [1, 2, 3, 4], series: [{ y: [4, 3, 2, 1], label: "max" }, { y: [2, 2, 2, 2], label: "avg" }],'
            ' title: "invariance", xTitle: "pool size", yTitle: "error" })'
        )
        self.assertEqual(result["msg_type"], "execute_result")
        data = result["content"]["data"]
        self.assertEqual(set(data), {VEGALITE, "image/svg+xml", "text/plain"})
        spec = data[VEGALITE]
        self.assertEqual(spec["title"], "invariance")
        self.assertEqual(len(spec["data"]["values"]), 8)
        self.assertEqual(spec["encoding"]["x"]["title"], "pool size")
        root = self.check_svg(data["image/svg+xml"], ["invariance", "pool size", "error", "max", "avg"])
        points = [p for p in root.iter(f"{SVG_NS}path") if p.get("aria-roledescription") == "point"]
        self.assertEqual(len(points), 8)
        self.assertEqual(data["text/plain"], 'plot(line) "invariance": 2 series (max, avg) × 4 points; pool size [1, 4], error [1, 4]')

    def test_display_shows_a_plot_mid_cell_in_order(self):
        outputs = self.run_cell(
            'console.log("before");\n'
            'display(plot({ x: ["a", "b"], y: tensor([1, 2]), kind: "bar", yTitle: "count" }));\n'
            'console.log("after");'
        )
        kinds = [o["msg_type"] if o["msg_type"] != "stream" else o["content"]["text"].strip() for o in outputs]
        self.assertEqual(kinds, ["before", "display_data", "after"])
        data = outputs[1]["content"]["data"]
        self.assertEqual(set(data), {VEGALITE, "image/svg+xml", "text/plain"})
        self.check_svg(data["image/svg+xml"], ["a", "b", "count"])

    def test_nbconvert_shows_the_kernels_svg(self):
        """What nbviewer and nbconvert show (GitHub's viewer reads the same bundle): the SVG, not the spec."""
        outputs = self.run_cell('plot({ x: ["a", "b", "c"], y: [3, 1, 2], kind: "bar", title: "static" })')
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("plot(...)")
        cell.outputs = [nbformat.v4.output_from_msg(o) for o in outputs]
        nb.cells.append(cell)
        html, _ = HTMLExporter().from_notebook_node(nb)
        images = re.findall(r'data-mime-type="image/svg\+xml"[^>]*>\s*<img[^>]*src="data:image/svg\+xml;base64,([^"]+)"', html)
        self.assertEqual(len(images), 1)
        svg = base64.b64decode(images[0]).decode()
        root = self.check_svg(svg, ["static", "a", "b", "c"])
        bars = [p for p in root.iter(f"{SVG_NS}path") if p.get("aria-roledescription") == "bar"]
        self.assertEqual(len(bars), 3)

    def test_bad_input_is_a_parameter_error_and_the_kernel_goes_on(self):
        outputs = []
        reply = self.kc.execute_interactive(
            'plot({ x: [1, 2, 3], y: [1, 2] })', timeout=TIMEOUT, output_hook=outputs.append
        )
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "ParameterError")
        self.assertIn("plot: x must have as many values as y (2), got 3", reply["content"]["evalue"])
        (result,) = self.run_cell("plot({ y: [1, 2] }).text")
        self.assertEqual(result["content"]["data"]["text/plain"], "'plot(line): 2 points; x [0, 1], y [1, 2]'")


if __name__ == "__main__":
    unittest.main()
