"""Parameters PyTorch refuses, with the argument it refuses -> test/fixtures/golden/torch2_refusals.json (README.md).

The shared PyTorch 1.13 file's error cases say only that PyTorch refuses (padding above half the kernel, a kernel
larger than the input, stride 0, for max_pool2d and avg_pool2d). This file holds the same kinds of refusal, and
dilation 0, for max_pool{1,2,3}d and avg_pool{1,2,3}d, each with error_param: the argument PyTorch's message is
about. The generator stops if PyTorch accepts a case or blames another argument.
"""

import os

import torch
import torch.nn.functional as F

from golden_io import Cases, blamed

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "golden", "torch2_refusals.json")

torch.manual_seed(13)
cases = Cases()

MAX = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
AVG = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}


def refuse(kind, nd, spatial, refused, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    x = torch.randn(1, 2, *spatial)
    op = f"{kind}_pool{nd}d"
    if kind == "max":
        params = {"kernel_size": kernel_size, "stride": stride, "padding": padding, "dilation": dilation}
        params["ceil_mode"] = ceil_mode
        call = lambda: MAX[nd](x, kernel_size, stride, padding, dilation, ceil_mode)  # noqa: E731
    else:
        params = {"kernel_size": kernel_size, "stride": stride, "padding": padding, "ceil_mode": ceil_mode}
        params["count_include_pad"] = True
        call = lambda: AVG[nd](x, kernel_size, stride, padding, ceil_mode)  # noqa: E731
    try:
        call()
    except RuntimeError as e:
        if blamed(e) != refused:
            raise AssertionError(f"{op} {params}: PyTorch refuses over {blamed(e)}, expected {refused}") from e
        note = f"PyTorch refuses: {str(e).splitlines()[0]}"
        cases.add(op, params, {"x": x}, error=True, note=note, error_param=refused)
        return
    raise AssertionError(f"{op} {params}: PyTorch computes a result, expected a refusal over {refused}")


for nd, spatial in ((1, [5]), (2, [5, 5]), (3, [5, 5, 5])):
    for kind in ("max", "avg"):
        # padding above half the kernel (the shared file's max_pool2d#471, avg_pool2d#474)
        refuse(kind, nd, spatial, "padding", 3, 1, 2)
        refuse(kind, nd, spatial, "padding", 2, 1, 2)
        # a kernel larger than the padded input (max_pool2d#472), also in ceil mode and beside a legal padding
        refuse(kind, nd, spatial, "kernel_size", 7, 1)
        refuse(kind, nd, spatial, "kernel_size", 9, 2, 1, ceil_mode=True)
        # stride 0 (max_pool2d#473)
        refuse(kind, nd, spatial, "stride", 2, 0)
    refuse("max", nd, spatial, "dilation", 2, 1, 0, 0)

cases.write(OUT, "max_pool{1,2,3}d and avg_pool{1,2,3}d parameters PyTorch refuses, error_param naming the argument")
