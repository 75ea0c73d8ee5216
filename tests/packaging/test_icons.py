"""packaging/icons.py: every icon file made from the one drawing, each size drawn at
that size."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def _icons_module():
    spec = importlib.util.spec_from_file_location("icons", ROOT / "packaging" / "icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_system_gets_its_icon_at_every_size(tmp_path, qapp):
    icons = _icons_module()
    written = icons.build(tmp_path)

    for size in icons.HICOLOR:
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "reciprocity.png"
        assert png in written
        with Image.open(png) as image:
            assert image.size == (size, size) and image.mode == "RGBA"
            # Drawn, not blank: the corners are transparent and the middle is not.
            assert image.getpixel((0, 0))[3] == 0
            assert image.getpixel((size // 2, size // 4))[3] == 255
    scalable = tmp_path / "hicolor" / "scalable" / "apps" / "reciprocity.svg"
    assert scalable.read_bytes() == icons.SOURCE.read_bytes()
    with Image.open(tmp_path / "reciprocity.ico") as ico:
        assert sorted(ico.info["sizes"]) == [(s, s) for s in icons.ICO]
        ico.size = (16, 16)  # the 16-pixel one is drawn at 16, not scaled down
        small = ico.convert("RGBA")
    with Image.open(tmp_path / "hicolor" / "16x16" / "apps" / "reciprocity.png") as drawn:
        assert small.tobytes() == drawn.convert("RGBA").tobytes()
    with Image.open(tmp_path / "reciprocity.icns") as icns:
        assert icns.size == (1024, 1024)
        assert (16, 16, 2) in icns.info["sizes"] and (512, 512, 2) in icns.info["sizes"]


@pytest.mark.qt_log_ignore("Cannot read file")  # Qt's own words, before ours
def test_a_drawing_qt_cannot_read_is_said_in_words(tmp_path, qapp):
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg")
    with pytest.raises(SystemExit, match="is not an SVG drawing Qt can read"):
        _icons_module().build(tmp_path / "out", broken)
