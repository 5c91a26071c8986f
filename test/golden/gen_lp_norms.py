"""lp_pool{1,2,3}d with the norms PyTorch 2 added -> test/fixtures/golden/torch2_lp_norms.json (see README.md).

norm_type = inf is max_pool(|x|), -inf is -max_pool(-|x|) (the min of |x|), a negative p follows the usual
avg_pool(x^p)·K then ^(1/p), and 0 is refused. Inputs here may be negative and hold a NaN: for ±inf only |x|
is used, and max pooling's NaN rule decides; for negative p the inputs stay positive (0^p is infinite).
"""

import math
import os

import torch
import torch.nn.functional as F

from golden_io import Cases, blamed

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "golden", "torch2_lp_norms.json")

torch.manual_seed(3)
cases = Cases()
LP = {1: F.lp_pool1d, 2: F.lp_pool2d, 3: F.lp_pool3d}


def add(nd, x, norm_type, kernel, stride=None, ceil_mode=False, refused=None):
    """refused: the argument PyTorch must refuse (recorded as error_param), or None for a computed case."""
    # JSON has no infinity: the params carry it as the strings the format uses for infinite data
    written = norm_type if math.isfinite(norm_type) else ("Infinity" if norm_type > 0 else "-Infinity")
    params = {"norm_type": written, "kernel_size": kernel, "stride": stride, "ceil_mode": ceil_mode}
    op = f"lp_pool{nd}d"
    if refused:
        try:
            LP[nd](x, norm_type, kernel, stride, ceil_mode)
        except (ValueError, RuntimeError) as e:
            if blamed(e) != refused:
                raise AssertionError(f"{op} {params}: PyTorch refuses over {blamed(e)}, expected {refused}") from e
            cases.add(op, params, {"x": x}, error=True, note=f"PyTorch: {e}", error_param=refused)
            return
        raise SystemExit(f"{op} {params}: PyTorch accepted a case meant to be refused")
    cases.add(op, params, {"x": x}, {"y": LP[nd](x, norm_type, kernel, stride, ceil_mode)})


inf = math.inf
for nd, spatial in ((1, [9]), (2, [6, 7]), (3, [4, 5, 5])):
    signed = torch.randn(2, 2, *spatial)
    signed.view(-1)[5] = float("nan")
    positive = torch.rand(1, 2, *spatial) + 0.1
    for p in (inf, -inf):
        add(nd, signed, p, 2)
        add(nd, signed, p, 3, 2, True)
    for p in (-1, -2.5):
        add(nd, positive, p, 2)
        add(nd, positive, p, 3, 2, True)
    add(nd, positive, 0, 2, refused="norm_type")

cases.write(OUT, "lp_pool{1,2,3}d with norm_type inf, -inf (strings, as the format writes infinities), negative and 0")
