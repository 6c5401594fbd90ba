#!/usr/bin/env python3
"""Draws the default theme's app icons (the offline app's manifest names them): icon.svg and the
PNGs Chromium's install prompt wants (192 and 512 pixels), from the same few rounded rectangles,
with a PNG encoder of our own so the bytes are the same on every machine. Run it after changing
the shapes or colours, then `make theme`; the files are committed."""
import pathlib
import struct
import zlib

ASSETS = pathlib.Path(__file__).resolve().parents[1] / "themes" / "default" / "static" / "assets"

# On a 512 × 512 canvas: (x0, y0, x1, y1, corner radius, colour). The accent of style.css behind two
# study cards, the front one with two lines of text.
SHAPES = [
    (0, 0, 512, 512, 96, "#6f42c1"),
    (144, 104, 424, 328, 28, "#c8b3f0"),
    (88, 168, 368, 392, 28, "#ffffff"),
    (128, 224, 328, 252, 14, "#6f42c1"),
    (128, 296, 272, 324, 14, "#6f42c1"),
]


def svg() -> str:
    rects = "".join(
        f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{colour}"/>'
        for x0, y0, x1, y1, r, colour in SHAPES)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">{rects}</svg>\n'


def inside(x, y, shape) -> bool:
    x0, y0, x1, y1, r, _ = shape
    if not (x0 <= x < x1 and y0 <= y < y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def rgb(colour):
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def raster(size: int, samples: int = 4) -> bytes:
    """RGBA rows, each sample the colour of the topmost shape under it (transparent outside)."""
    scale = 512 / size
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # PNG filter: none
        for px in range(size):
            total = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples) * scale
                    y = (py + (sy + 0.5) / samples) * scale
                    for shape in reversed(SHAPES):
                        if inside(x, y, shape):
                            r, g, b = rgb(shape[5])
                            total[0] += r; total[1] += g; total[2] += b; total[3] += 255
                            break
            n = samples * samples
            alpha = total[3] / n
            if alpha == 0:
                rows += b"\0\0\0\0"
            else:
                # Colours are averaged over covered samples only, so edges keep their colour.
                covered = total[3] / 255
                rows += bytes(round(c / covered) for c in total[:3]) + bytes([round(alpha)])
    return bytes(rows)


def png(size: int) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raster(size), 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    (ASSETS / "icon.svg").write_text(svg())
    for size in (192, 512):
        (ASSETS / f"icon-{size}.png").write_bytes(png(size))
