import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
KERNEL_NAME = "poolscope"
TENSOR_MIME = "application/vnd.poolscope.tensor+json"
