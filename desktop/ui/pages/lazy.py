"""Pages whose figures cost a full pass over the timeline: worked out only when shown."""

from __future__ import annotations


class ShownOnly:
    """Mixin for a QWidget page: `refresh()` recomputes now if the page is on screen, else
    at its next showing. Subclasses put the work in `recompute()`."""

    _stale = True

    def refresh(self) -> None:
        if self.isVisible():
            self._stale = False
            self.recompute()
        else:
            self._stale = True

    def recompute(self) -> None:
        raise NotImplementedError

    def showEvent(self, event) -> None:
        if self._stale:
            self._stale = False
            self.recompute()
        super().showEvent(event)
