"""What every page of the main window shares: told what changed, it reads again only what
it shows, and only when it is on screen (else at its next showing)."""

from __future__ import annotations

from typing import Any

from desktop.core.changes import Changed


class ShownOnly:
    """Mixin for a QWidget page. `shows` names what the page shows; `note_changes` is told
    of every write elsewhere. Subclasses put the reading in `recompute()`; `refresh()`
    recomputes now if the page is on screen, else at its next showing."""

    shows: Changed = Changed.EVERYTHING
    _stale = True

    def note_changes(self, changed: Changed) -> None:
        if changed & self.shows:
            self.invalidate()

    def invalidate(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self._stale = False
            self.recompute()
        else:
            self._stale = True

    def refresh(self) -> None:
        self.invalidate()

    @property
    def stale(self) -> bool:
        """Whether the page will read again when next shown."""
        return self._stale

    def recompute(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: Any) -> None:
        if self._stale:
            self._stale = False
            self.recompute()
        super().showEvent(event)  # type: ignore[misc]
