"""papermill support for poolscope notebooks: a parameter translator for TypeScript.

papermill writes the parameters given with ``-p`` / ``-y`` as a new cell after the cell tagged ``parameters``,
in the notebook's language, which it looks up as the translator of the kernel's name and then of the kernel's
language (``typescript`` here). papermill 2.7 ships none for TypeScript, and it loads plugins only through its
``papermill.engine`` and ``papermill.io`` entry-point groups. So this module is the target of a
``papermill.engine`` entry point (``poolscope``, papermill's own nbclient engine unchanged), and loading it
registers the translator; it is also named in a ``papermill.translators`` group for a papermill that reads one.
"""

import json
import math

from papermill.engines import NBClientEngine
from papermill.translators import Translator, papermill_translators

LANGUAGE = "typescript"


class TypeScriptTranslator(Translator):
    """Parameters as ``let`` declarations: a later cell may reassign them, and TypeScript widens their types."""

    @classmethod
    def translate_str(cls, val):
        # JSON's string syntax is a subset of JavaScript's
        return json.dumps(val)

    @classmethod
    def translate_none(cls, val):
        return "null"

    @classmethod
    def translate_float(cls, val):
        if math.isnan(val):
            return "NaN"
        if math.isinf(val):
            return "Infinity" if val > 0 else "-Infinity"
        return repr(val)

    @classmethod
    def translate_dict(cls, val):
        entries = ", ".join(f"{json.dumps(str(k))}: {cls.translate(v)}" for k, v in val.items())
        return f"{{ {entries} }}" if entries else "{}"

    @classmethod
    def translate_list(cls, val):
        return f"[{', '.join(cls.translate(v) for v in val)}]"

    @classmethod
    def comment(cls, cmt_str):
        return f"// {cmt_str}".strip()

    @classmethod
    def assign(cls, name, str_val):
        return f"let {name} = {str_val};"


class PoolscopeEngine(NBClientEngine):
    """papermill's nbclient engine as is; the entry point papermill loads at start-up (see the module's doc)."""


papermill_translators.register(LANGUAGE, TypeScriptTranslator)
