"""The program's icon for every system, made from the one drawing, resources/icons/app.svg.

    python packaging/icons.py [OUT]        (OUT defaults to build/icons)

writes

    OUT/hicolor/<n>x<n>/apps/reciprocity.png   the freedesktop sizes, for Linux menus
    OUT/hicolor/scalable/apps/reciprocity.svg  the drawing itself
    OUT/reciprocity.ico                         16 to 256 pixels, for Windows
    OUT/reciprocity.icns                        16 to 1024 pixels, for macOS

Qt's own SVG renderer draws each size (the same one the program draws its icons with), so
the icon looks the same everywhere; Pillow packs the sizes into .ico and .icns, which
Qt's image writers can only write one size at a time.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
NAME = "reciprocity"

#: The sizes desktops look for in the hicolor theme.
HICOLOR = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: The sizes Windows shows: the list, small and large icons, and the 256 tile.
ICO = (16, 24, 32, 48, 64, 128, 256)
#: The sizes macOS packs into an .icns (the @2x ones among them).
ICNS = (16, 32, 64, 128, 256, 512, 1024)


def render(svg: Path, size: int):
    """*svg* drawn at *size* × *size* pixels, as a Pillow image (RGBA)."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG drawing Qt can read.")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def build(out: Path, svg: Path = SOURCE) -> list[Path]:
    """Write every icon file into *out*; returns their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage needs one
    sizes = sorted(set(HICOLOR) | set(ICO) | set(ICNS))
    images = {size: render(svg, size) for size in sizes}
    written = []
    for size in HICOLOR:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        images[size].save(target)
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    # Each size drawn at that size, not scaled down from the largest by Pillow.
    ico = out / f"{NAME}.ico"
    largest = images[max(ICO)]
    largest.save(ico, sizes=[(s, s) for s in ICO], append_images=[images[s] for s in ICO])
    written.append(ico)
    icns = out / f"{NAME}.icns"
    images[max(ICNS)].save(icns, append_images=[images[s] for s in ICNS])
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "icons")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path.relative_to(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
