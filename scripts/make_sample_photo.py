#!/usr/bin/env python3
"""Draws the sample site's bundle photo (a stylised portrait silhouette) as a
PNG with the standard library only, so the picture is ours, not the web's.

    python3 scripts/make_sample_photo.py content/profiles/hoang-thi-dao/photo.png
"""
import struct
import sys
import zlib

W, H = 360, 450


def pixel(x, y):
    # warm background gradient
    t = y / H
    bg = (int(236 - 40 * t), int(222 - 60 * t), int(200 - 70 * t))
    # head
    hx, hy, hr = W / 2, H * 0.36, W * 0.2
    if (x - hx) ** 2 + ((y - hy) * 0.9) ** 2 < hr ** 2:
        return (222, 184, 150)
    # hair (upper half of a slightly larger ellipse)
    if (x - hx) ** 2 + ((y - hy + 12) * 0.85) ** 2 < (hr + 14) ** 2 and y < hy - hr * 0.25:
        return (40, 30, 28)
    # shoulders: an áo dài in deep red
    sx, sy = W / 2, H * 1.05
    if ((x - sx) / (W * 0.48)) ** 2 + ((y - sy) / (H * 0.42)) ** 2 < 1:
        return (155, 28, 28)
    return bg


def png(path):
    raw = bytearray()
    for y in range(H):
        raw.append(0)
        for x in range(W):
            raw.extend(pixel(x, y))

    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(bytes(raw), 9)))
        f.write(chunk(b"IEND", b""))


if __name__ == "__main__":
    png(sys.argv[1])
