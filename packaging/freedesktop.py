"""The files Linux desktops read: the menu entry, the AppStream data and the hicolor icons.

`write_share(out, icons, date)` lays them out as they go under `~/.local/share` (or
`/usr/share`): `applications/`, `metainfo/` and `icons/hicolor/`, each named by the
program's id, so `install.sh` only copies the tree.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from desktop import APP_ID, APP_NAME, HOMEPAGE, __version__  # noqa: E402

TEMPLATES = HERE / "linux"


def fill(text: str, date: str, version: str = __version__) -> str:
    values = {
        "@APP_ID@": APP_ID,
        "@HOMEPAGE@": HOMEPAGE,
        "@VERSION@": version,
        "@DATE@": date,
        # Pinned to the release's tag, so the pictures are of the version described.
        "@SCREENSHOTS@": f"{HOMEPAGE}/raw/v{version}/resources/screenshots",
    }
    for name, value in values.items():
        text = text.replace(name, value)
    return text


def write_share(out: Path, icons: Path, date: str) -> list[Path]:
    """The share/ tree under *out*, from the icons packaging/icons.py made in *icons*."""
    written = []
    entry = out / "applications" / f"{APP_ID}.desktop"
    metainfo = out / "metainfo" / f"{APP_ID}.metainfo.xml"
    for template, target in (
        (TEMPLATES / "reciprocity.desktop", entry),
        (TEMPLATES / "metainfo.xml", metainfo),
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(fill(template.read_text("utf-8"), date), encoding="utf-8")
        written.append(target)
    for icon in sorted((icons / "hicolor").glob("*/apps/reciprocity.*")):
        target = out / "icons" / "hicolor" / icon.parent.parent.name / "apps"
        target.mkdir(parents=True, exist_ok=True)
        written.append(Path(shutil.copy2(icon, target / f"{APP_ID}{icon.suffix}")))
    return written


def readme() -> str:
    return f"""{APP_NAME} {__version__} for Linux

Install for yourself (no administrator rights needed):

    ./install.sh

{APP_NAME} then appears in your desktop's menu, and `reciprocity` runs it from a
terminal (it is linked into ~/.local/bin). To remove it again:

    ~/.local/lib/reciprocity/uninstall.sh

Your network is kept in ~/.local/share/Reciprocity, which uninstalling leaves alone.
You can also start {APP_NAME} without installing: ./reciprocity/reciprocity
"""
