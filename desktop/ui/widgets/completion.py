"""Completion lists where Enter picks a suggestion and does nothing more."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QWidget


class _EnterPicks(QObject):
    """On the open list, Enter takes the highlighted (or first) suggestion and is consumed,
    so it never also reaches the dialog's default button and saves a half-typed word."""

    def __init__(self, completer: QCompleter, on_pick: Callable[[str], None]):
        super().__init__(completer)
        self._completer = completer
        self._on_pick = on_pick

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            popup = self._completer.popup()
            index = popup.currentIndex()
            if not index.isValid():
                index = self._completer.completionModel().index(0, 0)
            popup.hide()
            if index.isValid():
                self._on_pick(index.data())
            return True
        return False


def word_completer(parent: QWidget, words: list[str], on_pick: Callable[[str], None]) -> QCompleter:
    """A case-insensitive, match-anywhere completer over *words*."""
    completer = QCompleter(QStringListModel(words, parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    # Installed after QCompleter's own filter, so it sees the keys first.
    completer.popup().installEventFilter(_EnterPicks(completer, on_pick))
    completer.activated.connect(on_pick)
    return completer


def set_words(completer: QCompleter, words: list[str]) -> None:
    model = completer.model()
    assert isinstance(model, QStringListModel)
    model.setStringList(words)
