"""Writes the tutorials, notebooks/en/*.ipynb and notebooks/zh/*.ipynb, from one source, and executes them.

notebooks/src/ holds what the notebooks are made from: tutorials/ (the content), this build script and
make_images.py (the street picture the tutorials load). Edit here, never the .ipynb files.

Each notebook (tutorials/nNN_*.py) is a list of cells: md(english, chinese) or code(source, zh=translations). Both
editions get the same program: the Chinese code cell differs only in its translated string literals and comments
(test_notebooks.py checks it). Chinese prose is written hard-wrapped in the sources; `join_cjk_lines` removes the line
breaks next to Chinese text, which Markdown would otherwise render as stray spaces. Execution uses the poolscope
kernel with record_timing=False, in the notebook's own folder, so re-running reproduces the files byte for byte.

    .venv/bin/python notebooks/src/build_notebooks.py            # write and execute all
    .venv/bin/python notebooks/src/build_notebooks.py 04 05      # only the notebooks whose names start so
    .venv/bin/python notebooks/src/build_notebooks.py --no-execute
"""
import pathlib
import re
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
EDITIONS = ("en", "zh")
KERNELSPEC = {"name": "poolscope", "display_name": "TypeScript (poolscope)", "language": "typescript"}


sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from tutorials import TUTORIALS  # noqa: E402  (the content: tutorials/nNN_*.py, one module per notebook)


# CJK ideographs, CJK punctuation (、。「」《》…), full-width forms (，：（）！？) and the general punctuation
# the Chinese prose uses (— “ ” …)
CJK = "\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
CJK_PUNCT = "\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026"
# a line that starts a Markdown block (list item, table row, heading, quote, fence, indented code) keeps its break
BLOCK_START = re.compile(r"\s*([-*+] |\d+\. |\||#|>|```)| {4}")


def join_cjk_lines(text):
    """Joins soft-wrapped lines of Chinese prose: a single line break next to Chinese text renders as a space in
    Markdown. Two Chinese characters (or a Chinese punctuation mark and anything) join directly; Chinese and Latin
    join with one space, as typed Chinese text spaces them. Paragraph breaks and block starts are kept."""
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        if not prev.strip() or not line.strip() or BLOCK_START.match(line) or prev.lstrip().startswith("|"):
            out.append(line)
            continue
        a, b = prev.rstrip()[-1], line.lstrip()[0]
        cjk_a, cjk_b = re.match(f"[{CJK}]", a), re.match(f"[{CJK}]", b)
        if not (cjk_a or cjk_b):
            out.append(line)
        elif (cjk_a and cjk_b) or re.match(f"[{CJK_PUNCT}]", a) or re.match(f"[{CJK_PUNCT}]", b):
            out[-1] = prev.rstrip() + line.lstrip()
        else:
            out[-1] = prev.rstrip() + " " + line.lstrip()
    return "\n".join(out)


# The first code cell of every notebook sets the language of the words the library prints (text lines, PNG labels,
# explain*'s steps); the two editions differ only in the literal and the comment, like every code cell. The renderer
# reads its own language from the notebook's metadata (poolscope.lang) or JupyterLab's.
LANGUAGE_LINE = {
    "en": 'setPrintOptions({ language: "en" }); // poolscope prints its words in English',
    "zh": 'setPrintOptions({ language: "zh" }); // poolscope 输出的文字用中文',
}


def build(name, cells, edition):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": dict(KERNELSPEC), **({"poolscope": {"lang": "zh"}} if edition == "zh" else {})}
    first_code = True
    for i, (kind, body) in enumerate(cells):
        cell_id = f"c{i:02d}"
        if kind == "markdown":
            text = join_cjk_lines(body[edition]) if edition == "zh" else body[edition]
            nb.cells.append(nbformat.v4.new_markdown_cell(text, id=cell_id))
        else:
            src = f"{LANGUAGE_LINE[edition]}\n{body[edition]}" if first_code else body[edition]
            first_code = False
            nb.cells.append(nbformat.v4.new_code_cell(src, id=cell_id))
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
