"""The renderer as JupyterLab sees it once installed into .venv: listed enabled and OK, and compatible with a
newer JupyterLab 4.6 patch release too (dependency ranges, not exact pins, as the extension template sets them)."""
import json
import re
import subprocess
import sys
import unittest
from copy import deepcopy
from pathlib import Path

from jupyterlab.commands import _validate_compatibility
from jupyterlab.coreconfig import CoreConfig

NAME = "jupyterlab-poolscope"
JUPYTER = str(Path(sys.executable).with_name("jupyter"))
INSTALLED = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / NAME / "package.json"


def next_patch(spec):
    """`~3.14.4` → `~3.14.5`: the resolution a JupyterLab one patch release newer ships."""
    return re.sub(r"(\d+)\.(\d+)\.(\d+)", lambda m: f"{m[1]}.{m[2]}.{int(m[3]) + 1}", spec, count=1)


class LabextensionTests(unittest.TestCase):
    def test_listed_enabled_and_ok(self):
        proc = subprocess.run([JUPYTER, "labextension", "list"], capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        text = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout + proc.stderr)
        line = next((l for l in text.splitlines() if NAME in l), None)
        self.assertIsNotNone(line, text)
        self.assertRegex(line, rf"{NAME} v\S+ enabled OK\b")
        self.assertNotIn("incompatible", text.lower())

    def test_compatible_with_the_next_patch_release(self):
        deps = json.loads(INSTALLED.read_text())["dependencies"]
        core = CoreConfig()._data
        self.assertEqual(_validate_compatibility(NAME, deps, core), [])
        newer = deepcopy(core)
        singletons = newer["jupyterlab"]["singletonPackages"]
        shared = [k for k in deps if k in singletons]
        self.assertIn("@jupyterlab/rendermime-interfaces", shared)
        for key in shared:
            newer["resolutions"][key] = next_patch(newer["resolutions"][key])
        self.assertEqual(_validate_compatibility(NAME, deps, newer), [])


if __name__ == "__main__":
    unittest.main()
