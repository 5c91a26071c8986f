"""Cases in the golden format (see /work/shared/golden/README.md, the format of test/fixtures/golden/pooling.json).

The generators next to this file compute them with a real PyTorch/torchvision. Neither is a project
dependency: install them in a throwaway virtual environment (see README.md here) and run a generator
to rewrite its fixture. The conformance runner then checks the library against the file on every `npm test`.
"""

import json
import math

import torch

# PyTorch's refusal messages -> the argument each is about, most specific first. Where PyTorch's message names
# no argument ("Output size is too small"), the case changes only that argument from an accepted one.
BLAME = (
    ("at most half", "padding"),
    ("Output size is too small", "kernel_size"),
    ("Invalid computed output size", "kernel_size"),
    ("smaller than kernel size", "kernel_size"),
    ("stride should not be zero", "stride"),
    ("stride must be greater than zero", "stride"),
    ("dilation should be greater than zero", "dilation"),
    ("dilation must be greater than zero", "dilation"),
    ("invalid max index", "indices"),
    ("output_size", "output_size"),
    ("norm_type", "norm_type"),
)


def blamed(e):
    """The argument PyTorch's refusal `e` is about; an unknown message stops the generator (re-raises `e`)."""
    msg = str(e)
    for key, arg in BLAME:
        if key in msg:
            return arg
    raise e


def encode(t):
    """A tensor as {shape, data}: float32 values exactly, NaN as null, infinities as strings, ints as ints."""
    flat = t.detach().reshape(-1).tolist()

    def one(v):
        if isinstance(v, float):
            if math.isnan(v):
                return None
            if math.isinf(v):
                return "Infinity" if v > 0 else "-Infinity"
        return v

    return {"shape": list(t.shape), "data": [one(v) for v in flat]}


class Cases:
    """Collects cases, numbering each op's cases op#0, op#1, ... as the shared file does."""

    def __init__(self):
        self.cases = []
        self.counts = {}

    def add(self, op, params, inputs, outputs=None, error=False, note=None, error_param=None):
        """error_param: for an error case, the argument PyTorch refuses (a key of params, or an input's name)."""
        if error and not (error_param in params or error_param in inputs):
            raise ValueError(f"{op} {params}: an error case needs error_param, a parameter or input of the case")
        n = self.counts.get(op, 0)
        self.counts[op] = n + 1
        case = {"id": f"{op}#{n}", "op": op, "params": params, "inputs": {k: encode(v) for k, v in inputs.items()}}
        if error:
            case["error"] = True
            case["error_param"] = error_param
        else:
            case["outputs"] = {k: encode(v) for k, v in outputs.items()}
        if note:
            case["note"] = note
        self.cases.append(case)

    def write(self, path, about):
        versions = f"PyTorch {torch.__version__}"
        try:
            import torchvision

            versions += f", torchvision {torchvision.__version__}"
        except ImportError:
            pass
        doc = {"about": f"{about}; computed with {versions} (CPU, float32)", "count": len(self.cases), "cases": self.cases}
        with open(path, "w") as f:
            json.dump(doc, f, separators=(",", ":"))
            f.write("\n")
        print(f"{path}: {len(self.cases)} cases ({versions})")
