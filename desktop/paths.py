"""Where things live: bundled resources and the user's data folder. No Qt here."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path

APP_DIR_NAME = "Reciprocity"
DATABASE_NAME = "reciprocity.sqlite3"
SAMPLE_NAME = "sample-network.sqlite3"


def resource_roots() -> list[Path]:
    """Folders that may hold `resources/`, most specific first.

    A frozen bundle unpacks next to `sys._MEIPASS` (PyInstaller) or the executable; an
    installed wheel carries them as `desktop/resources`; a source checkout has them at the
    top level beside `desktop/`.
    """
    package = Path(__file__).resolve().parent
    roots = []
    if getattr(sys, "frozen", False):
        bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        roots.append(bundle / "resources")
    roots += [package / "resources", package.parent / "resources"]
    return roots


def resource_path(relative: str, roots: list[Path] | None = None) -> Path:
    """The path of a bundled file such as 'icons/app.svg'; FileNotFoundError if missing."""
    for root in roots if roots is not None else resource_roots():
        candidate = root / relative
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"Reciprocity's resource file {relative!r} is missing.")


def data_dir() -> Path:
    """The user's Reciprocity folder (not created here)."""
    return user_data_path(APP_DIR_NAME, appauthor=False, roaming=False)


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME


def sample_database_path() -> Path:
    return data_dir() / SAMPLE_NAME
