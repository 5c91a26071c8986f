"""inspect_request (Shift+Tab) inside a call's parentheses, through a real kernel over ZeroMQ."""
import re
import unittest

from kernel_session import KernelCase

TIMEOUT = 30
SLIDING = ("kernelSize", "stride", "padding", "dilation", "ceilMode")


class InspectTests(KernelCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kc.execute_interactive("const x = tensor([[[[1, 2], [3, 4]]]]);", timeout=TIMEOUT)

    def inspect(self, code, cursor=None):
        reply = self.kc.inspect(code, len(code) if cursor is None else cursor, reply=True, timeout=TIMEOUT)
        return reply["content"]

    def option_lines(self, text, type_name):
        block = text.split(f"\n{type_name}:\n", 1)[1].split("\n\n")[0]
        return {re.match(r"\s+(\w+)", l).group(1): l for l in block.split("\n")}

    def assert_signature_with_documented_options(self, code, fn, options, flags=()):
        """options: {type name: members}, the first the call's own options type; flags: the result flags
        (returnIndices, trace) the doc names, as they are no member of the options type (a typed options
        object gives a Tensor)."""
        reply = self.inspect(code)
        self.assertTrue(reply["found"], code)
        text = reply["data"]["text/plain"]
        # the options type by the name a cell can write (the prelude imports the type-only exports too)
        self.assertIn(f"{fn}(x: Tensor, options: {next(iter(options))} &", text)
        for type_name, members in options.items():
            lines = self.option_lines(text, type_name)
            for option in members:
                self.assertIn(option, lines, (code, option))
                # every option with its one-line doc
                self.assertRegex(lines[option], rf"^  {option}\??: .+ — \S", lines[option])
        for flag in flags:
            self.assertIn(f"`{flag}: true`", text, (code, flag))

    def test_after_the_open_paren(self):
        self.assert_signature_with_documented_options(
            "maxPool2d(",
            "maxPool2d",
            {"MaxPoolOptions": SLIDING + ("dataFormat", "out"), "TraceOptions": ("trace",)},
            ("returnIndices", "trace"),
        )

    def test_after_the_first_argument(self):
        self.assert_signature_with_documented_options(
            "maxPool2d(x, ", "maxPool2d", {"MaxPoolOptions": SLIDING}, ("returnIndices",)
        )

    def test_other_pooling_ops_document_every_option(self):
        cases = [
            (
                "avgPool2d(x, ",
                "avgPool2d",
                {"AvgPoolOptions": ("kernelSize", "countIncludePad", "divisorOverride")},
                (),
            ),
            ("lpPool2d(x, ", "lpPool2d", {"LpPoolOptions": ("normType", "kernelSize", "ceilMode")}, ()),
            # AdaptiveMaxPoolOptions is AdaptivePoolOptions by another name, and quick info prints the latter
            (
                "adaptiveMaxPool2d(x, ",
                "adaptiveMaxPool2d",
                {"AdaptivePoolOptions": ("outputSize",)},
                ("returnIndices",),
            ),
        ]
        for code, fn, options, flags in cases:
            with self.subTest(fn=fn):
                self.assert_signature_with_documented_options(code, fn, options, flags)

    def test_inside_the_options_object(self):
        reply = self.inspect("maxPool2d(x, { kernelSize: 2, ")
        self.assertTrue(reply["found"])
        # the call's signature as resolved for what is written: the plain-Tensor overload
        self.assertIn("): Tensor", reply["data"]["text/plain"])

    def test_closed_call_with_cursor_between_the_parens(self):
        code = "maxPool2d(x, { kernelSize: 2 })"
        reply = self.inspect(code, cursor=code.index("{"))
        self.assertTrue(reply["found"])
        self.assertIn("maxPool2d(x: Tensor", reply["data"]["text/plain"])

    def test_name_under_the_cursor_wins(self):
        code = "maxPool2d(x, "
        reply = self.inspect(code, cursor=code.index("(x") + 2)
        self.assertTrue(reply["found"])
        self.assertTrue(reply["data"]["text/plain"].startswith("const x: Tensor"))

    def test_nothing_to_inspect(self):
        self.assertFalse(self.inspect("1 + ")["found"])


if __name__ == "__main__":
    unittest.main()
