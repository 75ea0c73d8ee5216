"""The keys every list answers to: Enter edits, Delete (or Ctrl+Backspace) deletes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def bind_list_keys(view: QWidget, edit: Callable[[], None], delete: Callable[[], None]) -> None:
    """Shortcuts that act only while *view* has the focus."""
    # Built here, not at import: key sequences need the application to exist.
    edit_keys = (QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter))
    # Ctrl+Backspace is Cmd+⌫ on a Mac, whose ⌫ key is not Delete.
    delete_keys = (QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Ctrl+Backspace"))
    for keys, slot in ((edit_keys, edit), (delete_keys, delete)):
        for sequence in keys:
            shortcut = QShortcut(sequence, view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
