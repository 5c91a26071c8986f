"""The tutorials in reading order: (file name, cells). Each module holds one notebook's cells."""
from . import n01_basics, n02_ufldl, n03_sizes, n04_spp, n05_strip, n06_dense, n07_gradients

TUTORIALS = [
    (m.NAME, m.CELLS)
    for m in (n01_basics, n02_ufldl, n03_sizes, n04_spp, n05_strip, n06_dense, n07_gradients)
]
