"""The dashboard: this week's or month's figures against the last, a sparkline, and who
is owed help."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from desktop.core.reciprocity.overall import PeriodRow, by_period_sql, totals
from desktop.core.reciprocity.owed import Owed, owed
from desktop.core.reciprocity.ranges import Range, check_period, period_start, shift
from desktop.store import query

SPARK_PERIODS = 12
OWED_ON_DASHBOARD = 20  # the top of the list; the Reciprocity page has room for more


class Tile(NamedTuple):
    """A figure for this period and the one before; `change` is current - previous."""

    current: int
    previous: int
    change: int


class SparkPoint(NamedTuple):
    """Actions given and received in the period starting on `start`."""

    start: date
    given: int
    received: int


class Dashboard(NamedTuple):
    """What the dashboard shows for the calendar period (week or month) holding today.

    Tiles compare this whole period with the whole previous one: people_helped,
    referrals_made, needs_learned and two_way as in `Totals`; follow_ups_due counts the
    follow-ups dated in the period, done or not. `sparkline` holds the last
    SPARK_PERIODS periods up to this one, oldest first; `owed` the top of `owed()` over
    all time.
    """

    period: str
    start: date
    previous_start: date
    people_helped: Tile
    referrals_made: Tile
    needs_learned: Tile
    two_way: Tile
    follow_ups_due: Tile
    sparkline: list[SparkPoint]
    owed: list[Owed]


def _tile(current: int, previous: int) -> Tile:
    return Tile(current, previous, current - previous)


def _follow_ups_dated(previous: date, current: date, end: date) -> tuple[int, int]:
    """Follow-ups dated from *current* to *end*, and from *previous* to the day before
    *current*, done or not. The open-only index cannot count done ones: this walks."""
    found = query.row(
        "SELECT count(*) FILTER (WHERE follow_up_on >= ?) AS current,"
        " count(*) FILTER (WHERE follow_up_on < ?) AS previous"
        " FROM action WHERE follow_up_on BETWEEN ? AND ?",
        (current.isoformat(), current.isoformat(), previous.isoformat(), end.isoformat()),
        into=_Dated,
    )
    assert found is not None  # counts always make a row
    return found.current, found.previous


class _Dated(NamedTuple):
    current: int
    previous: int


def _sparkline(start: date, end: date, period: str) -> list[SparkPoint]:
    sql, params = by_period_sql(Range(start, end), period, start, end, people=False)
    rows = query.rows(sql, params, into=PeriodRow)
    return [SparkPoint(row.start, row.given, row.received) for row in rows]


def dashboard(today: date, period: str = "week") -> Dashboard:
    """The `Dashboard` for the week or month holding *today*."""
    check_period(period)
    if period not in ("week", "month"):
        raise ValueError("The dashboard shows a week or a month.")
    start = period_start(today, period)
    previous_start, next_start = shift(start, period, -1), shift(start, period, 1)
    end = next_start - timedelta(days=1)
    now = totals(Range(start, end))
    before = totals(Range(previous_start, start - timedelta(days=1)))
    return Dashboard(
        period,
        start,
        previous_start,
        _tile(now.people_helped, before.people_helped),
        _tile(now.referrals_made, before.referrals_made),
        _tile(now.needs_learned, before.needs_learned),
        _tile(now.two_way, before.two_way),
        _tile(*_follow_ups_dated(previous_start, start, end)),
        _sparkline(shift(start, period, 1 - SPARK_PERIODS), end, period),
        owed(limit=OWED_ON_DASHBOARD),
    )
