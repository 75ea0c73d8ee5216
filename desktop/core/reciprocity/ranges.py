"""Date ranges and calendar periods, in Python and as the SQL that groups by them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

PERIODS = ("week", "month", "quarter")

# A range longer than this walks the person index whole instead of seeking the days: past
# a few months, one ordered walk beats sorting the range's actions by person.
SHORT_RANGE_DAYS = 120

# SQL for the first day of the period holding the ISO date {0}. Weeks start on Monday:
# 'weekday 0' moves to the coming Sunday (or stays on one), six days back is its Monday.
_START_SQL = {
    "week": "date({0}, 'weekday 0', '-6 days')",
    "month": "substr({0}, 1, 8) || '01'",
    "quarter": "printf('%s%02d-01', substr({0}, 1, 5),"
    " (CAST(substr({0}, 6, 2) AS INTEGER) + 2) / 3 * 3 - 2)",
}
# The date() modifier from the first day of one period to the first day of the next.
STEP_SQL = {"week": "+7 days", "month": "+1 month", "quarter": "+3 months"}


@dataclass(frozen=True)
class Range:
    """Days from *start* to *end*, both included; None leaves that side open."""

    start: date | None = None
    end: date | None = None

    def sql(self, column: str = "occurred_on") -> tuple[str, list[str]]:
        """A condition keeping the ISO dates of *column* in the range, and its parameters."""
        parts, params = [], []
        if self.start is not None:
            parts.append(f"{column} >= ?")
            params.append(self.start.isoformat())
        if self.end is not None:
            parts.append(f"{column} <= ?")
            params.append(self.end.isoformat())
        return " AND ".join(parts) or "1", params

    def walk_by_person(self) -> tuple[str, list[str]]:
        """`sql()` for queries grouped by person: a long range walks the person index.

        The unary `+` keeps the planner from seeking the days (and then sorting by person)
        when the range covers much of the timeline.
        """
        if self.start is None or self.end is None:
            return self.sql("+occurred_on")
        if (self.end - self.start).days > SHORT_RANGE_DAYS:
            return self.sql("+occurred_on")
        return self.sql()


ALL_TIME = Range()


def check_period(period: str) -> None:
    if period not in PERIODS:
        raise ValueError(f"A period is one of {', '.join(PERIODS)}, not {period!r}.")


def start_sql(period: str, column: str) -> str:
    """SQL for the first day (ISO text) of the period holding *column*."""
    check_period(period)
    return _START_SQL[period].format(column)


def period_start(day: date, period: str) -> date:
    """The first day of the week (Monday), month or quarter holding *day*."""
    check_period(period)
    if period == "week":
        return day - timedelta(days=day.weekday())
    month = day.month if period == "month" else (day.month - 1) // 3 * 3 + 1
    return date(day.year, month, 1)


def shift(start: date, period: str, count: int) -> date:
    """The first day of the period *count* periods after the one starting on *start*."""
    check_period(period)
    if period == "week":
        return start + timedelta(weeks=count)
    months = start.year * 12 + start.month - 1 + count * (1 if period == "month" else 3)
    return date(months // 12, months % 12 + 1, 1)
