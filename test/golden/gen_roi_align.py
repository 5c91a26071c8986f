"""torchvision.ops.roi_align cases -> test/fixtures/golden/torch2_roi_align.json (see README.md here).

Covers the legacy and the aligned op, fixed and adaptive sampling, spatial scales, boxes partly or wholly off
the map, degenerate and reversed boxes, several samples of a batch, and a NaN on the map.
"""

import os

import torch
from torchvision.ops import roi_align

from golden_io import Cases

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "golden", "torch2_roi_align.json")

torch.manual_seed(7)
cases = Cases()


def add(x, boxes, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False, note=None):
    boxes = torch.tensor(boxes, dtype=torch.float32)
    y = roi_align(x, boxes, output_size, spatial_scale, sampling_ratio, aligned)
    params = {
        "output_size": list(output_size) if isinstance(output_size, tuple) else output_size,
        "spatial_scale": spatial_scale,
        "sampling_ratio": sampling_ratio,
        "aligned": aligned,
    }
    cases.add("roi_align", params, {"x": x, "boxes": boxes}, {"y": y}, note=note)


feat = torch.randn(2, 3, 12, 16)
boxes = [
    [0, 0.0, 0.0, 15.0, 11.0],
    [1, 2.3, 1.7, 9.9, 8.2],
    [0, 5.0, 4.0, 5.5, 4.25],  # smaller than a cell
    [1, 12.0, 9.0, 18.0, 14.0],  # partly off the map
]
for aligned in (False, True):
    for sampling_ratio in (-1, 0, 1, 2, 3):
        for output_size in (2, (3, 4)):
            add(feat, boxes, output_size, 1.0, sampling_ratio, aligned)

# image coordinates scaled onto a stride-4 and a stride-16 map
big = [[0, 0.0, 0.0, 63.0, 47.0], [1, 10.0, 6.0, 41.5, 37.25], [0, 30.0, 20.0, 60.0, 44.0]]
for aligned in (False, True):
    for sampling_ratio in (-1, 2):
        add(feat, big, (2, 2), 0.25, sampling_ratio, aligned)
        add(feat, [[0, 16.0, 16.0, 240.0, 176.0]], 3, 1 / 16, sampling_ratio, aligned)

# wholly off the map (every sample beyond the one-cell margin reads nothing), reversed and zero-size boxes
odd = [
    [0, 30.0, 30.0, 40.0, 40.0],
    [0, -9.0, -9.0, -3.0, -4.0],
    [1, 8.0, 6.0, 3.0, 2.0],  # x2 < x1, y2 < y1
    [0, 4.0, 4.0, 4.0, 4.0],
    [1, -1.5, -0.5, 2.0, 16.5],  # across the top-left margin, below the bottom
]
for aligned in (False, True):
    for sampling_ratio in (-1, 2):
        add(feat, odd, (2, 3), 1.0, sampling_ratio, aligned, note="boxes off the map, reversed, empty")

# a NaN on the map reaches the bins whose samples weigh it (and, through 0·NaN, those reading cell 0)
nan = torch.randn(1, 2, 6, 6)
nan[0, 0, 2, 3] = float("nan")
add(nan, [[0, 0.0, 0.0, 5.0, 5.0], [0, 1.0, 1.0, 4.0, 4.0]], 3, 1.0, -1, False, note="NaN on the map")
add(nan, [[0, 0.0, 0.0, 5.0, 5.0], [0, 3.5, 0.5, 5.5, 2.5]], 2, 1.0, 2, True, note="NaN on the map")

# a single cell and a single row as the map: the far-edge clamp
add(torch.randn(1, 1, 1, 1), [[0, 0.0, 0.0, 2.0, 2.0]], 2, 1.0, -1, False)
add(torch.randn(1, 2, 1, 7), [[0, 0.5, 0.0, 6.0, 0.0], [0, 2.0, -1.0, 3.0, 1.0]], (1, 3), 1.0, 2, True)

cases.write(OUT, "torchvision.ops.roi_align: boxes rows [batch_index, x1, y1, x2, y2] in input-image coordinates")
