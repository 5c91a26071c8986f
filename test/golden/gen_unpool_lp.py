"""max_unpool{1,2,3}d and lp_pool3d cases -> test/fixtures/golden/torch2_unpool_lp.json (see README.md here).

Unpooling inputs are real max-pool results (values and indices from F.max_pool*d(return_indices=True)); the
indices travel as float numbers, as in the shared file. LP inputs are non-negative, as in the shared file
(PyTorch has no |x|: odd p over a negative window sum gives NaN).
"""

import os

import torch
import torch.nn.functional as F

from golden_io import Cases

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "golden", "torch2_unpool_lp.json")

torch.manual_seed(5)
cases = Cases()

POOL = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
UNPOOL = {1: F.max_unpool1d, 2: F.max_unpool2d, 3: F.max_unpool3d}


def unpool(nd, spatial, kernel, stride=None, padding=0, output_size=None):
    x = torch.randn(2, 3, *spatial)
    y, idx = POOL[nd](x, kernel, stride, padding, return_indices=True)
    params = {"kernel_size": kernel, "stride": stride if stride is not None else kernel, "padding": padding}
    if output_size is not None:
        params["output_size"] = output_size
    inputs = {"x": y, "indices": idx.to(torch.float32)}
    try:
        out = UNPOOL[nd](y, idx, kernel, stride, padding, output_size)
    except (RuntimeError, ValueError):
        cases.add(f"max_unpool{nd}d", params, inputs, error=True, note="PyTorch refuses this output_size")
        return
    cases.add(f"max_unpool{nd}d", params, inputs, {"y": out})


# 1d: default size, odd lengths, overlapping windows (stride < kernel), padding, output_size in both forms
unpool(1, [8], 2)
unpool(1, [9], 2)
unpool(1, [11], 3, 2)
unpool(1, [10], 3, 2, 1)
unpool(1, [9], 2, output_size=[9])
unpool(1, [9], 2, output_size=[2, 3, 9])
unpool(1, [8], 2, output_size=[10])  # outside (default − s, default + s): refused
unpool(1, [8], 2, output_size=[6])  # refused
# 2d: a few beside the shared file's one case
unpool(2, [6, 7], 2)
unpool(2, [7, 7], 3, 2, 1)
unpool(2, [6, 6], [2, 3], [2, 3], output_size=[7, 7])
unpool(2, [6, 6], 2, output_size=[9, 6])  # refused
# 3d
unpool(3, [4, 4, 4], 2)
unpool(3, [5, 6, 7], 2)
unpool(3, [5, 5, 5], 3, 2, 1)
unpool(3, [4, 6, 6], [2, 3, 2], [2, 3, 2])
unpool(3, [4, 4, 4], 2, output_size=[5, 5, 5])
unpool(3, [4, 4, 4], 2, output_size=[2, 3, 5, 4, 5])
unpool(3, [4, 4, 4], 2, output_size=[6, 4, 4])  # refused


def lp3d(shape, norm_type, kernel, stride=None, ceil_mode=False):
    x = torch.rand(*shape) * 2
    params = {"norm_type": norm_type, "kernel_size": kernel, "stride": stride, "ceil_mode": ceil_mode}
    try:
        y = F.lp_pool3d(x, norm_type, kernel, stride, ceil_mode)
    except (RuntimeError, ValueError):
        cases.add("lp_pool3d", params, {"x": x}, error=True, note="PyTorch refuses these parameters")
        return
    cases.add("lp_pool3d", params, {"x": x}, {"y": y})


for p in (1, 2, 3, 1.5):
    lp3d((1, 2, 5, 6, 7), p, 2)
    lp3d((2, 2, 5, 5, 5), p, 3, 2)
lp3d((1, 3, 6, 7, 5), 2, [2, 3, 1], [1, 2, 1])
lp3d((1, 2, 5, 6, 7), 2, 2, 2, True)  # ceil mode: partial windows still scaled by the full kernel volume
lp3d((1, 2, 7, 7, 7), 3, [3, 2, 2], [2, 3, 2], True)
lp3d((1, 1, 4, 4, 4), 1, 4)
lp3d((1, 1, 3, 4, 4), 2, 4)  # kernel larger than the input along D: refused

cases.write(OUT, "max_unpool{1,2,3}d (indices as float numbers) and lp_pool3d (inputs non-negative)")
