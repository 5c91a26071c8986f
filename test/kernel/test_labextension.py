"""The renderer as JupyterLab sees it once installed into .venv: listed enabled and OK, compatible with a newer
JupyterLab 4.6 patch release too (dependency ranges, not exact pins, as the extension template sets them), and
not with the next minor, which it is neither built nor tested against (~ ranges, as JupyterLab's own core
metadata declares its packages)."""
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
SOURCE = Path(__file__).resolve().parents[2] / "extension" / "package.json"


def next_patch(spec):
    """`~3.14.4` → `~3.14.5`: the resolution a JupyterLab one patch release newer ships."""
    return re.sub(r"(\d+)\.(\d+)\.(\d+)", lambda m: f"{m[1]}.{m[2]}.{int(m[3]) + 1}", spec, count=1)


def next_minor(spec):
    """`~4.6.4` → `~4.7.0`: the resolution the next JupyterLab minor ships."""
    return re.sub(r"(\d+)\.(\d+)\.(\d+)", lambda m: f"{m[1]}.{int(m[2]) + 1}.0", spec, count=1)


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

    def test_each_jupyterlab_package_is_held_to_its_minor(self):
        # a caret range would also accept 4.7, whose packages may behave differently from the 4.6 the renderer is
        # built (core-meta 4.6.4) and tested (jupyterlab==4.6.4) against; npm's lockfile fixes the exact version
        deps = json.loads(SOURCE.read_text())["dependencies"]
        newer = deepcopy(CoreConfig()._data)
        jupyterlab = [k for k in deps if k.startswith("@jupyterlab/")]
        self.assertIn("@jupyterlab/notebook", jupyterlab)
        for key in jupyterlab:
            newer["resolutions"][key] = next_minor(newer["resolutions"][key])
        rejected = sorted(key for key, _, _ in _validate_compatibility(NAME, deps, newer))
        self.assertEqual(rejected, sorted(jupyterlab))


if __name__ == "__main__":
    unittest.main()
