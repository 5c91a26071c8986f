"""Writes notebooks/images/street.png: a 96×96 procedural street scene (sky, horizon, a road running to a
vanishing point, lamp posts and power lines, a building with windows). Everything is drawn by this script
from a fixed seed with the standard library only (zlib + struct), so the picture is reproducible and has no
third-party provenance; it is released under CC0 1.0 (see notebooks/images/README.md).

    .venv/bin/python notebooks/src/make_images.py
"""
import math
import pathlib
import random
import struct
import zlib

W = H = 96
HORIZON = 38
VANISH_X = 50
OUT = pathlib.Path(__file__).resolve().parents[2] / "notebooks" / "images" / "street.png"


def clamp(v):
    return max(0, min(255, int(round(v))))


def scene():
    rnd = random.Random(6)
    img = [[(0.0, 0.0, 0.0)] * W for _ in range(H)]
    for y in range(H):
        for x in range(W):
            if y < HORIZON:  # sky: light at the horizon, deeper blue above
                t = y / HORIZON
                c = (120 + 90 * t, 160 + 70 * t, 220 + 25 * t)
            else:  # ground: grass, darker towards the viewer
                t = (y - HORIZON) / (H - HORIZON)
                c = (70 - 20 * t, 120 - 30 * t, 60 - 15 * t)
            img[y][x] = c
    # distant hills just above the horizon
    for x in range(W):
        top = HORIZON - 4 - 3 * math.sin(x / 9.0) - 2 * math.sin(x / 4.3 + 1)
        for y in range(int(top), HORIZON):
            img[y][x] = (90, 110, 100)
    # a building on the left, with a grid of windows
    for y in range(12, HORIZON + 6):
        for x in range(2, 26):
            img[y][x] = (150, 140, 130)
    for wy in range(15, HORIZON + 2, 6):
        for wx in range(5, 24, 5):
            for y in range(wy, wy + 3):
                for x in range(wx, wx + 3):
                    img[y][x] = (60, 70, 90)
    # the road: a trapezoid from the vanishing point to the bottom edge, with a dashed centre line
    for y in range(HORIZON, H):
        t = (y - HORIZON) / (H - HORIZON)
        half = 1 + t * 46
        for x in range(W):
            if abs(x - VANISH_X) <= half:
                img[y][x] = (95, 95, 100)
        if (y // 5) % 2 == 0:
            w = max(1, int(round(0.5 + t * 2)))
            for x in range(VANISH_X - w // 2, VANISH_X - w // 2 + w):
                img[y][x] = (235, 230, 190)
    # the road's edges
    for y in range(HORIZON, H):
        t = (y - HORIZON) / (H - HORIZON)
        for side in (-1, 1):
            x = int(round(VANISH_X + side * (1 + t * 46)))
            if 0 <= x < W:
                img[y][x] = (225, 225, 225)
    # power lines: long, thin, nearly horizontal
    for y0, sag in ((9, 3.0), (14, 2.0)):
        for x in range(W):
            y = int(round(y0 + sag * math.sin(math.pi * x / (W - 1))))
            img[y][x] = (40, 40, 45)
    # lamp posts / poles on the right: long, thin, vertical
    for px, top in ((66, 6), (80, 4), (92, 2)):
        for y in range(top, 70 + (px - 66) // 2):
            for x in (px, px + 1):
                img[y][x] = (35, 35, 40)
        for x in range(px - 4, px + 2):
            img[top][x] = (35, 35, 40)
    # sensor noise
    return [[tuple(clamp(v + rnd.gauss(0, 4)) for v in img[y][x]) for x in range(W)] for y in range(H)]


def png(pixels):
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(png(scene()))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
