"""The shared shape of a list page: search, a lazy table, a detail pane, add/edit/delete."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import companies
from desktop.core.changes import CASCADE, Changed
from desktop.ui.models.id_table import IdTableModel
from desktop.ui.pages.lazy import ShownOnly
from desktop.ui.plain import heading, plain_label, push_button
from desktop.ui.read_only import mark_writes
from desktop.ui.widgets.columns import FittedColumns
from desktop.ui.widgets.completion import word_completer
from desktop.ui.widgets.list_keys import bind_list_keys

Filter = TypeVar("Filter", QComboBox, QLineEdit)  # what a list may be filtered with


def company_filter(parent: QWidget) -> QLineEdit:
    """A company name box for filtering a list, completing from the companies there are."""
    field = QLineEdit()
    field.setClearButtonEnabled(True)
    field.setPlaceholderText("Any company")
    field.setCompleter(word_completer(parent, companies.company_names(), field.setText))
    return field


class EmptyState(QWidget):
    """What a page shows before it has anything: a sentence and the buttons to begin."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = heading(title, 1.3)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = plain_label(text)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setMaximumWidth(540)
        # A wrapped label given an alignment in its layout gets a one-line height, so it
        # sits between stretches instead.
        line = QHBoxLayout()
        line.addStretch(1)
        line.addWidget(self.text, 100)
        line.addStretch(1)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.first_button: QPushButton | None = None
        layout.addWidget(self.title)
        layout.addLayout(line)
        layout.addSpacing(12)
        layout.addLayout(self.buttons)
        layout.addStretch(2)

    def add_button(self, text: str) -> QPushButton:
        button = push_button(text, self)
        self.buttons.addWidget(button)
        if self.first_button is None:
            self.first_button = button
        return button

    def finish(self) -> None:
        self.buttons.addStretch(1)


class ListPage(ShownOnly, QWidget):
    """Subclasses supply the model, the pane, and what new / edit / delete do, and say
    what a save and a delete of theirs touch (`saves`, `deletes`)."""

    read_only = False  # a network opened for viewing: no forms, no deletes
    _stale = False  # the list is read as the page is made
    saves: Changed = Changed.EVERYTHING
    deletes: Changed = CASCADE

    selection_changed = Signal(object)  # the selected id, or None
    data_changed = Signal(object)  # the Changed this page's write touched

    def __init__(
        self,
        title: str,
        model: IdTableModel,
        pane: QWidget,
        noun: tuple[str, str],
        new_label: str,
        empty: EmptyState,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.model = model
        self.pane = pane
        self._noun = noun
        self.title = heading(title)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        search_label = QLabel("&Search")
        search_label.setBuddy(self.search)
        self.search.setAccessibleName("Search")
        self.count_label = plain_label(wrap=False)
        self.new_button = push_button(new_label)
        self.edit_button = push_button("Ed&it")
        self.delete_button = push_button("&Delete")
        mark_writes(self.new_button, self.edit_button, self.delete_button)

        self.table = QTableView()
        self.table.setAccessibleName(title)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setHighlightSections(False)
        self.columns = FittedColumns(self.table)  # sized to what they hold, and fitted

        self.empty = empty
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty)
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(pane)
        # Both grow with the window, the list a little faster; placed at first showing
        # (see showEvent) unless the person's own place is restored.
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        pane.setMinimumWidth(300)
        self.splitter = splitter
        self._split_placed = False

        self.top = top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addSpacing(8)
        for button in (self.new_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        self.filters = QHBoxLayout()  # pages with filters beyond the search add them here
        self._filter_fields: list[QComboBox | QLineEdit] = []
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.filters)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        bind_list_keys(self.table, self.edit_current, self.delete_current)
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.reload()

    # -- the layout the person chose -------------------------------------------------------
    def save_layout(self, settings: QSettings, key: str) -> None:
        """Where the splitter is and, if the person sized them, the columns' widths."""
        settings.setValue(f"layout/{key}/splitter", self.splitter.saveState())
        columns = self.columns.save()
        if columns is not None:
            settings.setValue(f"layout/{key}/columns", columns)

    def restore_layout(self, settings: QSettings, key: str) -> None:
        split = settings.value(f"layout/{key}/splitter")
        if isinstance(split, QByteArray) and self.splitter.restoreState(split):
            self._split_placed = True
        columns = settings.value(f"layout/{key}/columns")
        self.columns.restore(columns if isinstance(columns, QByteArray) else None)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._split_placed and self.splitter.width() > 0:
            self._split_placed = True  # the list five parts to the pane's three, at first
            room = self.splitter.width() - self.splitter.handleWidth()
            pane = max(self.pane.minimumWidth(), room * 3 // 8)
            self.splitter.setSizes([room - pane, pane])
        super().showEvent(event)

    def add_filter(self, text: str, field: Filter) -> Filter:
        """A labelled filter on the row under the search; the row ends with a stretch."""
        if self.filters.count():
            self.filters.takeAt(self.filters.count() - 1)  # the count
            self.filters.takeAt(self.filters.count() - 1)  # the stretch before it
            self.filters.addSpacing(12)
        else:  # the count moves down beside the filters, where it says what they hide
            self.top.takeAt(self.top.indexOf(self.count_label))
        label = QLabel(text)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", ""))
        self._filter_fields.append(field)
        self.filters.addWidget(label)
        self.filters.addWidget(field)
        self.filters.addStretch(1)
        self.filters.addWidget(self.count_label)
        return field

    # -- to be supplied by subclasses ---------------------------------------------------
    def total_count(self) -> int:
        raise NotImplementedError

    def open_editor(self, item_id: int | None) -> int | None:
        raise NotImplementedError

    def confirm_and_delete(self, item_id: int) -> bool:
        raise NotImplementedError

    def show_in_pane(self, item_id: int | None) -> None:
        raise NotImplementedError

    def after_save(self, item_id: int) -> None:
        """Called once the list shows a saved record: a page may follow up on it."""

    # -- behaviour ------------------------------------------------------------------------
    def focus_start(self) -> None:
        """Where typing begins: the search box, or the first button of an empty page."""
        if self.stack.currentWidget() is self.empty and self.empty.first_button is not None:
            self.empty.first_button.setFocus()
        else:
            self.search.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select_id(self, item_id: int | None, *, reveal: bool = True) -> bool:
        """Select the row of *item_id*; with *reveal*, clear a search that hides it."""
        if item_id is None:
            return False
        row = self.model.row_of(item_id)
        if row < 0 and reveal and (self.search.text() or self.reset_filters()):
            # A record just saved or asked for is never hidden. setText, not clear():
            # the program's clearing is no typing of the person's for Ctrl+Z to undo.
            self.search.setText("")
            row = self.model.row_of(item_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        # The cursor first (where Shift and the arrows extend from), then the row alone:
        # a list that selects several would toggle it if Ctrl were held down.
        self.table.setCurrentIndex(index)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def refresh(self, select: int | None = None) -> None:
        """Read the list again (after a change elsewhere), keeping or setting the selection."""
        keep = select if select is not None else self.current_id()
        self.model.reload()
        if not self.select_id(keep):
            self.show_in_pane(None)

    def recompute(self) -> None:
        self.refresh()

    def _written(self, select: int | None, changed: Changed | None = None) -> None:
        self.refresh(select)
        self.data_changed.emit(self.saves if changed is None else changed)

    def new_item(self) -> None:
        if self.read_only:
            return
        saved = self.open_editor(None)
        if saved is not None:
            self._written(saved)
            self.after_save(saved)

    def edit_current(self) -> None:
        item_id = self.current_id()
        if self.read_only or item_id is None:
            return
        if self.open_editor(item_id) is not None:
            self._written(item_id)
            self.after_save(item_id)

    def delete_current(self) -> None:
        item_id = self.current_id()
        if self.read_only or item_id is None:
            return
        row = self.table.currentIndex().row()
        if self.confirm_and_delete(item_id):
            self.model.reload()
            neighbour = self.model.id_at(min(row, self.model.rowCount() - 1))
            if not self.select_id(neighbour):
                self.show_in_pane(None)
            self.data_changed.emit(self.deletes)

    def _search_changed(self, text: str) -> None:
        self.refilter(lambda: self.model.set_filter(text))

    def refilter(self, change) -> None:
        """Apply a filter *change*, keeping the selection if it is still listed, else
        selecting the first row, else emptying the pane."""
        keep = self.current_id()
        change()
        if self.select_id(keep, reveal=False):
            return
        if self.model.rowCount():
            self.select_id(self.model.id_at(0))
        else:
            self.show_in_pane(None)

    def reset_filters(self) -> bool:
        """Clear the filters beyond the search; True if any was set."""
        was_set = False
        for field in self._filter_fields:
            if isinstance(field, QComboBox):
                was_set |= field.currentIndex() != 0
                field.setCurrentIndex(0)
            else:
                was_set |= bool(field.text())
                field.clear()
        return was_set

    def _after_reset(self) -> None:
        shown, total = self.model.rowCount(), self.total_count()
        singular, plural = self._noun
        if shown != total:  # a search or filter hides some
            self.count_label.setText(f"{shown:,} of {total:,} {plural}")
        else:
            self.count_label.setText(f"{total:,} {singular if total == 1 else plural}")
        empty = total == 0
        self.stack.setCurrentWidget(self.empty if empty else self.table)
        self.pane.setVisible(not empty)
        self.search.setEnabled(not empty)
        for index in range(self.filters.count()):
            item = self.filters.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.count_label:
                widget.setVisible(not empty)
        has_rows = shown > 0
        self.edit_button.setEnabled(has_rows)
        self.delete_button.setEnabled(has_rows)

    def _selection_changed(self) -> None:
        item_id = self.current_id()
        self.edit_button.setEnabled(item_id is not None)
        self.delete_button.setEnabled(item_id is not None)
        self.show_in_pane(item_id)
        self.selection_changed.emit(item_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search box moves into the list, ready for Enter / Delete."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.model.rowCount()
        ):
            if self.current_id() is None:
                self.select_id(self.model.id_at(0))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)
