"""What a cell that throws leaves behind, and the traceback a learner reads: a real kernel over ZeroMQ."""
import re
import unittest

from kernel_session import KernelCase


class ExecutionTests(KernelCase):
    files = {
        # type-checks, then throws when it is loaded
        "ok.ts": "export const first = 1;\nexport const second = 2;\n",
        "boom.ts": 'export const loaded = 1;\nthrow new Error("boom.ts failed to load");\n',
    }

    def test_exported_types_are_in_scope_as_names(self):
        # as after `import type { SppRule, MaxPoolOptions } from "poolscope"`: a cell annotates with them by name
        self.assertEqual(
            self.result_text(
                'const rules: SppRule[] = ["paper", "corrected"];\n'
                "const opts: MaxPoolOptions = { kernelSize: 2 };\n"
                "[rules.length, opts.kernelSize]"
            ),
            ["[ 2, 2 ]"],
        )
        content, _ = self.run_cell('const wrong: SppRule = "spp-net";')
        self.assertEqual(content["status"], "error")
        self.assertIn("is not assignable to type 'SppRule'", content["evalue"])

    def test_a_typed_options_object_gives_a_tensor(self):
        # as in PyTorch: options typed with the op's own type give a Tensor, and `trace: true` the traced result
        self.assertEqual(
            self.result_text(
                "const typed: MaxPoolOptions = { kernelSize: 2 };\n"
                "const square = tensor([[[[1, 2], [3, 4]]]]);\n"
                "const pooledShape: readonly number[] = maxPool2d(square, typed).shape;\n"
                "[pooledShape, maxPool2d(square, { ...typed, trace: true }).trace.op]"
            ),
            ["[ [ 1, 1, 1, 1 ], 'maxPool2d' ]"],
        )

    def test_declarations_before_a_throw_stay_defined(self):
        content, _ = self.run_cell(
            "const small = tensor([[[[1, 2], [3, 4]]]]);\n"
            "const pooled = maxPool2d(small, { kernelSize: 7 });\n"
            "const after = 3;"
        )
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "ParameterError")
        # the value as assigned
        self.assertEqual(self.result_text("small.shape"), ["[ 1, 1, 2, 2 ]"])
        # and its type: a later cell is type-checked against Tensor
        content, _ = self.run_cell("const s: string = small.shape;")
        self.assertEqual(content["status"], "error")
        self.assertIn("readonly number[]", content["evalue"])
        self.assertEqual(self.result_text("maxPool2d(small, { kernelSize: 2 }).shape"), ["[ 1, 1, 1, 1 ]"])
        # the declarations the throw skipped are absent, value and type
        for name in ("pooled", "after"):
            content, _ = self.run_cell(name)
            self.assertEqual(content["status"], "error")
            self.assertIn(f"Cannot find name '{name}'", content["evalue"])

    def test_shorthand_properties_name_earlier_cells(self):
        """`{ kernel, label }` with names from earlier cells: tslab's emit left a bare `kernel` (ReferenceError)."""
        content, _ = self.run_cell("const kernelName = 3; let labelText = 'a'; function twice(v: number) { return 2 * v; }")
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(
            self.result_text("const o = { kernelName, labelText, twice }; [o.kernelName, o.labelText, o.twice(2)]"),
            ["[ 3, 'a', 4 ]"],
        )
        # as a destructuring target too, default included: the earlier cell's `let` is assigned
        self.assertEqual(self.result_text("({ labelText = 'z' } = { labelText: undefined }); labelText"), ["'z'"])

    def test_declarations_count_by_statement(self):
        # two statements on one line: the first completed; a statement that throws part-way counts as skipped
        content, _ = self.run_cell('let kept = 1; let lost = 2, alsoLost = (() => { throw new Error("x"); })();')
        self.assertEqual(content["status"], "error")
        self.assertEqual(self.result_text("kept + 1"), ["2"])
        for name in ("lost", "alsoLost"):
            content, _ = self.run_cell(name)
            self.assertIn(f"Cannot find name '{name}'", content["evalue"])

    def test_redeclared_name_that_the_throw_skipped_is_absent(self):
        self.result_text("const again = 1;")
        content, _ = self.run_cell('throw new Error("first");\nconst again = 2;')
        self.assertEqual(content["status"], "error")
        content, _ = self.run_cell("again")
        self.assertIn("Cannot find name 'again'", content["evalue"])

    def test_async_cell_keeps_its_declarations(self):
        content, _ = self.run_cell('const early = 5;\nawait Promise.resolve();\nthrow new Error("late");')
        self.assertEqual(content["status"], "error")
        self.assertEqual(self.result_text("early * 2"), ["10"])

    def test_import_that_throws_keeps_the_imports_before_it(self):
        content, _ = self.run_cell(
            'import * as okNs from "./ok";\nimport { first, second as two } from "./ok";\nimport { loaded } from "./boom";'
        )
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["evalue"], "boom.ts failed to load")
        self.assertEqual(self.result_text("first + two + okNs.second"), ["5"])
        content, _ = self.run_cell("loaded")
        self.assertIn("Cannot find name 'loaded'", content["evalue"])

    def test_throw_on_line_three_is_reported_on_line_three(self):
        content, _ = self.run_cell('const a = 1;\nconst b = 2;\nthrow new Error("on line three");')
        self.assertEqual(content["status"], "error")
        self.assertEqual((content["ename"], content["evalue"]), ("Error", "on line three"))
        tb = content["traceback"]
        self.assertIn("Traceback (most recent call last)", tb[0])
        self.assertRegex(tb[1], r"^Cell In\[\d+\], line 3\n")
        self.assertIn('----> 3 throw new Error("on line three");', tb[1])
        self.assertIn("      2 const b = 2;", tb[1])
        self.assertEqual(tb[-1], "Error: on line three")
        self.assertNotIn("evalmachine", "\n".join(tb))

    def test_line_after_a_long_literal(self):
        # a pasted 80x80 image: 12,800 tokens that the emit copies as they are
        pixels = ", ".join(str(i % 10) for i in range(6400))
        content, _ = self.run_cell(f"const img = tensor([{pixels}]);\nconst y = 2;\nthrow new Error(\"after the literal\");")
        self.assertRegex(content["traceback"][1], r"^Cell In\[\d+\], line 3\n")

    def test_frame_in_an_earlier_cells_function(self):
        self.run_cell('function check(x: number) {\n  if (x > 1)\n    throw new RangeError("too big: " + x);\n  return x;\n}')
        content, _ = self.run_cell("const q = 1;\ncheck(5);")
        tb = content["traceback"]
        # the calling cell first, then the function in the cell that declared it
        self.assertRegex(tb[1], r"^Cell In\[\d+\], line 2\n")
        self.assertIn("----> 2 check(5);", tb[1])
        self.assertRegex(tb[2], r"^Cell In\[\d+\], line 3, in check\n")
        self.assertIn('---->', tb[2])
        self.assertIn('throw new RangeError("too big: " + x);', tb[2].split("---->")[1].split("\n")[0])

    def test_parameter_error_shows_the_cell_not_the_library(self):
        content, _ = self.run_cell("const x = tensor([[[[1, 2], [3, 4]]]]);\nmaxPool2d(x, { kernelSize: 7 })")
        self.assertEqual(content["ename"], "ParameterError")
        self.assertIn("kernelSize", content["evalue"])
        tb = content["traceback"]
        self.assertRegex(tb[1], r"^Cell In\[\d+\], line 2\n")
        self.assertIn("----> 2 maxPool2d(x, { kernelSize: 7 })", tb[1])
        self.assertRegex(tb[2], r"^    \[\.\.\. \d+ frames? inside poolscope\]$")
        self.assertEqual(len(tb), 4, tb)
        text = "\n".join(tb)
        self.assertNotIn("file://", text)
        self.assertNotIn("dist/", text)
        self.assertNotIn("throw new ParameterError", text)
        self.assertNotIn("tslab", text)
        self.assertTrue(tb[-1].startswith("ParameterError: "))


if __name__ == "__main__":
    unittest.main()
