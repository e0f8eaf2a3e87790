"""Make Tessera's application icons for the installers: tessera.png, tessera.ico (Windows: the
executable, the Start menu shortcut, Add/Remove Programs) and Tessera.icns (macOS).

    python installer/make_icons.py OUT_DIR

The source is resources/icons/tessera.png when the app ships one; until then a mosaic of tiles
(Tessera's emblem: a class is a mosaic) is drawn here, so the packages never carry PyInstaller's
default icon. Uses QtGui only, offscreen.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TILES = ["#2E86AB", "#F6AE2D", "#33A14B", "#F26419", "#86BBD8", "#7B4FA0", "#E84855", "#3BB273", "#F9DC5C"]


def draw_mosaic(size: int):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    gap, n = size * 0.04, 3
    tile = (size - gap * (n + 1)) / n
    for i, colour in enumerate(TILES):
        row, col = divmod(i, n)
        # a jagged profile: tiles of different heights, like strengths of different sizes
        shrink = tile * (0.0, 0.18, 0.08, 0.12, 0.0, 0.22, 0.06, 0.14, 0.0)[i]
        rect = QRectF(gap + col * (tile + gap), gap + row * (tile + gap) + shrink, tile, tile - shrink)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        p.drawRoundedRect(rect, tile * 0.18, tile * 0.18)
    p.end()
    return img


def png_bytes(img) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def write_ico(path: Path, base, sizes=(16, 24, 32, 48, 64, 128, 256)) -> None:
    """A Windows icon with every size the shell asks for, each stored as PNG (Vista and later)."""
    from PySide6.QtCore import Qt

    images = [
        png_bytes(
            base.scaled(s, s, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )
        for s in sizes
    ]
    offset = 6 + 16 * len(sizes)
    head = struct.pack("<HHH", 0, 1, len(sizes))
    entries, blobs = b"", b""
    for size, blob in zip(sizes, images):
        entries += struct.pack(
            "<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset + len(blobs)
        )
        blobs += blob
    path.write_bytes(head + entries + blobs)


def make_icons(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (plugins)
    out.mkdir(parents=True, exist_ok=True)
    source = REPO / "resources" / "icons" / "tessera.png"
    base = QImage(str(source)) if source.is_file() else draw_mosaic(1024)
    base = base.scaled(
        1024, 1024, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    write_ico(out / "tessera.ico", base)
    written = [out / "tessera.ico"]
    targets = [("tessera.png", 512), ("Tessera.icns", 1024)]
    for name, size in targets:
        path = out / name
        fmt = path.suffix[1:].encode()
        if fmt not in [bytes(f) for f in QImageWriter.supportedImageFormats()]:
            print(f"make_icons: this Qt cannot write {fmt.decode()}; {name} skipped", file=sys.stderr)
            continue
        img = base.scaled(
            size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        if not img.save(str(path)):
            raise SystemExit(f"make_icons: could not write {path}")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "build" / "icons"
    for p in make_icons(target):
        print(p)
