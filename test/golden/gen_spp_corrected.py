"""SPP under the widely copied "corrected" rule -> test/fixtures/golden/torch2_spp_corrected.json (see README.md).

Each level is what the common SPPLayer computes: K = S = ceil(a/n), padding floor((K*n - a + 1)/2) per axis,
then F.max_pool2d / F.avg_pool2d (its defaults, so average counts padded cells), each sample flattened
channel-major and the levels concatenated. Where PyTorch raises (padding above half the window) the case is
an error case: the library must refuse it too, naming `levels` (error_param), the argument of the SPP layer
that sets the refused padding (PyTorch's own message is about max_pool2d's padding).
"""

import math
import os

import torch
import torch.nn.functional as F

from golden_io import Cases, blamed

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "golden", "torch2_spp_corrected.json")

torch.manual_seed(11)
cases = Cases()


def spp_layer(x, levels, mode):
    n_, _, h, w = x.shape
    out = []
    for n in levels:
        k = (math.ceil(h / n), math.ceil(w / n))
        p = (math.floor((k[0] * n - h + 1) / 2), math.floor((k[1] * n - w + 1) / 2))
        pool = F.max_pool2d if mode == "max" else F.avg_pool2d
        out.append(pool(x, kernel_size=k, stride=k, padding=p).reshape(n_, -1))
    return torch.cat(out, 1)


def add(shape, levels, mode):
    x = torch.randn(*shape)
    params = {"levels": levels, "mode": mode, "variant": "corrected"}
    try:
        y = spp_layer(x, levels, mode)
    except RuntimeError as e:
        if blamed(e) != "padding":
            raise AssertionError(f"spp {params} on {shape}: PyTorch refuses over {blamed(e)}, expected padding") from e
        note = "PyTorch refuses the rule's padding"
        cases.add("spp", params, {"x": x}, error=True, note=note, error_param="levels")
        return
    cases.add("spp", params, {"x": x}, {"y": y})


for mode in ("max", "avg"):
    for h, w in ((13, 13), (10, 10), (11, 16), (12, 7), (6, 20)):
        add((2, 3, h, w), [4, 2, 1], mode)
        add((1, 2, h, w), [3, 1], mode)
    # sizes where PyTorch refuses: a = 5 and 9 at n = 4, a = 7, 8, 13 at n = 6
    for a, levels in ((5, [4, 1]), (9, [4, 2, 1]), (7, [6, 1]), (8, [6, 3]), (13, [6, 3, 2, 1]), (9, [2, 1])):
        add((1, 2, a, a), levels, mode)
    add((1, 2, 9, 12), [4, 1], mode)  # refused along H only

cases.write(OUT, "spp, variant 'corrected': the common SPPLayer's K = S = ceil(a/n), padding floor((K*n - a + 1)/2)")
