"""Render the icon master (resources/icons/osteodesk.svg) into the PNG and ICO files the app ships.

Run after editing the SVG: `.venv/bin/python packaging/render_icons.py`. QtSvg draws the PNGs (the
same renderer the window uses, with antialiasing, unlike ImageMagick's internal SVG reader); Pillow,
already installed with ReportLab, packs the Windows .ico with every size in one file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "resources" / "icons" / "osteodesk.svg"
OUT_DIR = ROOT / "osteodesk" / "resources" / "icons"
SIZES = (256, 128, 64, 48, 32, 16)


def render_png(renderer: QSvgRenderer, size: int, target: Path) -> None:
    """Draw the SVG at size x size pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    if not image.save(str(target)):
        raise OSError(f"could not write {target}")


def main() -> int:
    """Write osteodesk-<size>.png for every size and osteodesk.ico holding all of them."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(MASTER))
    if not renderer.isValid():
        sys.stderr.write(f"render_icons: cannot read {MASTER}\n")
        return 1
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    pngs = {size: OUT_DIR / f"osteodesk-{size}.png" for size in SIZES}
    for size, target in pngs.items():
        render_png(renderer, size, target)
    # Pillow picks each ICO entry from the closest larger frame; giving it every render keeps the
    # small sizes drawn by QtSvg rather than downscaled from 256 px.
    largest, *others = (Image.open(pngs[size]) for size in SIZES)
    largest.save(
        OUT_DIR / "osteodesk.ico",
        format="ICO",
        sizes=[(size, size) for size in SIZES],
        append_images=others,
    )
    del app
    sys.stdout.write(f"render_icons: wrote {len(pngs)} PNGs and osteodesk.ico to {OUT_DIR}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
