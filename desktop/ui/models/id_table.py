"""A table model that holds row ids only and fetches visible rows in blocks."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.ui.plain import tooltip

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()


class IdTableModel(QAbstractTableModel):
    """Rows are ids from `fetch_ids(filter_text)`; cells come from `fetch_rows(ids)`.

    Rows are tuples whose field i+1 is column i (field 0 is the id). Only a bounded
    number of rows is cached, so a list of 30,000 people costs 30,000 integers.

    With *fetch_first* (`(text) -> (how many match, the first of them)`) a keystroke reads
    only the count and the first rows; the rest of the ids are read once something past
    them is asked for (scrolling down, selecting by id).
    """

    BLOCK = 200
    CACHE_LIMIT = 3000

    def __init__(
        self,
        headers: Sequence[str],
        fetch_ids: Callable[[str], list[int]],
        fetch_rows: Callable[[list[int]], dict[int, tuple]],
        parent=None,
        *,
        fetch_first: Callable[[str], tuple[int, list[int]]] | None = None,
    ):
        super().__init__(parent)
        self._fetch_first = fetch_first
        self._total = 0  # how many rows the list has, read or not
        self._headers = list(headers)
        self._fetch_ids = fetch_ids
        self._fetch_rows = fetch_rows
        self._filter = ""
        self._ids: list[int] = []
        self._rows: OrderedDict[int, tuple] = OrderedDict()

    # -- loading ------------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        self._filter = text
        self.reload()

    def filter_text(self) -> str:
        return self._filter

    def reload(self) -> None:
        """Fetch the ids again (after a write) and forget cached rows."""
        self.beginResetModel()
        if self._fetch_first is not None:
            self._total, self._ids = self._fetch_first(self._filter)
        else:
            self._ids = self._fetch_ids(self._filter)
            self._total = len(self._ids)
        self._rows.clear()
        self.endResetModel()

    def _read_all(self) -> None:
        """Read the ids not read yet (the count said how many there are)."""
        if len(self._ids) < self._total:
            found = self._fetch_ids(self._filter)
            self._ids = found[: self._total] + [-1] * (self._total - len(found))

    def ids(self) -> list[int]:
        """Every id listed, in list order."""
        self._read_all()
        return [i for i in self._ids if i >= 0]

    def id_at(self, row: int) -> int | None:
        if not 0 <= row < self._total:
            return None
        if row >= len(self._ids):
            self._read_all()
        found = self._ids[row]
        return found if found >= 0 else None

    def row_of(self, item_id: int) -> int:
        try:
            return self._ids.index(item_id)
        except ValueError:
            pass
        if len(self._ids) < self._total:
            self._read_all()
            return self.row_of(item_id)
        return -1

    def _row(self, row: int) -> tuple | None:
        if row >= len(self._ids):
            self._read_all()
        item_id = self._ids[row]
        cached = self._rows.get(item_id)
        if cached is not None:
            self._rows.move_to_end(item_id)
            return cached
        start = max(0, row - self.BLOCK // 4)
        block = [i for i in self._ids[start : start + self.BLOCK] if i not in self._rows]
        self._rows.update(self._fetch_rows(block))
        while len(self._rows) > self.CACHE_LIMIT:
            self._rows.popitem(last=False)
        return self._rows.get(item_id)

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        if role == IdRole:
            return self.id_at(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:  # deleted since the ids were read
            return None
        value = self.display(row, index.column())
        return tooltip(value) if role == Qt.ItemDataRole.ToolTipRole else value

    def display(self, row: tuple, column: int) -> str:
        """The text of one cell; subclasses may format differently."""
        value = row[column + 1]
        return "" if value is None else str(value)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class FilteredModel(IdTableModel):
    """A list filtered, besides its search text, by a status and (part of) a company name.

    Subclasses give `find_ids(text, status, company_id)` and `fetch_rows(ids)`.
    """

    def __init__(self, headers: Sequence[str], parent=None):
        self.status: str | None = None
        self.company = ""
        super().__init__(headers, self._filtered_ids, self.fetch_rows, parent)

    def find_ids(self, text: str, status: str | None, company: str) -> list[int]:
        """Ids matching *text*, *status* and a company whose name contains *company*."""
        raise NotImplementedError

    def fetch_rows(self, ids: list[int]) -> dict[int, tuple]:
        raise NotImplementedError

    def _filtered_ids(self, text: str) -> list[int]:
        return self.find_ids(text, self.status, self.company)

    def set_status(self, status: str | None) -> None:
        self.status = status
        self.reload()

    def set_company(self, name: str) -> None:
        self.company = name
        self.reload()
