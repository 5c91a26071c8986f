"""papermill -p on a poolscope notebook, through the real kernel: the extension's Python package registers a
TypeScript parameter translator (jupyterlab_poolscope/papermill.py)."""
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat

PAPERMILL = str(Path(sys.executable).with_name("papermill"))


def notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "poolscope", "display_name": "TypeScript (poolscope)", "language": "typescript"}
    params = nbformat.v4.new_code_cell('let kernel = 1;\nlet label = "default";\nlet flags = { ceil: false };\nlet extra: unknown = null;')
    params.metadata["tags"] = ["parameters"]
    body = nbformat.v4.new_code_cell(
        "const x = tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]);\n"
        "console.log(JSON.stringify({ kernel: kernel, label: label, flags: flags, extra: extra }));\n"
        "maxPool2d(x, { kernelSize: kernel, ceilMode: flags.ceil }).shape"
    )
    nb.cells = [params, body]
    return nb


class PapermillTests(unittest.TestCase):
    def run_papermill(self, *args):
        with tempfile.TemporaryDirectory(prefix="poolscope-papermill-") as d:
            src, out = Path(d) / "in.ipynb", Path(d) / "out.ipynb"
            nbformat.write(notebook(), src)
            proc = subprocess.run(
                [PAPERMILL, str(src), str(out), "--cwd", d, *args], capture_output=True, text=True, timeout=180
            )
            self.assertEqual(proc.returncode, 0, proc.stderr[-3000:])
            return nbformat.read(out, as_version=4)

    def printed(self, cell):
        return json.loads("".join(o["text"] for o in cell.outputs if o.get("name") == "stdout"))

    def result(self, cell):
        return [o["data"]["text/plain"] for o in cell.outputs if o["output_type"] == "execute_result"]

    def test_parameters_reach_the_cells(self):
        nb = self.run_papermill("-p", "kernel", "2", "-p", "label", 'say "hi"\nbye', "-y", "flags: {ceil: true}")
        injected = nb.cells[1]
        self.assertIn("injected-parameters", injected.metadata["tags"])
        self.assertIn('let label = "say \\"hi\\"\\nbye";', injected.source)
        self.assertEqual(
            self.printed(nb.cells[2]),
            {"kernel": 2, "label": 'say "hi"\nbye', "flags": {"ceil": True}, "extra": None},
        )
        self.assertEqual(self.result(nb.cells[2]), ["[ 1, 1, 2, 2 ]"])

    def test_values_of_every_yaml_type(self):
        nb = self.run_papermill("-y", "extra: [1, 2.5, -.inf, null, true, 'two', {a: [], b: {}}]")
        self.assertEqual(self.printed(nb.cells[2])["extra"], [1, 2.5, None, None, True, "two", {"a": [], "b": {}}])
        self.assertIn("let extra = [1, 2.5, -Infinity, null, true, \"two\", { \"a\": [], \"b\": {} }];", nb.cells[1].source)

    def test_defaults_without_parameters(self):
        nb = self.run_papermill()
        self.assertEqual(self.printed(nb.cells[1])["kernel"], 1)
        self.assertEqual(self.result(nb.cells[1]), ["[ 1, 1, 4, 4 ]"])


if __name__ == "__main__":
    unittest.main()
