"""Type a few letters of a name and pick the person, even among 30,000."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop.core import people
from desktop.ui.widgets.completion import popup_of

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class PersonPicker(QLineEdit):
    """Suggestions come from the database as you type (a few at a time, never everyone).

    `person_id()` is the chosen person; a typed name nobody has leaves it None and
    `typed_name()` says what was typed, so a form can offer to add that person.
    """

    person_changed = Signal()

    def __init__(self, parent: QWidget | None = None, limit: int = 12):
        super().__init__(parent)
        self._id: int | None = None
        self._limit = limit
        self._model = QStandardItemModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(NAME_ROLE)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # PySide6's stubs leave out SignalInstance.__getitem__, which picks an overload.
        completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        self.setCompleter(completer)
        popup_of(completer).installEventFilter(self)
        self.setPlaceholderText("Type a name")
        self.textEdited.connect(self._typed)

    # -- public -----------------------------------------------------------------------
    def person_id(self) -> int | None:
        return self._id

    def typed_name(self) -> str:
        return " ".join(self.text().split())

    def set_person(self, person_id: int | None) -> None:
        self._id = person_id
        self.setText(people.person_name(person_id) if person_id else "")
        self.person_changed.emit()

    def resolve(self) -> int | None:
        """Take a typed name that exactly matches someone as choosing them."""
        if self._id is None and self.typed_name():
            self._id = people.person_named(self.typed_name())
            if self._id is not None:
                self.person_changed.emit()
        return self._id

    # -- behaviour ------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self._id = None
        self._model.clear()
        for choice in people.find_people(text, self._limit):
            label = f"{choice.name} — {choice.company}" if choice.company else choice.name
            item = QStandardItem(label)
            item.setData(choice.name, NAME_ROLE)
            item.setData(choice.id, ID_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        if self._model.rowCount():
            self.completer().complete()
        self.person_changed.emit()

    def _chosen(self, index: QModelIndex) -> None:
        self._id = index.data(ID_ROLE)
        self.setText(index.data(NAME_ROLE))
        self.person_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the suggestions picks the highlighted (or first) one and stops there."""
        if (
            watched is self.completer().popup()
            and event.type() == QEvent.Type.KeyPress
            and cast(QKeyEvent, event).key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            popup = popup_of(self.completer())
            index = popup.currentIndex()
            if not index.isValid():
                index = self.completer().completionModel().index(0, 0)
            popup.hide()
            if index.isValid():
                self._chosen(index)
            return True
        return super().eventFilter(watched, event)
