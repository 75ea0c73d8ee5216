"""Long work reports how far it got, and can be stopped: the callback and the exception
every layer shares (the store's backups, the importers, the windows' worker). No Qt here."""

from __future__ import annotations

from collections.abc import Callable

#: Called now and then with (done, total); raising `Cancelled` from it stops the work.
Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised from a progress callback to stop the work; its transaction is rolled back,
    so nothing is written."""
