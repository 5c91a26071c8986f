"""Every tutorial notebook runs top to bottom on the poolscope kernel, with no errors, and its tensors render."""
import shutil

import nbformat
import pytest
from nbclient import NotebookClient

import pathlib

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[2] / "notebooks"
KERNEL_NAME = "poolscope"
TENSOR_MIME = "application/vnd.poolscope.tensor+json"

NOTEBOOK_PATHS = sorted(NOTEBOOKS.rglob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOK_PATHS, "no notebooks found under notebooks/"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_notebook_runs(path, tmp_path):
    work = tmp_path / path.name
    shutil.copy(path, work)
    nb = nbformat.read(work, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(nb, timeout=120, kernel_name=KERNEL_NAME, resources={"metadata": {"path": str(tmp_path)}}).execute()
    nbformat.validate(nb)

    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    rich = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "data" in o]
    tensors = [o for o in rich if str(o.data.get("text/plain", "")).startswith("Tensor")]
    assert tensors, "the notebook shows no tensor"
    for output in tensors:
        assert TENSOR_MIME in output.data, output.data.get("text/plain")
        assert "image/png" in output.data
