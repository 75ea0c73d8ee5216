"""Skill aliases: the short forms that matching treats as the skills they stand for."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import aliases
from desktop.core.validation import Problems
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.plain import counted, plain_label, tooltip
from desktop.ui.widgets.form import ERROR_STYLE
from desktop.ui.widgets.list_keys import bind_list_keys

EXPLANATION = (
    "Reciprocity treats each short form as the skill it stands for when it compares"
    " skills, so someone offering JS matches a need for JavaScript."
)
COLUMNS = ("Short form", "Stands for")
FIELDS = ("alias", "skill")  # the keys validate_aliases uses for the two columns
ERROR_COLOR = QColor("#b3261e")
MESSAGES_SHOWN = 3  # more would push the buttons about; the rest are counted


class _CellEditor(QStyledItemDelegate):
    """A line edit per cell that hands over every keystroke, so checks run as you type."""

    def createEditor(self, parent, option, index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAccessibleName(COLUMNS[index.column()])
        editor.textEdited.connect(lambda _text: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor, index) -> None:
        text = index.data() or ""
        if editor.text() != text:  # an update from our own keystroke: keep the cursor
            editor.setText(text)

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.text())


class _Table(QTableWidget):
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.currentIndex().isValid():  # messages below come and go: keep the row in view
            self.scrollTo(self.currentIndex())


class AliasesDialog(RecordDialog):
    """Edit the whole list of aliases; Save replaces it in one go."""

    noun = "skill aliases"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, 1)  # the list is edited as one record: never 'New'
        self.setWindowTitle("Skill aliases")
        self.explanation = plain_label(EXPLANATION)

        self.table = _Table(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(
            triggers.DoubleClicked
            | triggers.EditKeyPressed
            | triggers.AnyKeyPressed
            | triggers.SelectedClicked
        )
        self.table.setItemDelegate(_CellEditor(self.table))
        self.table.setAccessibleName("Skill aliases")
        self.table.setAccessibleDescription(EXPLANATION)
        bind_list_keys(self.table, self.edit_current, self.remove_selected)

        self.add_button = self._button("&Add", "Add an alias", self.add_alias)
        self.remove_button = self._button(
            "&Remove", "Remove the selected aliases", self.remove_selected
        )
        self.message = plain_label()
        self.message.setObjectName("message_aliases")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.explanation)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        column.addWidget(self.message)
        self.lay_out(column)
        self.resize(520, 520)

        for alias in aliases.list_aliases():
            self._append_row(alias.alias, alias.skill)
        # A bound method, not a lambda holding self: the dialog is freed once closed.
        self.table.itemChanged.connect(self._item_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_remove)
        if self.table.rowCount():
            self.table.setCurrentCell(0, 0)
        self._update_remove()
        self.revalidate()
        self.table.setFocus()

    def _button(self, text: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)  # Enter belongs to Save
        button.clicked.connect(slot)
        return button

    # -- rows -----------------------------------------------------------------------------
    def _append_row(self, alias: str = "", skill: str = "") -> int:
        row = self.table.rowCount()
        with QSignalBlocker(self.table):  # a half-made row is not an edit to check
            self.table.insertRow(row)
            for column, text in enumerate((alias, skill)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    def _filled(self) -> tuple[list[tuple[str, str]], list[int]]:
        """The rows with any text, as (alias, skill) pairs, and their row numbers.

        Wholly blank rows are what Add leaves before anything is typed: they are skipped,
        not refused, so an unused Add neither blocks Save nor counts as a change.
        """
        pairs, rows = [], []
        for row in range(self.table.rowCount()):
            pair = tuple(self._text(row, column) for column in range(len(COLUMNS)))
            if any(text.strip() for text in pair):
                pairs.append((pair[0], pair[1]))
                rows.append(row)
        return pairs, rows

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def add_alias(self) -> None:
        """A new blank row at the end, its short form open for typing."""
        row = self._append_row()
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        assert item is not None  # _append_row filled the row
        self.table.scrollToItem(item)
        self.table.editItem(item)

    def edit_current(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            self.table.editItem(item)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        if not rows:
            return
        for row in reversed(rows):
            self.table.removeRow(row)
        if self.table.rowCount():  # select what moved up, so Delete can be pressed again
            self.table.setCurrentCell(min(rows[0], self.table.rowCount() - 1), 0)
        self.revalidate()

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        self.revalidate()

    def _update_remove(self, *_args) -> None:
        selected = bool(self.table.selectedIndexes())
        if self.remove_button.isEnabled() != selected:
            self.remove_button.setEnabled(selected)

    # -- RecordDialog hooks -----------------------------------------------------------------
    def data(self) -> list[tuple[str, str]]:
        return self._filled()[0]

    def record_name(self) -> str:
        return "the skill aliases"

    def problems(self) -> Problems:
        return aliases.validate_aliases(self.data())

    def not_saved(self) -> str:
        return "The skill aliases were not saved"

    def write(self) -> int:
        """Save the list; returns how many aliases it holds."""
        pairs = self.data()
        aliases.save_aliases(pairs)
        return len(pairs)

    def revalidate(self) -> bool:
        ok = super().revalidate()  # Save and its tooltip
        pairs, rows = self._filled()
        errors = aliases.validate_aliases(pairs).errors
        by_cell = {}  # (table row, column) -> message
        for key, message in errors.items():
            index, field = key.split(".")
            by_cell[rows[int(index)], FIELDS.index(field)] = message
        # Touch only the cells and label whose state changed: every call into Qt repaints,
        # and this runs on each keystroke.
        changed = []
        for row in range(self.table.rowCount()):
            for column in range(len(COLUMNS)):
                item = self.table.item(row, column)
                message = by_cell.get((row, column), "")
                if item is not None and item.toolTip() != tooltip(message):
                    changed.append((item, message))
        if changed:
            warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            with QSignalBlocker(self.table):  # marking cells is not an edit
                for item, message in changed:
                    item.setData(Qt.ItemDataRole.ForegroundRole, ERROR_COLOR if message else None)
                    item.setData(Qt.ItemDataRole.DecorationRole, warning if message else None)
                    item.setToolTip(tooltip(message))
        messages = [by_cell[cell] for cell in sorted(by_cell)]
        shown = messages[:MESSAGES_SHOWN]
        if len(messages) > MESSAGES_SHOWN:
            rest = counted(len(messages) - MESSAGES_SHOWN, "more problem")
            shown.append(f"…and {rest}.")
        if self.message.text() != "\n".join(shown):
            self.message.setText("\n".join(shown))
            self.message.setVisible(bool(shown))
        return ok

    @classmethod
    def edit(cls, parent: QWidget | None) -> bool:
        """Open the dialog; True when the aliases were saved."""
        return cls(parent).exec() == QDialog.DialogCode.Accepted
