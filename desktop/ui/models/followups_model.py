"""The Follow-ups page's list: one section per bucket, its rows made only when drawn.

Tens of thousands of people can be past their keep-in-touch date; a model that works out a
row's text when the view asks for it shows them at once, where one widget item per row
held the window for most of a second.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.core import actions, followups
from desktop.ui import plain
from desktop.ui.icons import icon

Index = QModelIndex | QPersistentModelIndex
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "follow_up" or "reach_out"
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # action id or person id
SECTIONS = ("overdue", "today", "this_week", "reach_out", "later")
TITLES = {
    "overdue": "Overdue",
    "today": "Due today",
    "this_week": "Due in the next 7 days",
    "reach_out": "Time to reach out",
    "later": "Later",
}
HEADERS = ("When", "Who", "What", "Company")
_ROOT = QModelIndex()
_TOP = 0  # the internal id of a section's index; a row's is its section's number + 1


class Row(NamedTuple):
    kind: str  # "follow_up" or "reach_out"
    item_id: int  # the action's id, or the person's
    texts: tuple[str, str, str, str]
    icon: str  # the kind's icon name, or ''


def row_of(key: str, entry: Any, today: date) -> Row:
    """What a row shows of a follow-up or of someone to reach out to."""
    if key == "reach_out":
        when = f"{plain.counted(entry.days_overdue, 'day')} late"
        last = entry.last_contact.isoformat() if entry.last_contact else "never"
        what = f"Keep in touch every {entry.cadence_days} days · last contact {last}"
        return Row("reach_out", entry.person_id, (when, entry.person, what, entry.company), "")
    late = (today - entry.due_on).days
    when = entry.due_on.isoformat() + (f" · {plain.counted(late, 'day')} late" if late > 0 else "")
    what = f"{actions.KIND_LABELS[entry.kind]}: {entry.summary}"
    texts = (when, entry.person, what, entry.company)
    return Row("follow_up", entry.action_id, texts, f"kind-{entry.kind}")


class FollowUpsModel(QAbstractItemModel):
    """Sections in SECTIONS order, each with the buckets' entries, soonest first."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._today = date.today()
        self._entries: list[list[Any]] = [[] for _ in SECTIONS]
        self._rows: dict[tuple[int, int], Row] = {}  # made as drawn
        self._places: dict[tuple[str, int], tuple[int, int]] | None = None
        self._bold: QFont | None = None

    def set_buckets(self, found: followups.Buckets, today: date) -> None:
        self.beginResetModel()
        self._today = today
        self._entries = [list(getattr(found, key)) for key in SECTIONS]
        self._rows = {}
        self._places = None
        self.endResetModel()

    # -- what the page asks -----------------------------------------------------------
    def count(self, key: str) -> int:
        return len(self._entries[SECTIONS.index(key)])

    def section_index(self, key: str) -> QModelIndex:
        return self.index(SECTIONS.index(key), 0)

    def row(self, section: int, row: int) -> Row:
        found = self._rows.get((section, row))
        if found is None:
            found = row_of(SECTIONS[section], self._entries[section][row], self._today)
            self._rows[(section, row)] = found
        return found

    def place_of(self, kind: str, item_id: int) -> tuple[int, int] | None:
        """The (section, row) listing this follow-up or person, if any."""
        if self._places is None:
            self._places = {}
            for section, entries in enumerate(self._entries):
                which = "reach_out" if SECTIONS[section] == "reach_out" else "follow_up"
                for row, entry in enumerate(entries):
                    key = entry.person_id if which == "reach_out" else entry.action_id
                    self._places.setdefault((which, key), (section, row))
        return self._places.get((kind, item_id))

    def entry_index(self, section: int, row: int, column: int = 0) -> QModelIndex:
        return self.index(row, column, self.index(section, 0))

    # -- the model ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(SECTIONS)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._entries[parent.row()])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and index.internalId() == _TOP:
            return Qt.ItemFlag.ItemIsEnabled  # a heading, not a choice
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._section_data(index, role)
        found = self.row(index.internalId() - 1, index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return found.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tooltip(found.texts[column])
        if role == Qt.ItemDataRole.DecorationRole and column == 2 and found.icon:
            return icon(found.icon)
        if role == KIND_ROLE:
            return found.kind
        if role == ID_ROLE:
            return found.item_id
        return None

    def _section_data(self, index: Index, role: int) -> Any:
        key = SECTIONS[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{TITLES[key]} ({self.count(key):,})"
        if role == Qt.ItemDataRole.FontRole:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None
