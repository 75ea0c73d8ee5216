"""One person's exchange over recent months, for the small chart on their pane."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from desktop.core.reciprocity.ranges import period_start, shift, start_sql
from desktop.store import query


class Month(NamedTuple):
    start: date
    given: int
    received: int


def person_months(person_id: int, today: date, months: int = 12) -> list[Month]:
    """Actions given to and received from the person (as counterpart) in each of the last
    *months* calendar months up to *today*'s, oldest first; months without any hold zeros."""
    first = shift(period_start(today, "month"), "month", 1 - months)
    rows = query.rows(
        f"SELECT {start_sql('month', 'occurred_on')} AS start,"
        " count(*) FILTER (WHERE direction = 'given') AS given,"
        " count(*) FILTER (WHERE direction = 'received') AS received"
        " FROM action WHERE counterpart_id = ? AND occurred_on >= ? AND occurred_on <= ?"
        " GROUP BY start",
        (person_id, first.isoformat(), today.isoformat()),
        into=Month,
    )
    found = {month.start: month for month in rows}
    starts = [shift(first, "month", n) for n in range(months)]
    return [found.get(start, Month(start, 0, 0)) for start in starts]
