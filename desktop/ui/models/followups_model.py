"""The Follow-ups page's list: a heading per bucket and its rows, made only when drawn.

Tens of thousands of people can be past their keep-in-touch date; a model that works out a
row's text when the view asks for it shows them at once, where one widget item per row
held the window for most of a second.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
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


class FollowUpsModel(QAbstractTableModel):
    """One flat list: each section's heading row, then its entries, soonest first, unless
    the section is folded. A flat table asks only for the rows on screen, where a tree
    lays out every child of an unfolded section (most of a second for 20,000)."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._today = date.today()
        self._entries: list[list[Any]] = [[] for _ in SECTIONS]
        self._folded = {SECTIONS.index("later")}  # what is not due yet waits folded
        self._starts: list[int] = []  # each section's heading row
        self._rows: dict[tuple[int, int], Row] = {}  # made as drawn
        self._places: dict[tuple[str, int], tuple[int, int]] | None = None
        self._bold: QFont | None = None
        self._lay_out()

    def set_buckets(self, found: followups.Buckets, today: date) -> None:
        self.beginResetModel()
        self._today = today
        self._entries = [list(getattr(found, key)) for key in SECTIONS]
        self._rows = {}
        self._places = None
        self._lay_out()
        self.endResetModel()

    def _lay_out(self) -> None:
        self._starts, at = [], 0
        for section, entries in enumerate(self._entries):
            self._starts.append(at)
            at += 1 + (0 if section in self._folded else len(entries))
        self._total = at

    # -- what the page asks -----------------------------------------------------------
    def count(self, key: str) -> int:
        return len(self._entries[SECTIONS.index(key)])

    def heading_rows(self) -> list[int]:
        return list(self._starts)

    def is_folded(self, key: str) -> bool:
        return SECTIONS.index(key) in self._folded

    def set_folded(self, key: str, folded: bool) -> None:
        section = SECTIONS.index(key)
        if (section in self._folded) == folded:
            return
        self.beginResetModel()
        self._folded ^= {section}
        self._lay_out()
        self.endResetModel()

    def heading_at(self, flat: int) -> str | None:
        """The section whose heading is row *flat*, if it is one."""
        return SECTIONS[self._starts.index(flat)] if flat in self._starts else None

    def place(self, flat: int) -> tuple[int, int]:
        """(section, row within it) of a flat row; the row is -1 for a heading."""
        section = bisect_right(self._starts, flat) - 1
        return section, flat - self._starts[section] - 1

    def flat_row(self, section: int, row: int) -> int:
        """The flat row of a section's entry, unfolding the section if need be."""
        if section in self._folded:
            self.set_folded(SECTIONS[section], False)
        return self._starts[section] + 1 + row

    def section_title(self, key: str) -> str:
        return f"{TITLES[key]} ({self.count(key):,})"

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

    # -- the model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and index.row() in self._starts:
            return Qt.ItemFlag.ItemIsEnabled  # a heading, not a choice
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        section, row = self.place(index.row())
        if row < 0:
            return self._heading_data(section, index.column(), role)
        found = self.row(section, row)
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

    def _heading_data(self, section: int, column: int, role: int) -> Any:
        key = SECTIONS[section]
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            sign = "▸" if section in self._folded else "▾"
            return f"{sign} {self.section_title(key)}"
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return "Press Enter or double-click to " + (
                "show these" if section in self._folded else "fold these away"
            )
        if role == Qt.ItemDataRole.FontRole:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None
