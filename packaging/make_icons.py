"""Render the app icon (resources/icons/jimo-inspector.svg) as hicolor PNGs at the standard sizes.

Run from the repository root after changing the SVG:
``QT_QPA_PLATFORM=offscreen uv run python packaging/make_icons.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "jimo-inspector.svg"
TARGET = ROOT / "packaging" / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"{SOURCE}: not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        out = TARGET / f"{size}x{size}" / "apps" / "jimo-inspector.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(out), "PNG"):
            print(f"{out}: could not be written", file=sys.stderr)
            return 1
    print(f"{len(SIZES)} icons in {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
