"""The Dashboard: this week or month at a glance, who helped me and waits for my help,
and what is due. Every tile and row opens what it counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import actions, followups, positions, reciprocity
from desktop.core.changes import Changed
from desktop.core.reciprocity.ranges import shift
from desktop.ui.charts.sparkline import Sparkline
from desktop.ui.ops import Latest
from desktop.ui.pages.lazy import ShownOnly
from desktop.ui.pages.list_page import EmptyState
from desktop.ui.plain import counted, heading, plain_label, tooltip
from desktop.ui.read_only import mark_writes

ID_ROLE = Qt.ItemDataRole.UserRole
TILES = (
    ("people_helped", "People helped", "Everyone you gave something to, or helped through it"),
    ("referrals_made", "Referrals made", "Referrals you gave"),
    ("needs_learned", "Needs learned", "Company needs you learned about"),
    (
        "two_way",
        "Two-way relationships",
        "People who helped you and whom you helped, both in the period",
    ),
    ("follow_ups_due", "Follow-ups dated", "Follow-ups dated in the period, done or not"),
)
DUE_LISTED = 50  # follow-ups listed per group here; the Follow-ups page lists them all
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # a heading row among the follow-ups
OWED_ABOUT = (
    "Weight owed: the weight of help they gave you, less what you gave them "
    "(1 a small favour, 2 real effort, 3 made a difference)."
)
PERIOD_BEFORE = {"week": "last week", "month": "last month"}


def change_text(tile: reciprocity.Tile, before: str) -> str:
    """'▲ 3 more than last week', '▼ 2 fewer…', 'same as…' — in words, not colour alone."""
    if tile.change > 0:
        return f"▲ {tile.change:,} more than {before}"
    if tile.change < 0:
        return f"▼ {-tile.change:,} fewer than {before}"
    return f"The same as {before}"


class Tile(QFrame):
    """A big number with its name and the change; Enter, Space or a click opens it."""

    activated = Signal(str)

    def __init__(self, key: str, title: str, about: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("tile")
        self.setStyleSheet("#tile:focus { border: 2px solid palette(highlight); }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{about}. Click to see them.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.number = heading("0", 2.2)
        self.title = plain_label(title)
        self.change = plain_label()
        self.change.setStyleSheet("color: palette(placeholder-text);")
        column = QVBoxLayout(self)
        column.addWidget(self.number)
        column.addWidget(self.title)
        column.addWidget(self.change)
        self._name = title

    def show_tile(self, tile: reciprocity.Tile, before: str) -> None:
        self.number.setText(f"{tile.current:,}")
        self.change.setText(change_text(tile, before))
        self.setAccessibleName(f"{self._name}: {tile.current:,}. {self.change.text()}")

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.key)
            return
        super().keyPressEvent(event)


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setMinimumHeight(160)
    return tree


@dataclass(frozen=True)
class Figures:
    """What the page shows, worked out off the window's thread."""

    today: date
    found: reciprocity.Dashboard
    due: followups.Buckets
    has_data: bool
    moved: tuple[int, list[positions.Move]] = (0, [])  # who changed jobs this month


def work_out(today: date, period: str) -> Figures:
    return Figures(
        today,
        reciprocity.dashboard(today, period),
        followups.buckets(today),
        actions.any_logged(),
        positions.moves_since(today.replace(day=1), limit=10),
    )


def moves_text(count: int, moves: list[positions.Move]) -> str:
    """'3 people in your network changed jobs this month — a good moment to congratulate
    them: Theo Grant (now at Globex), …'; '' when nobody did."""
    if not count:
        return ""
    who = "1 person" if count == 1 else f"{count:,} people"
    names = ", ".join(f"{m.person} (now at {m.company})" for m in moves[:3])
    more = f" and {count - 3:,} more" if count > 3 else ""
    return (
        f"{who} in your network changed jobs this month — a good moment to congratulate them:"
        f" {names}{more}."
    )


def fit_columns(tree: QTreeWidget) -> None:
    """Every column as wide as what it holds, the last taking the rest: no sideways
    scrolling, and long text elided with the whole in its tooltip."""
    header = tree.header()
    header.setStretchLastSection(True)
    for column in range(tree.columnCount() - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)


def when_due(today: date, due_on: date) -> str:
    """'435 days late', 'Today', or the weekday and date of one soon."""
    late = (today - due_on).days
    if late > 0:
        return f"{counted(late, 'day')} late"
    return "Today" if late == 0 else f"{due_on:%a} {due_on.isoformat()}"


class DashboardPage(ShownOnly, QWidget):
    """Opens the other pages through signals; the main window connects them. Its figures
    are worked out off the window's thread: the page shows at once what it showed last."""

    shows = Changed.ACTIONS | Changed.FOLLOW_UPS | Changed.PEOPLE | Changed.NEEDS
    data_changed = Signal(object)
    person_requested = Signal(int)
    timeline_requested = Signal(dict)  # TimelineFilter fields
    page_requested = Signal(str)
    reciprocity_requested = Signal(object, object)  # the period's first and last days
    follow_up_requested = Signal(int)  # action id

    def __init__(self, parent: QWidget | None = None, today=date.today):
        super().__init__(parent)
        self.today = today
        self.title = heading("Dashboard")
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        self.period.addItem("This week", "week")
        self.period.addItem("This month", "month")
        self.period.currentIndexChanged.connect(lambda: self.refresh())
        period_label = QLabel("&Show")
        period_label.setBuddy(self.period)
        self.dates = plain_label(wrap=False)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(period_label)
        top.addWidget(self.period)
        top.addWidget(self.dates)
        top.addStretch(1)

        self.tiles = {key: Tile(key, title, about) for key, title, about in TILES}
        grid = QGridLayout()
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, 0, index)
            tile.activated.connect(self._open_tile)
        self.spark = Sparkline(height=44, scale=True)
        self.spark_caption = plain_label(wrap=False)
        spark_row = QHBoxLayout()
        spark_row.addWidget(self.spark_caption)
        spark_row.addWidget(self.spark, 1)

        self.owed_heading = heading("", 1.1)
        self.owed_about = plain_label(OWED_ABOUT)
        self.owed_about.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.owed = _tree("Helped me, not yet helped back", ["Person", "Weight owed", "Since"])
        self.owed.headerItem().setToolTip(1, OWED_ABOUT)
        self.owed.headerItem().setToolTip(2, "The day of the oldest help not yet returned")
        fit_columns(self.owed)
        self.owed.itemActivated.connect(self._owed_activated)
        self.moves = plain_label()
        self.moves.setAccessibleName("People who changed jobs this month")
        self.due_heading = heading("", 1.1)
        self.due = _tree("Follow-ups due", ["Due", "Person", "What"])
        self.due.setRootIsDecorated(True)  # grouped: overdue, today, the next 7 days
        fit_columns(self.due)
        self.due.itemActivated.connect(self._due_activated)
        lists = QHBoxLayout()
        # Two parts to three: who waits has three short columns, what is due a long one.
        for widgets, share in (
            ((self.owed_heading, self.owed_about, self.owed), 2),
            ((self.due_heading, self.due), 3),
        ):
            column = QVBoxLayout()
            for widget in widgets:
                column.addWidget(widget, 1 if widget is widgets[-1] else 0)
            lists.addLayout(column, share)

        self.body = body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(grid)
        column.addLayout(spark_row)
        column.addWidget(self.moves)
        column.addLayout(lists, 1)
        self.empty = EmptyState(
            "Nothing to sum up yet",
            "Once you log what you give and receive, this page shows your week at a glance: "
            "whom you helped, who helped you and waits for your help, and what is due.",
        )
        self.log_first = self.empty.add_button("&Log an action")
        mark_writes(self.log_first)
        self.empty.finish()
        self.stack = QStackedWidget()
        self.stack.addWidget(body)
        self.stack.addWidget(self.empty)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.stack, 1)
        self._shown: reciprocity.Dashboard | None = None
        self.figures: Latest[Figures] = Latest(self, "working out the dashboard")
        self.refresh()

    # -- contents -------------------------------------------------------------------------
    def recompute(self) -> None:
        today, period = self.today(), self.period.currentData()
        if self._shown is None:
            self.dates.setText("Working out…")
        self.figures.run(lambda: work_out(today, period), self._show, self._not_worked_out)

    def _not_worked_out(self, reason: str | None) -> None:
        self.dates.setText(f"The figures could not be worked out: {reason}" if reason else "")

    def _show(self, figures: Figures) -> None:
        today, found = figures.today, figures.found
        period = found.period
        self._shown = found
        before = PERIOD_BEFORE[period]
        end = shift(found.start, period, 1) - timedelta(days=1)
        self.dates.setText(f"{found.start.isoformat()} to {end.isoformat()}")
        for key, tile in self.tiles.items():
            tile.show_tile(getattr(found, key), before)
        points = found.sparkline
        self.spark.set_values(
            [p.given for p in points],
            [p.received for p in points],
            [p.start.isoformat() for p in points],
        )
        unit = "week" if period == "week" else "month"
        self.spark_caption.setText(
            f"Actions given (green) and received (blue),\neach {unit}, the last {len(points)}"
        )
        self._fill_owed(found.owed)
        self._fill_due(today, figures.due)
        count, moves = figures.moved
        self.moves.setText(moves_text(count, moves))
        self.moves.setToolTip(
            tooltip("\n".join(f"{m.person}: from {m.earlier} to {m.company}" for m in moves))
            if moves
            else ""
        )
        self.moves.setVisible(bool(count))
        has_data = figures.has_data
        self.stack.setCurrentWidget(self.body if has_data else self.empty)
        self.period.setEnabled(has_data)

    def _fill_owed(self, owed: list[reciprocity.Owed]) -> None:
        self.owed.clear()
        self.owed_heading.setText(
            f"Helped me, not yet helped back ({len(owed)})"
            if owed
            else "No one is waiting for your help back"
        )
        for entry in owed:
            item = QTreeWidgetItem(
                [
                    entry.name,
                    f"{entry.owed_weight:,}",
                    entry.since.isoformat() if entry.since else "",
                ]
            )
            item.setData(0, ID_ROLE, entry.person_id)
            about = tooltip(
                f"{entry.name} gave you {entry.received_weight:,} in weight; you gave "
                f"{entry.given_weight:,}."
            )
            for column in range(3):
                item.setToolTip(column, about)
            self.owed.addTopLevelItem(item)

    def _fill_due(self, today: date, found: followups.Buckets) -> None:
        """The open follow-ups in groups, overdue split from what is coming up."""
        self.due.clear()
        groups = (
            ("Overdue", found.overdue),
            ("Due today", found.today),
            ("Due in the next 7 days", found.this_week),
        )
        said = [f"{len(entries):,} {name.lower()}" for name, entries in groups if entries]
        self.due_heading.setText(
            "Open follow-ups: " + ", ".join(said)
            if said
            else "No open follow-ups due in the next 7 days"
        )
        for name, entries in groups:  # each with its heading, however long the one above
            if not entries:
                continue
            group = QTreeWidgetItem([f"{name} ({len(entries):,})"])
            group.setData(0, GROUP_ROLE, True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.due.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for entry in entries[:DUE_LISTED]:
                what = f"{actions.KIND_LABELS[entry.kind]}: {entry.summary}"
                item = QTreeWidgetItem([when_due(today, entry.due_on), entry.person, what])
                item.setData(0, ID_ROLE, entry.action_id)
                item.setToolTip(0, f"Due {entry.due_on.isoformat()}")
                for column in (1, 2):
                    item.setToolTip(column, tooltip(item.text(column)))
                group.addChild(item)
            if len(entries) > DUE_LISTED:  # a glance, not the whole list: a page away
                more = QTreeWidgetItem(
                    [f"And {len(entries) - DUE_LISTED:,} more: see Follow-ups (Ctrl+5)"]
                )
                more.setData(0, ID_ROLE, None)
                group.addChild(more)
                more.setFirstColumnSpanned(True)
            group.setExpanded(True)
        first = self.due.topLevelItem(0)
        soonest = first.child(0) if first is not None else None
        if soonest is not None:
            self.due.setCurrentItem(soonest)

    def _owed_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.person_requested.emit(item.data(0, ID_ROLE))

    def _due_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, GROUP_ROLE):
            item.setExpanded(not item.isExpanded())
            return
        action_id = item.data(0, ID_ROLE)
        if action_id is None:
            self.page_requested.emit("follow-ups")
        else:
            self.follow_up_requested.emit(action_id)

    # -- opening what a tile counts ----------------------------------------------------------
    def _open_tile(self, key: str) -> None:
        found = self._shown
        if found is None:
            return
        end = shift(found.start, found.period, 1) - timedelta(days=1)
        dates = {"start": found.start, "end": end}
        if key == "people_helped":
            self.timeline_requested.emit({**dates, "direction": "given"})
        elif key == "referrals_made":
            self.timeline_requested.emit(
                {**dates, "direction": "given", "kinds": frozenset({"referral"})}
            )
        elif key == "two_way":
            self.reciprocity_requested.emit(found.start, end)
        elif key == "needs_learned":
            self.page_requested.emit("needs")
        else:
            self.page_requested.emit("follow-ups")

    # -- the page protocol ----------------------------------------------------------------
    def focus_start(self) -> None:
        first = next(iter(self.tiles.values()))
        (first if self.stack.currentIndex() == 0 else self.log_first).setFocus()

    def focus_search(self) -> None:
        self.focus_start()
