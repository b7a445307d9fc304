"""Render Reader's SVG icon to the hicolor PNG sizes, with Qt's own SVG renderer.

`uv run python packaging/render_icons.py` rewrites resources/icons/hicolor/NxN/apps/*.png
from resources/icons/hicolor/scalable/apps/*.svg,
and resources/icons/windows/reader.ico. The PNGs are committed: the window
icon, the wheel and the bundles use them without rendering anything at run time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.reader_app.Reader"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, target: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons.py: {svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"render_icons.py: {target}: could not be written")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    for size in SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render(SVG, size, target)
        print(target.relative_to(ROOT))
    # Windows: one .ico holding the sizes Explorer and the task bar ask for (Pillow,
    # which fpdf2 brings). The installer and reader.exe use it.
    from PIL import Image

    ico = ROOT / "resources" / "icons" / "windows" / "reader.ico"
    ico.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(HICOLOR / "256x256" / "apps" / f"{APP_ID}.png") as image:
        image.save(ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    print(ico.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
