"""Viewing a network that cannot be written: every control that would write is disabled.

Pages mark their write controls with `mark_writes`; a window opened read-only calls
`ReadOnlyGuard.apply`, which disables them and keeps them disabled, however a page's own
selection logic turns them back on. The connection itself is opened read-only, so a
write that slipped past would be refused by SQLite and said in words, not half done.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.ui.plain import tooltip

WRITES = "reciprocityWrites"


def mark_writes(*controls: QWidget | QAction) -> None:
    """Mark buttons and actions that change the network, for read-only viewing."""
    for control in controls:
        control.setProperty(WRITES, True)


def writes(control: QObject) -> bool:
    return bool(control.property(WRITES))


class ReadOnlyGuard(QObject):
    """Keeps every marked control under a root disabled, with the reason as its tooltip."""

    def __init__(self, reason: str, parent: QObject | None = None):
        super().__init__(parent)
        self.reason = reason
        self._controls: list[QWidget | QAction] = []

    def apply(self, root: QWidget, actions: Sequence[QAction] = ()) -> None:
        found: list[QWidget | QAction] = [w for w in root.findChildren(QWidget) if writes(w)]
        found += [a for a in root.findChildren(QAction) if writes(a)]
        for control in [*found, *actions]:
            if control in self._controls:
                continue
            self._controls.append(control)
            control.setEnabled(False)
            control.setToolTip(tooltip(self.reason))
            if isinstance(control, QWidget):
                control.installEventFilter(self)
            else:
                control.changed.connect(lambda c=control: c.isEnabled() and c.setEnabled(False))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Installed on the guarded widgets only.
        if event.type() == QEvent.Type.EnabledChange and cast(QWidget, watched).isEnabled():
            cast(QWidget, watched).setEnabled(False)
        return False
