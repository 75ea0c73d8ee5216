"""The Reciprocity page: charts of what I gave and received, for a range of dates, and the
chains of help passed on. Clicking a bar opens the timeline of the actions behind it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import actions, people, reciprocity
from desktop.core.changes import Changed
from desktop.core.reciprocity import Range
from desktop.core.reciprocity.ranges import shift
from desktop.ui.charts import GIVEN, LINE, OTHER, RECEIVED, ChartData, ChartPanel, Series
from desktop.ui.ops import Latest
from desktop.ui.pages.lazy import ShownOnly
from desktop.ui.pages.list_page import EmptyState
from desktop.ui.plain import heading, plain_label, tooltip
from desktop.ui.read_only import mark_writes
from desktop.ui.widgets.date_edit import OptionalDateEdit

PRESETS = (
    ("All time", "all"),
    ("Last 12 months", "12m"),
    ("This year", "year"),
    ("Last 90 days", "90d"),
    ("Dates I choose", "custom"),
)
PERIOD_CHOICES = (("Month", "month"), ("Week", "week"), ("Quarter", "quarter"))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
CHAIN_DAYS = 90  # chains are looked for in the range's last 90 days: a longer walk is slow


def preset_range(key: str, today: date) -> Range:
    if key == "12m":
        return Range(shift(date(today.year, today.month, 1), "month", -11), today)
    if key == "year":
        return Range(date(today.year, 1, 1), today)
    if key == "90d":
        return Range(today - timedelta(days=89), today)
    return reciprocity.ALL_TIME


def range_words(rng: Range) -> str:
    """'2025-12-01 to 2026-11-26', 'from 2025-12-01', 'up to …' or 'all time'."""
    if rng.start and rng.end:
        return f"{rng.start.isoformat()} to {rng.end.isoformat()}"
    if rng.start:
        return f"from {rng.start.isoformat()}"
    return f"up to {rng.end.isoformat()}" if rng.end else "all time"


def period_label(start: date, period: str) -> str:
    """'Mar 26' for a month, '2026-03-02' for a week, '2026 Q1' for a quarter."""
    if period == "month":
        return f"{MONTHS[start.month - 1]} {start.year % 100:02d}"
    if period == "quarter":
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    return start.isoformat()


def monthly_chart(rows: list[reciprocity.PeriodRow], period: str) -> ChartData:
    word = {"month": "month", "week": "week", "quarter": "quarter"}[period]
    balance = [r.cumulative_given_weight - r.cumulative_received_weight for r in rows]
    return ChartData(
        f"Given and received by {word}",
        "bars",
        tuple(period_label(r.start, period) for r in rows),
        (
            Series("Given", tuple(r.given for r in rows), GIVEN),
            Series("Received", tuple(r.received for r in rows), RECEIVED),
        ),
        line=Series("Running balance (weight)", tuple(balance), LINE),
        line_title="Balance (weight)",
        value_title="Actions",
        category_title=word.capitalize(),
        keys=tuple((r.start, r.end) for r in rows),
    )


def exchanges_chart(rows: list[reciprocity.Exchange]) -> ChartData:
    return ChartData(
        "Top people by exchange",
        "diverging",
        tuple(r.name for r in rows),
        (
            Series("Given (weight)", tuple(r.given_weight for r in rows), GIVEN),
            Series("Received (weight)", tuple(r.received_weight for r in rows), RECEIVED),
        ),
        value_title="← received · given → (weight)",
        keys=tuple(r.person_id for r in rows),
    )


def kinds_chart(rows: list[reciprocity.KindRow]) -> ChartData:
    return ChartData(
        "By kind",
        "hbars",
        tuple(actions.KIND_LABELS.get(r.kind, r.kind) for r in rows),
        (
            Series("Given", tuple(r.given for r in rows), GIVEN),
            Series("Received", tuple(r.received for r in rows), RECEIVED),
        ),
        value_title="Actions",
        keys=tuple(r.kind for r in rows),
    )


def roles_chart(rows: list[reciprocity.RoleRow]) -> ChartData:
    def label(role: str) -> str:
        return "No role" if role == reciprocity.NO_ROLE else people.ROLE_LABELS.get(role, role)

    return ChartData(
        "By the other person's role",
        "hbars",
        tuple(label(r.role) for r in rows),
        (
            Series("Given", tuple(r.given for r in rows), GIVEN),
            Series("Received", tuple(r.received for r in rows), RECEIVED),
        ),
        value_title="Actions",
        keys=tuple(r.role for r in rows),
    )


def lag_chart(found: reciprocity.LagHistogram) -> ChartData:
    labels = [f"{b.low}–{b.high}" if b.high is not None else f"{b.low}+" for b in found.bins]
    return ChartData(
        "How long until help came back",
        "histogram",
        (*labels, "Not yet"),
        (Series("People", (*(b.people for b in found.bins), found.waiting), OTHER),),
        value_title="People",
        category_title="Days from my first help to theirs",
    )


def chain_step(link: Any) -> tuple[str, str, str, int]:
    """One step of a chain in words: who helped whom, on what day, with what."""
    words = f"{link.name} helped me" if link.direction == "received" else f"I helped {link.name}"
    return words, link.on.isoformat(), actions.KIND_LABELS.get(link.kind, link.kind), link.person_id


@dataclass(frozen=True)
class Figures:
    """What the page shows for a range, worked out off the window's thread."""

    logged: bool
    totals: Any = None
    charts: dict[str, ChartData] = dataclasses.field(default_factory=dict)
    chains: list[Any] = dataclasses.field(default_factory=list)
    chains_start: date = date.min
    chains_end: date = date.min
    chains_cut: bool = False  # looked for in the range's last CHAIN_DAYS days only


def work_out(rng: Range, period: str, today: date) -> Figures:
    if not actions.any_logged():
        return Figures(logged=False)
    rows = reciprocity.by_period(rng, period, people=False)  # the chart needs only flows
    note = range_words(rng)
    charts = {
        key: replace(data, note=note)
        for key, data in (
            ("monthly", monthly_chart(rows, period)),
            ("exchanges", exchanges_chart(reciprocity.top_exchanges(rng, 10))),
            ("kinds", kinds_chart(reciprocity.by_kind(rng))),
            ("roles", roles_chart(reciprocity.by_role(rng))),
            ("lag", lag_chart(reciprocity.lag_histogram(rng))),
        )
    }
    end = rng.end or today
    start = max(rng.start or date.min, end - timedelta(days=CHAIN_DAYS - 1))
    chains = reciprocity.chains(None, Range(start, end), max_depth=6, limit=30)
    cut = rng.start is None or rng.start < start
    return Figures(True, reciprocity.totals(rng), charts, chains, start, end, cut)


class ReciprocityPage(ShownOnly, QWidget):
    """Opens the timeline through `timeline_requested` (TimelineFilter fields). Its figures
    are worked out off the window's thread: the page shows at once what it showed last."""

    shows = Changed.ACTIONS | Changed.PEOPLE
    data_changed = Signal(object)
    timeline_requested = Signal(dict)
    person_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None, today=date.today):
        super().__init__(parent)
        self.today = today
        self.title = heading("Reciprocity")
        self.preset = QComboBox()
        for label, key in PRESETS:
            self.preset.addItem(label, key)
        self.start = OptionalDateEdit()
        self.end = OptionalDateEdit()
        self.period = QComboBox()
        for label, key in PERIOD_CHOICES:
            self.period.addItem(label, key)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        controls = QHBoxLayout()
        for text, field in (
            ("&Dates", self.preset),
            ("Fr&om", self.start),
            ("&To", self.end),
            ("Gro&up by", self.period),
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
            controls.addWidget(caption)
            controls.addWidget(field)
        controls.addStretch(1)
        self.summary = plain_label()

        self.charts = {
            "monthly": ChartPanel(),
            "exchanges": ChartPanel(),
            "kinds": ChartPanel(),
            "roles": ChartPanel(),
            "lag": ChartPanel(),
        }
        for key, panel in self.charts.items():
            # Lying bars need room for a line of text each, or QtCharts cuts their names.
            panel.setMinimumHeight(340 if key in ("monthly", "lag") else 460)
            panel.clicked.connect(lambda item, series, key=key: self._open(key, item, series))
        self.chains_heading = heading("", 1.1)
        self.chains = QTreeWidget()
        self.chains.setAccessibleName("Pay-it-forward chains")
        self.chains.setHeaderLabels(["Chain, and its steps", "On", "What"])
        self.chains.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.chains.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.chains.setMinimumHeight(160)
        self.chains.itemActivated.connect(
            lambda item, _c: self.person_requested.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )
        grid = QGridLayout()
        grid.addWidget(self.charts["monthly"], 0, 0, 1, 2)
        grid.addWidget(self.charts["exchanges"], 1, 0)
        grid.addWidget(self.charts["kinds"], 1, 1)
        grid.addWidget(self.charts["roles"], 2, 0)
        grid.addWidget(self.charts["lag"], 2, 1)
        grid.addWidget(self.chains_heading, 3, 0, 1, 2)
        grid.addWidget(self.chains, 4, 0, 1, 2)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.empty = EmptyState(
            "Nothing to chart yet",
            "Log what you give and what you receive, and this page shows how service comes "
            "back: month by month, person by person, by kind and by role.",
        )
        self.log_first = self.empty.add_button("Log an &action")
        mark_writes(self.log_first)
        self.empty.finish()
        self.stack = QStackedWidget()
        self.stack.addWidget(scroll)
        self.stack.addWidget(self.empty)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(controls)
        outer.addWidget(self.summary)
        outer.addWidget(self.stack, 1)

        self.preset.currentIndexChanged.connect(self._preset_chosen)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._dates_typed)
        self.period.currentIndexChanged.connect(lambda: self.refresh())
        self.figures: Latest[Figures | None] = Latest(self, "working out the reciprocity charts")
        self._filled = False
        self._preset_chosen()

    # -- the range ------------------------------------------------------------------------
    def current_range(self) -> Range:
        return Range(self.start.value(), self.end.value())

    def _preset_chosen(self) -> None:
        key = self.preset.currentData()
        if key != "custom":
            chosen = preset_range(key, self.today())
            for edit, day in ((self.start, chosen.start), (self.end, chosen.end)):
                edit.blockSignals(True)
                edit.set_value(day)
                edit.blockSignals(False)
        self.refresh()

    def _dates_typed(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self.refresh()

    def set_range(self, rng: Range, period: str | None = None) -> None:
        """Show *rng* (as chosen dates) and, if given, group by *period*."""
        for edit, day in ((self.start, rng.start), (self.end, rng.end)):
            edit.blockSignals(True)
            edit.set_value(day)
            edit.blockSignals(False)
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        if period is not None:
            self.period.blockSignals(True)
            self.period.setCurrentIndex(self.period.findData(period))
            self.period.blockSignals(False)
        self.refresh()

    # -- contents -------------------------------------------------------------------------
    def recompute(self) -> None:
        rng, period, today = self.current_range(), self.period.currentData(), self.today()
        if rng.start and rng.end and rng.start > rng.end:
            self.figures.run(lambda: None, self._show, self._failed)
            return
        if not self._filled:
            self.summary.setText("Working out the figures…")
        self.figures.run(lambda: work_out(rng, period, today), self._show, self._failed)

    def _failed(self, reason: str | None) -> None:
        self.summary.setText(f"The figures could not be worked out: {reason}" if reason else "")

    def _wrong_order(self) -> None:
        self.stack.setCurrentIndex(0)
        self.summary.setVisible(True)
        self.summary.setText("The first day comes after the last: choose the dates again.")
        for panel in self.charts.values():
            panel.set_data(ChartData(panel.data.title if panel.data else "", "bars", (), ()))
        self.chains.clear()

    def _show(self, figures: Figures | None) -> None:
        """The figures worked out; None when the dates are in the wrong order."""
        if figures is None:
            self._wrong_order()
            return
        self._filled = True
        self.stack.setCurrentIndex(0 if figures.logged else 1)
        self.summary.setVisible(figures.logged)
        if not figures.logged:
            return
        totals = figures.totals
        self.summary.setText(
            f"Gave {totals.given:,} and received {totals.received:,} · helped "
            f"{totals.people_helped:,} people · {totals.two_way:,} two-way relationships · "
            f"{totals.referrals_made:,} referrals · {totals.needs_learned:,} needs learned"
        )
        for key, data in figures.charts.items():
            self.charts[key].set_data(data)
        self._fill_chains(figures)

    def wait(self) -> None:
        """Until the newest figures are shown (a test, or a page asked at once)."""
        self.figures.wait()

    def _fill_chains(self, figures: Figures) -> None:
        """Chains started in the range's last CHAIN_DAYS days (all of it, when shorter),
        each a line of who passed help to whom, opening into its steps."""
        start, end, found = figures.chains_start, figures.chains_end, figures.chains
        self.chains.clear()
        days = (end - start).days + 1
        when = (
            f"in the last {days:,} days, {start.isoformat()} to {end.isoformat()}"
            if figures.chains_cut
            else f"from {start.isoformat()} to {end.isoformat()}"
        )
        self.chains_heading.setText(
            f"Pay-it-forward chains begun {when} ({len(found)})"
            if found
            else f"No pay-it-forward chains begun {when}"
        )
        cut = (
            f" Only chains begun in the last {days:,} days of the dates chosen are looked "
            "for: following every one through years of actions would take long."
            if figures.chains_cut
            else ""
        )
        self.chains_heading.setToolTip(
            f"Help I received, passed on to someone else, and on from there.{cut}"
        )
        for chain in found:
            steps = [chain_step(link) for link in chain]
            passed_to = [link.name for link in chain[1:] if link.direction == "given"]
            text = f"From {chain[0].name}, passed on to " + ", then ".join(passed_to)
            text += f" · {len(steps)} steps"
            item = QTreeWidgetItem(
                [text, f"{chain[0].on.isoformat()} to {chain[-1].on.isoformat()}", ""]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, chain[0].person_id)
            item.setToolTip(0, tooltip("\n".join(step[0] for step in steps)))
            for words, on, kind, person_id in steps:
                child = QTreeWidgetItem([words, on, kind])
                child.setData(0, Qt.ItemDataRole.UserRole, person_id)
                child.setToolTip(0, tooltip(words))
                item.addChild(child)
            self.chains.addTopLevelItem(item)
        if self.chains.topLevelItemCount():
            first = self.chains.topLevelItem(0)
            if first is not None:
                first.setExpanded(True)  # one opened, to show what a chain is made of

    # -- clicks ---------------------------------------------------------------------------
    def _open(self, chart: str, item, series: str) -> None:
        """Open the timeline behind a bar: its dates, direction, person, kind or role."""
        rng = self.current_range()
        if rng.start and rng.end and rng.start > rng.end:
            return
        fields: dict = {"start": rng.start, "end": rng.end}
        way = series.split()[0]
        if way in ("Given", "Received"):
            fields["direction"] = way.lower()
        if chart == "monthly":
            first, last = item  # the period, cut to the chosen dates as its bar is
            fields["start"] = max(first, rng.start) if rng.start else first
            fields["end"] = min(last, rng.end) if rng.end else last
        elif chart == "exchanges":
            fields["person_id"] = item
            fields["as_counterpart"] = True  # what the bar adds up
        elif chart == "kinds":
            fields["kinds"] = frozenset({item})
        elif chart == "roles":
            if item == reciprocity.NO_ROLE:
                return  # the timeline has no filter for 'no role'
            fields["role"] = item
        else:
            return  # the lag chart counts people, not actions
        self.timeline_requested.emit(fields)

    # -- the page protocol ----------------------------------------------------------------
    def focus_start(self) -> None:
        self.preset.setFocus()

    def focus_search(self) -> None:
        self.preset.setFocus()
