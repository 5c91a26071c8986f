"""Writes the tutorials, notebooks/en/*.ipynb and notebooks/zh/*.ipynb, from one source, and executes them.

notebooks/src/ holds what the notebooks are made from: tutorials/ (the content), this build script and
make_images.py (the street picture the tutorials load). Edit here, never the .ipynb files.

Each notebook (tutorials/nNN_*.py) is a list of cells: md(english, chinese) or code(source). Both editions get the same code
cells by construction (test_notebooks.py checks it again); only the prose differs. Execution uses the poolscope
kernel with record_timing=False, in the notebook's own folder, so re-running reproduces the files byte for byte.

    .venv/bin/python notebooks/src/build_notebooks.py            # write and execute all
    .venv/bin/python notebooks/src/build_notebooks.py 04 05      # only the notebooks whose names start so
    .venv/bin/python notebooks/src/build_notebooks.py --no-execute
"""
import pathlib
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
EDITIONS = ("en", "zh")
KERNELSPEC = {"name": "poolscope", "display_name": "TypeScript (poolscope)", "language": "typescript"}


sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from tutorials import TUTORIALS  # noqa: E402  (the content: tutorials/nNN_*.py, one module per notebook)


def build(name, cells, edition):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": dict(KERNELSPEC)}
    for i, (kind, body) in enumerate(cells):
        cell_id = f"c{i:02d}"
        if kind == "markdown":
            nb.cells.append(nbformat.v4.new_markdown_cell(body[edition], id=cell_id))
        else:
            nb.cells.append(nbformat.v4.new_code_cell(body, id=cell_id))
    return nb


def execute(nb, folder):
    from nbclient import NotebookClient

    NotebookClient(
        nb,
        timeout=300,
        kernel_name=KERNELSPEC["name"],
        record_timing=False,
        resources={"metadata": {"path": str(folder)}},
    ).execute()


def main(argv):
    run = "--no-execute" not in argv
    only = [a for a in argv if not a.startswith("--")]
    for name, cells in TUTORIALS:
        if not cells:
            continue
        if only and not any(name.startswith(o) for o in only):
            continue
        for edition in EDITIONS:
            folder = NOTEBOOKS / edition
            folder.mkdir(parents=True, exist_ok=True)
            nb = build(name, cells, edition)
            if run:
                execute(nb, folder)
            nbformat.validate(nb)
            path = folder / name
            nbformat.write(nb, path)
            print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
