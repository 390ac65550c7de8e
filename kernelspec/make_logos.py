"""Draws the NetBook logo (a small 2-3-2 network: nodes and their connections on a dark
tile) as logo-32x32.png and logo-64x64.png, with nothing but zlib and struct.
Run: python3 kernelspec/make_logos.py"""
import math
import os
import struct
import zlib

BACKGROUND = (28, 46, 74)
EDGE = (120, 170, 220)
NODES = [(255, 196, 61), (99, 210, 151), (240, 110, 90)]  # input, hidden, output layer colours
LAYERS = [[0.35, 0.65], [0.22, 0.5, 0.78], [0.35, 0.65]]
XS = [0.2, 0.5, 0.8]


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def colour_at(x, y, size):
    """The colour at a point in [0,1]^2, supersampled by the caller."""
    corner = 0.18
    cx, cy = min(max(x, corner), 1 - corner), min(max(y, corner), 1 - corner)
    if math.hypot(x - cx, y - cy) > corner:
        return None  # transparent outside the rounded tile
    nodes = [(XS[i], yy, NODES[i]) for i in range(3) for yy in LAYERS[i]]
    radius = 0.075
    for nx, ny, c in nodes:
        if math.hypot(x - nx, y - ny) <= radius:
            return c
    width = 0.022 if size <= 32 else 0.016
    for i in range(2):
        for ay in LAYERS[i]:
            for by in LAYERS[i + 1]:
                if segment_distance(x, y, XS[i], ay, XS[i + 1], by) <= width:
                    return EDGE
    return BACKGROUND


def render(size, samples=4):
    rows = []
    for j in range(size):
        row = bytearray([0])  # filter type 0 for each scanline
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(samples):
                for si in range(samples):
                    c = colour_at((i + (si + 0.5) / samples) / size, (j + (sj + 0.5) / samples) / size, size)
                    if c is not None:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = samples * samples
            covered = acc[3] // 255
            if covered:
                row += bytes([acc[0] // covered, acc[1] // covered, acc[2] // covered, acc[3] // n])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, raw):
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for size in (32, 64):
        with open(os.path.join(here, f"logo-{size}x{size}.png"), "wb") as f:
            f.write(render(size))
