"""The timeline: actions newest first, a header for each month, fetched a page at a time."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core import actions, timeline
from desktop.core.timeline import TimelineFilter, TimelineRow
from desktop.ui.plain import tooltip

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
RowRole = Qt.ItemDataRole.UserRole + 1  # the TimelineRow, or None on a month header
HeaderRole = Qt.ItemDataRole.UserRole + 2  # the month text on a header, else None


class MonthHeader(NamedTuple):
    month: str  # 'YYYY-MM'

    @property
    def text(self) -> str:
        year, month = map(int, self.month.split("-"))
        return date(year, month, 1).strftime("%B %Y")


class TimelineModel(QAbstractListModel):
    """Holds only the pages fetched so far; `fetchMore` reads the next one by keyset."""

    PAGE = 200

    def __init__(self, parent=None, flt: TimelineFilter | None = None):
        super().__init__(parent)
        self._filter = flt or TimelineFilter()
        self._items: list[TimelineRow | MonthHeader] = []
        self._cursor: tuple[str, int] | None = None
        self._more = True
        self._total = 0

    # -- loading ------------------------------------------------------------------------
    def filter(self) -> TimelineFilter:
        return self._filter

    def set_filter(self, flt: TimelineFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Start again from the newest action (after a change or a new filter)."""
        self.beginResetModel()
        self._items, self._cursor, self._more = [], None, True
        self._total = timeline.count(self._filter)
        self._items = self._next_page()
        self.endResetModel()

    def total(self) -> int:
        """How many actions match the filter (not only those fetched)."""
        return self._total

    def _next_page(self) -> list[TimelineRow | MonthHeader]:
        rows = timeline.page(self._filter, self._cursor, self.PAGE)
        self._more = len(rows) == self.PAGE
        items: list[TimelineRow | MonthHeader] = []
        last_month = self._last_month()
        for row in rows:
            month = row.occurred_on[:7]
            if month != last_month:
                items.append(MonthHeader(month))
                last_month = month
            items.append(row)
        if rows:
            self._cursor = (rows[-1].occurred_on, rows[-1].id)
        return items

    def _last_month(self) -> str | None:
        for item in reversed(self._items):
            if isinstance(item, TimelineRow):
                return item.occurred_on[:7]
        return None

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or not self._more:
            return
        items = self._next_page()
        if not items:
            return
        start = len(self._items)
        self.beginInsertRows(_ROOT, start, start + len(items) - 1)
        self._items.extend(items)
        self.endInsertRows()

    # -- lookups ------------------------------------------------------------------------
    def action_at(self, row: int) -> TimelineRow | None:
        item = self._items[row] if 0 <= row < len(self._items) else None
        return item if isinstance(item, TimelineRow) else None

    def row_of(self, action_id: int) -> int:
        for row, item in enumerate(self._items):
            if isinstance(item, TimelineRow) and item.id == action_id:
                return row
        return -1

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if isinstance(item, MonthHeader):
            if role in (Qt.ItemDataRole.DisplayRole, HeaderRole):
                return item.text
            return None
        if role == RowRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(describe(item))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe(item)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._items[index.row()], MonthHeader):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def describe(row: TimelineRow) -> str:
    """One sentence for the row, for tooltips and screen readers."""
    way = "Given to" if row.direction == "given" else "Received from"
    parts = [f"{row.occurred_on} · {actions.KIND_LABELS[row.kind]} · {way} {row.counterpart}"]
    if row.beneficiary:
        parts.append(f"for {row.beneficiary}")
    if row.company:
        parts.append(f"at {row.company}")
    text = " ".join(parts) + f": {row.summary}"
    if row.follow_up_on:
        text += f" (follow-up {'done' if row.follow_up_done else 'on ' + row.follow_up_on})"
    return text
