"""Completion lists where Enter picks a suggestion and does nothing more."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QWidget


def popup_of(completer: QCompleter) -> QAbstractItemView:
    """The completer's list, which QCompleter makes when first asked, so never None."""
    popup = completer.popup()
    assert popup is not None
    return popup


class _EnterPicks(QObject):
    """On the open list, Enter takes the highlighted (or first) suggestion and is consumed,
    so it never also reaches the dialog's default button and saves a half-typed word."""

    def __init__(self, completer: QCompleter, on_pick: Callable[[str], None]):
        super().__init__(completer)
        self._completer = completer
        self._on_pick = on_pick

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and cast(QKeyEvent, event).key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            popup = popup_of(self._completer)
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
    popup_of(completer).installEventFilter(_EnterPicks(completer, on_pick))
    completer.activated.connect(on_pick)
    return completer


def set_words(completer: QCompleter, words: list[str]) -> None:
    model = completer.model()
    assert isinstance(model, QStringListModel)
    model.setStringList(words)
