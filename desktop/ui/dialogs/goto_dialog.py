"""Go to anything (Ctrl+K): type a few letters of a person, company, need, opportunity,
action or command; arrows move, Enter opens, Escape closes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import goto
from desktop.ui.icons import icon
from desktop.ui.plain import plain_label, tooltip

HIT_ROLE = Qt.ItemDataRole.UserRole
ICONS = {
    "command": "log-action",
    "person": "people",
    "company": "companies",
    "need": "needs",
    "opportunity": "opportunities",
    "action": "timeline",
}
MOVES = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 10,
    Qt.Key.Key_PageUp: -10,
}


class GoToDialog(QDialog):
    """The box and what it finds; `chosen` carries the Hit opened."""

    chosen = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        commands: Sequence[goto.Command],
        search: Callable[[str, Sequence[goto.Command]], list[goto.Hit]] = goto.search,
    ):
        super().__init__(parent)
        self.setWindowTitle("Go to anything")
        self.commands = list(commands)
        self._search = search
        self.box = QLineEdit()
        self.box.setAccessibleName("Go to")
        self.box.setPlaceholderText("A person, company, need, opportunity, action or command")
        self.box.setClearButtonEnabled(True)
        label = QLabel("&Go to")
        label.setBuddy(self.box)
        self.found = QTreeWidget()
        self.found.setAccessibleName("Found")
        self.found.setHeaderLabels(["Name", "What"])
        self.found.setRootIsDecorated(False)
        self.found.setUniformRowHeights(True)
        self.found.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.found.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays in the box
        self.found.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.found.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.status = plain_label("Type to find anything; ↑ ↓ to choose, Enter to open.")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.box)
        layout.addWidget(self.found, 1)
        layout.addWidget(self.status)
        self.resize(720, 460)
        self.found.setColumnWidth(1, 280)
        self.box.textChanged.connect(self.look)
        self.box.installEventFilter(self)
        self.found.itemActivated.connect(lambda item, _column: self._open(item))
        self.look("")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()  # the typing goes to the box at once, from wherever it was
        self.box.setFocus()

    # -- finding --------------------------------------------------------------------------
    def look(self, text: str) -> None:
        self.found.clear()
        hits = self._search(text, self.commands) if text.strip() else []
        for hit in hits:
            what = goto.KIND_WORDS[hit.kind] + (f" · {hit.detail}" if hit.detail else "")
            item = QTreeWidgetItem([hit.title, what])
            item.setData(0, HIT_ROLE, hit)
            item.setIcon(0, icon(ICONS[hit.kind]))
            item.setToolTip(0, tooltip(hit.title))
            item.setToolTip(1, tooltip(what))
            self.found.addTopLevelItem(item)
        first = self.found.topLevelItem(0)
        if first is not None:
            self.found.setCurrentItem(first)
        if not text.strip():
            self.status.setText("Type to find anything; ↑ ↓ to choose, Enter to open.")
        elif not hits:
            self.status.setText(f"Nothing found for “{text.strip()}”.")
        else:
            self.status.setText("↑ ↓ to choose, Enter to open, Escape to close.")

    def hits(self) -> list[goto.Hit]:
        return [
            cast(goto.Hit, item.data(0, HIT_ROLE))
            for i in range(self.found.topLevelItemCount())
            if (item := self.found.topLevelItem(i)) is not None
        ]

    # -- keys -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event).key()
            if key in MOVES:
                self._move(MOVES[Qt.Key(key)])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.found.currentItem()
                if current is not None:
                    self._open(current)
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        count = self.found.topLevelItemCount()
        if not count:
            return
        current = self.found.currentItem()
        row = self.found.indexOfTopLevelItem(current) if current is not None else -1
        item = self.found.topLevelItem(max(0, min(count - 1, row + step)))
        if item is not None:
            self.found.setCurrentItem(item)
            self.found.scrollToItem(item)

    def _open(self, item: QTreeWidgetItem) -> None:
        hit = item.data(0, HIT_ROLE)
        self.accept()
        self.chosen.emit(hit)
