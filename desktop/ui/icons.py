"""Icons drawn for Reciprocity, loaded from resources/icons."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from desktop.paths import resource_path


@cache
def icon(name: str) -> QIcon:
    """The icon resources/icons/<name>.svg."""
    return QIcon(str(resource_path(f"icons/{name}.svg")))


def app_icon() -> QIcon:
    return icon("app")
