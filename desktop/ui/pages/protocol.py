"""What the main window asks of each of its pages."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance

from desktop.core.changes import Changed


class Page(Protocol):
    """A page of the main window: it says what it shows, is told what each write touched
    (and reads again now if on screen, else when next shown), and says what its own
    writes touched through `data_changed`."""

    shows: Changed

    @property
    def data_changed(self) -> SignalInstance: ...

    @property
    def stale(self) -> bool: ...

    def note_changes(self, changed: Changed) -> None: ...

    def focus_start(self) -> None:
        """Where typing begins when the page is shown."""

    def focus_search(self) -> None:
        """Ctrl+F: the page's search, or its first field."""
