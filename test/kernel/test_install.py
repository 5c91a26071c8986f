"""`poolscope-kernel install --user | --sys-prefix | --prefix P`, checked with jupyter_client's KernelSpecManager.
Every Jupyter path points into a temporary folder (HOME too), so nothing outside it is touched; --sys-prefix
writes only the project's own .venv, where `npm test` installs the same spec anyway."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "kernel" / "dist" / "cli.js"


@pytest.fixture
def jupyter_env(tmp_path, monkeypatch):
    env = {
        "HOME": str(tmp_path / "home"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_PATH": "",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        # in a venv jupyter_core searches sys.prefix before the user's folder; the user's spec must win here
        "JUPYTER_PREFER_ENV_PATH": "0",
    }
    (tmp_path / "home").mkdir()
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return tmp_path


def install(*args):
    out = subprocess.run(
        ["node", str(CLI), "install", *args, "--python", sys.executable],
        check=True, capture_output=True, text=True, env=os.environ.copy(),
    )
    return out.stdout


def check_spec(spec_dir):
    spec = KernelSpecManager().get_kernel_spec("poolscope")
    assert Path(spec.resource_dir).resolve() == Path(spec_dir).resolve()
    assert spec.language == "typescript"
    assert spec.interrupt_mode == "signal"
    assert spec.display_name == "TypeScript (poolscope)"
    assert Path(spec.argv[0]).is_absolute() and Path(spec.argv[1]).resolve() == CLI.resolve()
    assert (Path(spec_dir) / "logo-64x64.png").exists()
    return spec


def test_install_user_goes_to_jupyter_data_dir(jupyter_env):
    out = install("--user")
    spec_dir = jupyter_env / "data" / "kernels" / "poolscope"
    check_spec(spec_dir)
    assert str(spec_dir) in out
    # the installed spec starts a working kernel from an unrelated folder
    km = KernelManager(kernel_name="poolscope")
    km.start_kernel(cwd=str(jupyter_env))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        outputs = []
        reply = kc.execute_interactive("maxPool2d(tensor([[[[1, 2], [3, 4]]]]), { kernelSize: 2 }).shape", timeout=60, output_hook=outputs.append)
        assert reply["content"]["status"] == "ok"
        texts = [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"]
        assert texts == ["[ 1, 1, 1, 1 ]"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_install_prefix(jupyter_env, monkeypatch):
    prefix = jupyter_env / "prefix"
    install("--prefix", str(prefix))
    spec_dir = prefix / "share" / "jupyter" / "kernels" / "poolscope"
    assert json.loads((spec_dir / "kernel.json").read_text())["language"] == "typescript"
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    check_spec(spec_dir)


def test_install_sys_prefix(jupyter_env):
    out = install("--sys-prefix")
    spec_dir = Path(sys.prefix) / "share" / "jupyter" / "kernels" / "poolscope"
    assert str(spec_dir) in out
    check_spec(spec_dir)
