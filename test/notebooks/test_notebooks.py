"""The tutorials: every notebook runs top to bottom on the poolscope kernel without errors, re-executing it
reproduces the committed file byte for byte, its tensors render (poolscope MIME + PNG, and a picture in
nbconvert's HTML), it stays small, the English and Chinese editions run the same code (only string literals and
comments translated), and the Chinese prose has no line break between two Chinese characters."""
import base64
import pathlib
import re

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[2] / "notebooks"
EDITIONS = ("en", "zh")
KERNELSPEC = {"name": "poolscope", "display_name": "TypeScript (poolscope)", "language": "typescript"}
TENSOR_MIME = "application/vnd.poolscope.tensor+json"
MAX_BYTES = 2 * 1024 * 1024

NOTEBOOK_PATHS = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
IDS = [str(p.relative_to(NOTEBOOKS)) for p in NOTEBOOK_PATHS]


def names(edition):
    return sorted(p.name for p in (NOTEBOOKS / edition).glob("*.ipynb"))


def read(edition, name):
    return nbformat.read(NOTEBOOKS / edition / name, as_version=4)


def outputs(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def tensor_outputs(nb):
    return [o for o in outputs(nb) if "data" in o and TENSOR_MIME in o.data]


def test_both_editions_hold_the_same_notebooks():
    assert names("en"), "no notebooks under notebooks/en/"
    assert names("en") == names("zh")
    assert set(NOTEBOOK_PATHS) == {NOTEBOOKS / e / n for e in EDITIONS for n in names(e)}, "a notebook outside en/, zh/"


def build_module():
    """notebooks/src/build_notebooks.py, imported from its folder (it imports the tutorials beside it)."""
    import importlib.util
    import sys

    src = NOTEBOOKS / "src"
    sys.path.insert(0, str(src))
    try:
        spec = importlib.util.spec_from_file_location("build_notebooks", src / "build_notebooks.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(src))
    return module


def built_editions():
    """The notebooks as notebooks/src builds them, unexecuted: {(edition, name): notebook}."""
    build = build_module()
    return {(e, name): build.build(name, cells, e) for name, cells in build.TUTORIALS if cells for e in EDITIONS}


def test_the_sources_build_the_committed_notebooks():
    # notebooks/src is the content; a hand edit of an .ipynb, or a source edit not rebuilt, shows up here
    built = built_editions()
    assert sorted(built) == sorted((e, n) for e in EDITIONS for n in names(e))
    for (edition, name), nb in built.items():
        committed = read(edition, name)
        assert [(c.cell_type, c.source) for c in nb.cells] == [(c.cell_type, c.source) for c in committed.cells], (
            f"{edition}/{name} differs from its source; run .venv/bin/python notebooks/src/build_notebooks.py"
        )


def blank_literals(src):
    """TypeScript source with every comment and the text of every string literal removed (a template literal keeps
    its ${...} expressions, themselves blanked): what is left is the program, whatever language its words are in."""
    out, i, n = [], 0, len(src)

    def template(i):  # src[i] is just past a backtick; returns (blanked template, index past its closing backtick)
        parts = ["`"]
        while i < n and src[i] != "`":
            if src[i] == "\\":
                i += 2
            elif src.startswith("${", i):
                depth, j = 1, i + 2
                while depth:
                    depth += {"{": 1, "}": -1}.get(src[j], 0)
                    j += 1
                parts.append("${" + blank_literals(src[i + 2 : j - 1]) + "}")
                i = j
            else:
                i += 1
        return "".join(parts) + "`", i + 1

    while i < n:
        ch = src[i]
        if src.startswith("//", i):
            i = src.find("\n", i)
            i = n if i < 0 else i
        elif src.startswith("/*", i):
            i = src.index("*/", i) + 2
        elif ch in "\"'":
            j = i + 1
            while src[j] != ch:
                j += 2 if src[j] == "\\" else 1
            out.append(ch + ch)
            i = j + 1
        elif ch == "`":
            text, i = template(i + 1)
            out.append(text)
        else:
            out.append(ch)
            i += 1
    return re.sub(r"[ \t]+\n", "\n", "".join(out))


def test_blank_literals_keeps_the_program_and_drops_the_words():
    assert blank_literals('console.log("input", `${x.shape.join("×")} → ${n} values`); // why') == (
        'console.log("", `${x.shape.join("")}${n}`); '
    )
    assert blank_literals("f('a')") == blank_literals("f('甲')") != blank_literals("g('a')")


@pytest.mark.parametrize("name", names("en"))
def test_editions_run_the_same_code(name):
    en, zh = (read(e, name) for e in EDITIONS)
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in zh.cells]
    code = [[blank_literals(c.source) for c in nb.cells if c.cell_type == "code"] for nb in (en, zh)]
    for i, (a, b) in enumerate(zip(*code)):
        assert a == b, f"code cell {i} differs beyond its string literals and comments"


CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"


@pytest.mark.parametrize("name", names("zh"))
def test_chinese_prose_has_no_line_break_between_chinese_characters(name):
    # Markdown renders a soft line break as a space, which splits a Chinese sentence in the middle
    nb = read("zh", name)
    breaks = [
        m.group(0)
        for c in nb.cells
        if c.cell_type == "markdown"
        for m in re.finditer(f"[{CJK}]\n[{CJK}]", c.source)
    ]
    assert not breaks, f"{len(breaks)} line breaks between Chinese characters: {breaks[:5]}"


@pytest.mark.parametrize("name", names("zh"))
def test_chinese_edition_translates_its_printed_words(name):
    # a zh code cell that prints English words when the en one does is a string left untranslated
    en, zh = (read(e, name) for e in EDITIONS)
    for a, b in zip(en.cells, zh.cells):
        if a.cell_type == "code" and re.search(r'console\.log\(\s*["`][A-Za-z]{3}', a.source):
            assert a.source != b.source, f"zh code cell left in English:\n{a.source[:200]}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_edition_is_at_most_2_mib_in_all(edition):
    # the repository carries both editions with their outputs; each must stay cheap to clone and to render on GitHub
    total = sum(p.stat().st_size for p in (NOTEBOOKS / edition).glob("*.ipynb"))
    assert total <= MAX_BYTES, f"{edition}/: {total} bytes in all"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=IDS)
def test_notebook_is_small_and_on_the_poolscope_kernel(path):
    assert path.stat().st_size <= MAX_BYTES, f"{path.stat().st_size} bytes"
    nb = nbformat.read(path, as_version=4)
    assert dict(nb.metadata.kernelspec) == KERNELSPEC


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=IDS)
def test_notebook_runs_and_reproduces_its_committed_outputs(path, tmp_path):
    committed = path.read_bytes()
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    NotebookClient(
        nb,
        timeout=300,
        kernel_name=KERNELSPEC["name"],
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},  # images are read relative to the notebook
    ).execute()
    nbformat.validate(nb)

    errors = [o for o in outputs(nb) if o.output_type == "error"]
    assert not errors, [f"{o.ename}: {o.evalue}" for o in errors]
    rich = [o for o in outputs(nb) if "data" in o]
    # a tensor's text is its values as PyTorch prints them, a traced result's its summary line
    tensors = [o for o in rich if str(o.data.get("text/plain", "")).startswith(("tensor(", "Tensor"))]
    assert tensors, "the notebook shows no tensor"
    for output in tensors:
        assert TENSOR_MIME in output.data, output.data.get("text/plain")
        assert "image/png" in output.data

    rerun = tmp_path / path.name
    nbformat.write(nb, rerun)
    assert rerun.read_bytes() == committed, (
        f"re-executing {path.relative_to(NOTEBOOKS)} changed its outputs; "
        "if the library changed on purpose, run .venv/bin/python notebooks/src/build_notebooks.py"
    )


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=IDS)
def test_html_export_shows_a_picture_for_every_tensor(path):
    from nbconvert import HTMLExporter

    nb = nbformat.read(path, as_version=4)
    tensors = tensor_outputs(nb)
    assert tensors, "no tensor outputs (is the notebook executed?)"
    html, _ = HTMLExporter().from_notebook_node(nb)
    for output in tensors:
        png = output.data["image/png"]
        base64.b64decode(png, validate=True)
        assert f'src="data:image/png;base64,{png}"' in html, output.data.get("text/plain")
    assert html.count("<img") >= len(tensors)


def test_first_tutorial_opens_with_the_browser_test_tensors():
    # test/browser/heatmap.spec.ts reads the first three tensor outputs of en/01-pooling-basics.ipynb
    nb = read("en", "01-pooling-basics.ipynb")
    shapes = [o.data[TENSOR_MIME]["shape"] for o in tensor_outputs(nb)[:3]]
    assert shapes == [[1, 1, 4, 4], [1, 1, 2, 2], [1, 1, 2, 2]]
    first = [c.source for c in nb.cells if c.cell_type == "code"][:3]
    assert "[1, 3, 2, 0]" in first[0] and "maxPool2d(x, { kernelSize: 2 })" in first[1]
    assert "avgPool2d(x, { kernelSize: 2 })" in first[2]


def test_join_cjk_lines_joins_prose_and_keeps_blocks():
    join = build_module().join_cjk_lines
    assert join("池化\n层") == "池化层"  # two Chinese characters: no space between them
    assert join("窗口，\n步幅") == "窗口，步幅"
    assert join("用\n`maxPool2d`") == "用 `maxPool2d`"  # Chinese next to Latin: one space
    assert join("English\ntext") == "English\ntext"  # not Chinese: left to Markdown
    assert join("下面：\n1. 第一步\n2. 第二步") == "下面：\n1. 第一步\n2. 第二步"  # list items keep their lines
    assert join("| 甲 |\n| 乙 |") == "| 甲 |\n| 乙 |"  # table rows too
    assert join("一段。\n\n二段") == "一段。\n\n二段"  # and paragraphs


@pytest.mark.parametrize("name", names("en"))
def test_code_reads_no_raw_data_arrays(name):
    # the tutorials use the tensor API; a `.data` read or write by hand is what the ops are there to replace
    nb = read("en", name)
    raw = [c.source for c in nb.cells if c.cell_type == "code" and re.search(r"\.data\b", blank_literals(c.source))]
    assert not raw, raw


@pytest.mark.parametrize("name", names("en"))
def test_notebook_ends_with_exercises_and_a_cell_that_answers_them(name):
    for edition, heading in (("en", "## Exercises"), ("zh", "## 练习")):
        cells = read(edition, name).cells
        assert cells[-2].cell_type == "markdown" and f"\n{cells[-2].source}".count(f"\n{heading}\n") == 1, f"{edition}: no {heading}"
        assert cells[-1].cell_type == "code"
