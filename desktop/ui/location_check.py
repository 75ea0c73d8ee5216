"""At start: warn once about a network in a synced or network folder, and move it if asked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from desktop import APP_NAME, locations, paths
from desktop.store import connection
from desktop.store.instance import key
from desktop.store.relocation import MoveRefused, move_database
from desktop.ui import plain
from desktop.ui.dialogs.location_warning import KEEP, MOVE, LocationWarning
from desktop.ui.single_instance import Guard

GROUP = "location-warning"


def ask(parent: QWidget | None, path: Path, reason: str, folder: Path | None) -> str:
    """The warning itself (replaced in tests)."""
    return LocationWarning.ask(parent, path, reason, folder)


def report(parent: QWidget | None, text: str) -> None:
    """Say why the move did not happen (replaced in tests)."""
    plain.show_error(parent, APP_NAME, text)


def _setting(kind: str, path: Path) -> str:
    return f"{GROUP}/{kind}/{key(path)}"


def settle(
    parent: QWidget | None,
    settings: QSettings,
    path: Path,
    guard: Guard,
    *,
    data_folder: Path | None = None,
    risky: Callable[[Path], str | None] = locations.risky_location,
) -> Path:
    """The network to open: *path*, or where it was moved to, now or at an earlier start.

    Call it once *path* is claimed and before anything opens it. It never raises: a move
    that cannot be made is reported and the network opens where it is.
    """
    moved = settings.value(_setting("moved", path))
    if moved and not path.exists() and Path(moved).exists():
        return Path(moved)  # moved at an earlier start; this spelling still finds it
    reason = risky(path)
    if reason is None or settings.value(_setting("kept", path)):
        return path
    safe = data_folder or paths.data_dir()
    # Only a move to a safe place is worth offering (a file already there is not safe).
    folder = safe if risky(safe / path.name) is None else None
    choice = ask(parent, path, reason, folder)
    if choice == KEEP:
        settings.setValue(_setting("kept", path), str(path))
        settings.sync()
    if choice != MOVE or folder is None:
        return path
    try:
        guard.claim(folder / path.name)  # no other window may open it while it arrives
        target = move_database(path, folder)
    except (MoveRefused, connection.DatabaseError) as exc:
        guard.settle(path)
        report(parent, str(exc))
        return path
    settings.setValue(_setting("moved", path), str(target))
    settings.sync()
    return target
