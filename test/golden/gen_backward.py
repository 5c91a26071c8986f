"""Gradients of max, average and adaptive pooling in 1, 2 and 3 dimensions -> test/fixtures/golden/torch2_backward.json.

Each case is "<op>.backward": inputs x and grad_y (random), output grad_x, what PyTorch's autograd sends back
through the op. Windows overlap (a cell collects from every window it wins or sits in), padding and ceil mode
make partial windows, and some inputs are rounded so that maxima tie (the gradient follows the index the
forward pass chose). The shared file has one case each for the 2-d ops only.
"""

import os

import torch
import torch.nn.functional as F

from golden_io import Cases

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "golden", "torch2_backward.json")

torch.manual_seed(17)
cases = Cases()

MAX = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
AVG = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}
ADAPTIVE_MAX = {1: F.adaptive_max_pool1d, 2: F.adaptive_max_pool2d, 3: F.adaptive_max_pool3d}
ADAPTIVE_AVG = {1: F.adaptive_avg_pool1d, 2: F.adaptive_avg_pool2d, 3: F.adaptive_avg_pool3d}


def sample(shape, ties):
    x = torch.randn(*shape)
    return torch.round(x * 2) / 2 if ties else x


def add(op, params, x, forward):
    x = x.clone().requires_grad_(True)
    y = forward(x)
    grad_y = torch.randn(y.shape)
    (grad_x,) = torch.autograd.grad(y, x, grad_y)
    cases.add(f"{op}.backward", params, {"x": x.detach(), "grad_y": grad_y}, {"grad_x": grad_x})


def max_pool(nd, shape, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, ties=False):
    params = {"kernel_size": kernel_size, "stride": stride, "padding": padding, "dilation": dilation}
    params["ceil_mode"] = ceil_mode
    fwd = lambda x: MAX[nd](x, kernel_size, stride, padding, dilation, ceil_mode)  # noqa: E731
    add(f"max_pool{nd}d", params, sample(shape, ties), fwd)


def avg_pool(nd, shape, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor=None):
    params = {"kernel_size": kernel_size, "stride": stride, "padding": padding, "ceil_mode": ceil_mode}
    params["count_include_pad"] = count_include_pad
    if divisor is not None:
        params["divisor_override"] = divisor
    if nd == 1:  # avg_pool1d has no divisor_override
        fwd = lambda x: AVG[1](x, kernel_size, stride, padding, ceil_mode, count_include_pad)  # noqa: E731
    else:
        fwd = lambda x: AVG[nd](x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor)  # noqa: E731
    add(f"avg_pool{nd}d", params, sample(shape, False), fwd)


def adaptive(kind, nd, shape, output_size, ties=False):
    fn = (ADAPTIVE_MAX if kind == "max" else ADAPTIVE_AVG)[nd]
    add(f"adaptive_{kind}_pool{nd}d", {"output_size": output_size}, sample(shape, ties), lambda x: fn(x, output_size))


for ties in (False, True):
    max_pool(1, (2, 3, 11), 3, 2, 1, ties=ties)
    max_pool(1, (1, 2, 10), 2, 1, ties=ties)  # every inner cell sits in two windows
    max_pool(3, (1, 2, 5, 6, 7), 2, ties=ties)
    max_pool(3, (2, 2, 5, 5, 5), 3, 2, 1, ties=ties)
    max_pool(3, (1, 2, 4, 6, 6), [2, 3, 2], [1, 2, 2], [1, 1, 0], ceil_mode=True, ties=ties)
    max_pool(3, (1, 1, 6, 6, 7), 2, 1, 0, [2, 1, 2], ties=ties)
    adaptive("max", 1, (2, 3, 13), 5, ties=ties)
    adaptive("max", 3, (1, 2, 5, 7, 6), [3, 2, 4], ties=ties)
max_pool(2, (1, 2, 7, 8), 3, 2, 1, 2)
max_pool(1, (1, 2, 9), 4, 3, 2, 1, True)

avg_pool(1, (2, 3, 11), 3, 2, 1)
avg_pool(1, (1, 2, 10), 4, 3, 2, True, False)
avg_pool(3, (1, 2, 5, 6, 7), 2)
avg_pool(3, (2, 2, 5, 5, 5), 3, 2, 1)
avg_pool(3, (1, 2, 5, 5, 5), 3, 2, 1, count_include_pad=False)
avg_pool(3, (1, 2, 5, 6, 7), [2, 3, 2], [2, 2, 3], [1, 1, 0], True, True)
avg_pool(3, (1, 2, 5, 6, 7), [2, 3, 2], [2, 2, 3], [1, 1, 0], True, False)
avg_pool(3, (1, 1, 4, 4, 4), 2, 1, 1, divisor=3)
avg_pool(2, (1, 2, 7, 6), 3, 2, 1, True, False, 4)

adaptive("avg", 1, (2, 3, 13), 5)
adaptive("avg", 1, (1, 2, 5), 3)  # bins overlap: cells 1 and 3 belong to two
adaptive("avg", 1, (1, 2, 4), 7)  # more bins than cells
adaptive("avg", 3, (1, 2, 5, 7, 6), [3, 2, 4])
adaptive("avg", 3, (1, 2, 3, 4, 5), [5, 4, 3])
adaptive("avg", 3, (2, 1, 6, 6, 6), [1, 1, 1])
adaptive("max", 1, (1, 2, 4), 7)
adaptive("max", 3, (1, 2, 3, 4, 5), [5, 4, 3])
adaptive("max", 3, (2, 1, 6, 6, 6), [None, 2, 1])
adaptive("avg", 3, (1, 1, 6, 5, 4), [None, 2, 3])

cases.write(OUT, "gradients of max/avg/adaptive pooling in 1-3 d: grad_x of x for the random grad_y, by PyTorch's autograd")
