"""Table columns sized to what they hold, fitted to the table's width.

Each column starts as wide as its header and the rows on screen, and the columns are
fitted to the view: a wide table gives its room to one column (the name, say) rather
than stretching the last over empty space, and a narrow one shrinks its widest columns
first, their text elided with the whole in the tooltip, so nothing scrolls sideways.
Once the person drags a column's edge, their widths are kept (and can be saved).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

MARGIN = 16  # beside the text in a cell
FEWEST = 48  # no column is squeezed below this


def fitted(
    wanted: list[int], room: int, grow: int = 0, floors: list[int] | None = None
) -> list[int]:
    """Widths for columns that would like *wanted*, in *room*. Extra room goes to column
    *grow* (the name); too little is taken from the other columns, widest first, while
    *grow* keeps its width up to two fifths of the room. No column goes below its floor
    (its header's width, so every heading stays whole), and when even the floors do not
    fit, the table scrolls sideways rather than cut a heading."""
    if not wanted or room <= 0:
        return list(wanted)
    floors = floors or [FEWEST] * len(wanted)
    widths = list(wanted)
    if sum(wanted) <= room:
        widths[grow] += room - sum(wanted)
        return widths
    widths[grow] = min(wanted[grow], max(floors[grow], room * 2 // 5))
    others = [c for c in range(len(wanted)) if c != grow]
    # ...less, when the others at their headings' widths would not fit beside it.
    widths[grow] = max(floors[grow], min(widths[grow], room - sum(floors[c] for c in others)))
    left = room - widths[grow]

    def cut(c: int, cap: int) -> int:
        return min(wanted[c], max(cap, floors[c]))

    if others:
        # The cap that makes the others fit: every one wider than it is cut to it.
        low, high = 0, max(wanted[c] for c in others)
        while low < high:
            cap = (low + high + 1) // 2
            if sum(cut(c, cap) for c in others) <= left:
                low = cap
            else:
                high = cap - 1
        for c in others:
            widths[c] = cut(c, low)
    spare = room - sum(widths)
    if spare > 0:  # what the cap's rounding left
        widths[grow] += spare
    return widths


class FittedColumns(QObject):
    """Keeps *table*'s columns fitted (see the module); *grow* takes any spare room."""

    def __init__(self, table: QTableView, grow: int = 0):
        super().__init__(table)
        self.table = table
        self.grow = grow
        self.chosen = False  # the person sized a column: leave theirs alone
        self._fitting = False
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._resized)
        # Measure the rows on screen only: Qt's default reads 1,000 rows for each column,
        # which for a long list is a stall on every change of what it lists.
        header.setResizeContentsPrecision(0)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.viewport().installEventFilter(self)
        self._fitted_columns = -1  # how many columns there were when last fitted to rows
        model = table.model()
        # Fitted once there are rows, not at every search or refresh: columns that jump
        # while one types are hard to read, and measuring each time costs a little.
        model.modelReset.connect(self._reset)
        model.layoutChanged.connect(self._reset)

    def floors(self, wanted: list[int]) -> list[int]:
        """How narrow each column may be cut: never below its heading, and a short one
        (a date, a number, a status) not at all."""
        short = self.table.fontMetrics().horizontalAdvance("2026-12-31") + 2 * MARGIN
        return [
            max(heading, want if want <= short else 0)
            for heading, want in zip(self.headers(), wanted, strict=True)
        ]

    def headers(self) -> list[int]:
        """Each heading's width."""
        header = self.table.horizontalHeader()
        columns = range(self.table.model().columnCount())
        return [header.sectionSizeFromContents(c).width() + 4 for c in columns]

    def wanted(self) -> list[int]:
        return [
            max(heading, self.table.sizeHintForColumn(c) + MARGIN)
            for c, heading in enumerate(self.headers())
        ]

    def _reset(self) -> None:
        model = self.table.model()
        if self._fitted_columns != model.columnCount():
            self.fit()

    def fit(self) -> None:
        # Only on screen: the rows it measures are read as they are shown, and a table
        # out of sight has no width to fit to yet (it fits when it is shown).
        if self.chosen or not self.table.isVisible() or self.table.model().columnCount() == 0:
            return
        room = self.table.viewport().width()
        self._fitting = True
        try:
            wanted = self.wanted()
            floors = self.floors(wanted)
            # The name is what a row is known by: never squeezed below a quarter of the room.
            floors[self.grow] = max(floors[self.grow], min(wanted[self.grow], room // 4))
            widths = fitted(wanted, room, self.grow, floors)
            for column, width in enumerate(widths):
                self.table.setColumnWidth(column, width)
            if self.table.model().rowCount():
                self._fitted_columns = self.table.model().columnCount()
        finally:
            self._fitting = False

    def save(self) -> QByteArray | None:
        """The person's widths, when they chose some."""
        return self.table.horizontalHeader().saveState() if self.chosen else None

    def restore(self, state: QByteArray | None) -> None:
        if state is not None and self.table.horizontalHeader().restoreState(state):
            self.chosen = True

    def _resized(self, *_args: object) -> None:
        if not self._fitting and self.table.isVisible():
            self.chosen = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False
