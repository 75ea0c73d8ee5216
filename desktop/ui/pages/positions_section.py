"""A person's employment history on their pane: where they work and worked, with
buttons to add, edit, end and delete positions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core import positions
from desktop.ui import errors
from desktop.ui.dialogs.position_dialog import PositionDialog
from desktop.ui.plain import confirm_delete, heading, push_button, short, tooltip
from desktop.ui.read_only import mark_writes
from desktop.ui.widgets.row_height import fit_rows

_POSITION = Qt.ItemDataRole.UserRole


class PositionsSection(QWidget):
    """The history, newest first. `written` is emitted after each change."""

    written = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = heading("", 1.1)
        self.list = QListWidget()
        self.list.setAccessibleName("Where they work and worked")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemActivated.connect(lambda _item: self.edit())
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.add_button = push_button("Add &position…")
        self.add_button.clicked.connect(self.add)
        self.edit_button = push_button("Edit…")
        self.edit_button.clicked.connect(self.edit)
        self.end_button = push_button("&Job ended…")
        self.end_button.setToolTip("They left: when, as a year, a month or a day")
        self.end_button.clicked.connect(self.end)
        self.delete_button = push_button("Delete…")
        self.delete_button.setToolTip("Remove the position from their history")
        self.delete_button.clicked.connect(self.delete)
        mark_writes(self.add_button, self.edit_button, self.end_button, self.delete_button)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.edit_button, self.end_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._person_id: int | None = None

    def show_person(self, person_id: int | None) -> None:
        self._person_id = person_id
        self.list.clear()
        self.setVisible(person_id is not None)
        if person_id is None:
            return
        found = positions.positions_of(person_id)
        self.heading.setText(f"Positions ({len(found)})" if found else "No positions known")
        for row in found:
            source = positions.SOURCE_WORDS[row.source]
            text = row.words()
            item = QListWidgetItem(f"{'Now: ' if row.current else ''}{text}")
            item.setData(_POSITION, row.id)
            item.setToolTip(tooltip(f"{text}\nLearned from: {source}"))
            self.list.addItem(item)
        self.list.setVisible(bool(found))
        fit_rows(self.list, len(found), fewest=1, most=8)
        if found:
            self.list.setCurrentRow(0)
        self._enable()

    def _selected(self) -> positions.PositionRow | None:
        item = self.list.currentItem()
        if item is None:
            return None
        try:
            return positions.get_position(int(item.data(_POSITION)))
        except LookupError:  # gone meanwhile: the pane is shown again after every write
            return None

    def _enable(self) -> None:
        chosen = self._selected()
        for button in (self.edit_button, self.end_button, self.delete_button):
            button.setVisible(self.list.count() > 0)  # nothing to act on: Add alone
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(chosen is not None)
        self.end_button.setEnabled(chosen is not None and bool(chosen.current))

    def _open(self, position_id: int | None, *, ending: bool = False) -> None:
        if self._person_id is None:
            return
        saved = PositionDialog.edit(self, position_id, person_id=self._person_id, ending=ending)
        if saved is not None:
            self.written.emit()

    def add(self) -> None:
        self._open(None)

    def edit(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self._open(chosen.id)

    def end(self) -> None:
        chosen = self._selected()
        if chosen is not None and chosen.current:
            self._open(chosen.id, ending=True)

    def delete(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        details = (
            "It is their company and title now: they will have none."
            if chosen.current
            else "The rest of their history stays."
        )
        question = f"Delete {short(chosen.words())} from their history?"
        if not confirm_delete(self, "Delete position", question, details):
            return
        if errors.attempt_delete(self, "position", lambda: positions.delete_position(chosen.id)):
            self.written.emit()
