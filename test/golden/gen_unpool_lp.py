"""max_unpool{1,2,3}d and lp_pool3d cases -> test/fixtures/golden/torch2_unpool_lp.json (see README.md here).

Unpooling inputs are real max-pool results (values and indices from F.max_pool*d(return_indices=True)); the
indices travel as float numbers, as in the shared file. LP inputs are non-negative, as in the shared file
(PyTorch has no |x|: odd p over a negative window sum gives NaN).

Every case says whether PyTorch should refuse it and which argument the refusal is about; the generator stops
if PyTorch disagrees, so a new seed or a new PyTorch cannot quietly turn a result into a refusal (or blame a
different argument). Each error case records that argument as error_param; the note keeps PyTorch's own message.
"""

import os

import torch
import torch.nn.functional as F

from golden_io import Cases, blamed

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "golden", "torch2_unpool_lp.json")

torch.manual_seed(5)
cases = Cases()

POOL = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
UNPOOL = {1: F.max_unpool1d, 2: F.max_unpool2d, 3: F.max_unpool3d}

def record(op, params, inputs, compute, refused):
    try:
        y = compute()
    except (RuntimeError, ValueError) as e:
        arg = blamed(e)
        if arg != refused:
            raise AssertionError(f"{op} {params}: PyTorch refuses over {arg}, expected {refused}") from e
        note = f"PyTorch refuses: {str(e).splitlines()[0]}"
        cases.add(op, params, inputs, error=True, note=note, error_param=arg)
        return
    if refused is not None:
        raise AssertionError(f"{op} {params}: PyTorch computes a result, expected a refusal over {refused}")
    cases.add(op, params, inputs, {"y": y})


def unpool(nd, spatial, kernel, stride=None, padding=0, output_size=None, refused=None, ramp=False):
    """ramp: an increasing input, so each window's maximum is its last cell (for index refusals on purpose)."""
    shape = (2, 3, *spatial)
    x = torch.arange(torch.Size(shape).numel(), dtype=torch.float32).reshape(shape) if ramp else torch.randn(shape)
    y, idx = POOL[nd](x, kernel, stride, padding, return_indices=True)
    params = {"kernel_size": kernel, "stride": stride, "padding": padding}
    if output_size is not None:
        params["output_size"] = output_size
    inputs = {"x": y, "indices": idx.to(torch.float32)}
    record(f"max_unpool{nd}d", params, inputs, lambda: UNPOOL[nd](y, idx, kernel, stride, padding, output_size), refused)


# 1d: default size, odd length, overlapping windows (repeated indices carry equal values), padding
unpool(1, [8], 2)
unpool(1, [9], 2)
unpool(1, [11], 3, 2)
unpool(1, [10], 3, 1)
unpool(1, [10], 3, 2, 1, output_size=[10])  # the default would be 9; 10 restores the input length
# output_size: spatial only, with N, C in front (PyTorch ignores their values), strictly inside default ± stride
unpool(1, [9], 2, 2, output_size=[9])
unpool(1, [9], 2, 2, output_size=[2, 3, 9])
unpool(1, [9], 2, 2, output_size=[5, 1, 9])
unpool(1, [8], 2, 2, output_size=[10], refused="output_size")
unpool(1, [8], 2, 2, output_size=[6], refused="output_size")
unpool(1, [8], 2, 2, output_size=[8, 8], refused="output_size")
# an index outside the output: the last maximum (7) with output_size 7; padding's default 9 against index 9
unpool(1, [9], 2, 2, output_size=[7], refused="indices", ramp=True)
unpool(1, [10], 3, 2, 1, refused="indices", ramp=True)

# 2d: a few beside the shared file's one case
unpool(2, [6, 6], 2)
unpool(2, [7, 7], 3, 2, 1)
unpool(2, [6, 6], [2, 3], [2, 3], output_size=[7, 7])
unpool(2, [6, 6], 2, 2, output_size=[9, 6], refused="output_size")
unpool(2, [6, 7], 2, 2, refused="indices", ramp=True)  # indices of width 7 re-read with width 6

# 3d
unpool(3, [4, 4, 4], 2)
unpool(3, [5, 4, 4], 2)  # the odd last slice is dropped; H, W unchanged, so every index still fits
unpool(3, [5, 5, 5], 3, 2, 1)
unpool(3, [4, 6, 6], [2, 3, 2], [2, 3, 2])
unpool(3, [4, 4, 4], [2, 1, 2], [1, 1, 2])
unpool(3, [4, 4, 4], 2, 2, output_size=[5, 5, 5])
unpool(3, [4, 4, 4], 2, 2, output_size=[2, 3, 5, 4, 5])
unpool(3, [4, 4, 4], 2, 2, output_size=[6, 4, 4], refused="output_size")
unpool(3, [4, 4, 4], 2, 2, output_size=[1, 4, 4, 4], refused="output_size")
unpool(3, [4, 4, 5], 2, 2, refused="indices", ramp=True)  # indices of width 5 re-read with width 4


def lp3d(shape, norm_type, kernel, stride=None, ceil_mode=False, refused=None):
    x = torch.rand(*shape) * 2
    params = {"norm_type": norm_type, "kernel_size": kernel, "stride": stride, "ceil_mode": ceil_mode}
    record("lp_pool3d", params, {"x": x}, lambda: F.lp_pool3d(x, norm_type, kernel, stride, ceil_mode), refused)


for p in (1, 2, 3, 1.5):
    lp3d((1, 2, 5, 6, 7), p, 2)
    lp3d((2, 2, 5, 5, 5), p, 3, 2)
lp3d((1, 3, 6, 7, 5), 2, [2, 3, 1], [1, 2, 1])
lp3d((1, 1, 7, 7, 7), 2, 2, 3)  # stride above kernel: cells between windows are skipped
lp3d((1, 1, 4, 4, 4), 1, 4)
# ceil mode: partial windows are still scaled by the full kernel volume
lp3d((1, 2, 5, 6, 7), 2, 2, 2, True)
lp3d((1, 2, 7, 7, 7), 3, [3, 2, 2], [2, 3, 2], True)
lp3d((1, 2, 5, 5, 7), 1.5, [2, 2, 3], None, True)
lp3d((1, 1, 6, 6, 6), 1, 3, 2, True)
lp3d((1, 1, 3, 4, 4), 2, 4, refused="kernel_size")  # larger than the input along D
lp3d((1, 1, 4, 4, 4), 2, 2, 0, refused="stride")
lp3d((1, 1, 4, 4, 4), 0, 2, refused="norm_type")

cases.write(OUT, "max_unpool{1,2,3}d (indices as float numbers) and lp_pool3d (inputs non-negative)")
