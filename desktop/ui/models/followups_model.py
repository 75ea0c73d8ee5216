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
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from desktop.core import actions, followups
from desktop.ui import plain
from desktop.ui.icons import icon

Index = QModelIndex | QPersistentModelIndex
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "follow_up", "reach_out" or "reconnect"
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # action id or person id
STATE_ROLE = Qt.ItemDataRole.UserRole + 3  # "due", "overdue" or ''
SECTIONS = ("overdue", "today", "this_week", "reach_out", "reconnect", "later")
#: What each section's rows are of.
KINDS = {"reach_out": "reach_out", "reconnect": "reconnect"}
TITLES = {
    "overdue": "Overdue",
    "today": "Due today",
    "this_week": "Due in the next 7 days",
    "reach_out": "Time to reach out",
    "reconnect": "Worth reconnecting",
    "later": "Later",
}
HEADERS = ("When", "Who", "What", "Company")
#: Due past the ideal gap: amber; overdue past the longest: red. The words say it too.
#: The text colours are the forms' warning and error colours; the dots are brighter.
STATE_COLOURS = {"due": ("#8a5300", "#f2b600"), "overdue": ("#b3261e", "#d93025")}
_ROOT = QModelIndex()


class Row(NamedTuple):
    kind: str  # "follow_up", "reach_out" or "reconnect"
    item_id: int  # the action's id, or the person's
    texts: tuple[str, str, str, str]
    icon: str  # the kind's icon name, or ''
    state: str = ""  # "due" or "overdue" for someone to reach out to


def row_of(key: str, entry: Any, today: date) -> Row:
    """What a row shows of a follow-up, someone to reach out to, or a dormant tie."""
    if key == "reach_out":
        return _reach_out_row(entry)
    if key == "reconnect":
        if entry.last_contact is not None:
            when = f"Last spoke {entry.last_contact.isoformat()}"
        else:
            when = f"Met {entry.since.isoformat()}, nothing since"
        texts = (when, entry.person, entry.reasons, entry.company)
        return Row("reconnect", entry.person_id, texts, "")
    late = (today - entry.due_on).days
    when = entry.due_on.isoformat() + (f" · {plain.counted(late, 'day')} late" if late > 0 else "")
    what = f"{actions.KIND_LABELS[entry.kind]}: {entry.summary}"
    texts = (when, entry.person, what, entry.company)
    return Row("follow_up", entry.action_id, texts, f"kind-{entry.kind}")


def _reach_out_row(entry: followups.ReachOut) -> Row:
    if entry.overdue:
        when, state = f"{plain.counted(entry.days_past_longest, 'day')} past longest", "overdue"
    else:
        when, state = f"{plain.counted(entry.days_past_ideal, 'day')} past ideal", "due"
    every = "every day" if entry.ideal_days == 1 else f"every {entry.ideal_days} days"
    gaps = f"{every}, at most {entry.longest_days}"
    what = f"{entry.tier}: {gaps}" if entry.tier else f"Keep in touch {gaps}"
    last = entry.last_contact.isoformat() if entry.last_contact else "never"
    texts = (when, entry.person, f"{what} · last contact {last}", entry.company)
    return Row("reach_out", entry.person_id, texts, "", state)


def _dot(colour: str) -> QIcon:
    """A round mark in *colour*, beside the words that say the same."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


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
        self._dots: dict[str, QIcon] = {}
        self._dormant = 0
        self._lay_out()

    def set_buckets(self, found: followups.Buckets, today: date) -> None:
        self.beginResetModel()
        self._today = today
        self._dormant = found.dormant
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

    @property
    def dormant(self) -> int:
        """How many ties are dormant in all (the section lists the most worth it)."""
        return self._dormant

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
        shown = self.count(key)
        if key == "reconnect" and self._dormant > shown:
            return f"{TITLES[key]} (the {shown:,} most worth it of {self._dormant:,} dormant ties)"
        return f"{TITLES[key]} ({shown:,})"

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
                which = KINDS.get(SECTIONS[section], "follow_up")
                for row, entry in enumerate(entries):
                    key = entry.action_id if which == "follow_up" else entry.person_id
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
        if found.state and column == 0:
            text, mark = STATE_COLOURS[found.state]
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(text)
            if role == Qt.ItemDataRole.DecorationRole:
                if found.state not in self._dots:
                    self._dots[found.state] = _dot(mark)
                return self._dots[found.state]
        if role == STATE_ROLE:
            return found.state
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
