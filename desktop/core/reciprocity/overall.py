"""Overall figures for a range, in all and period by period: given, received and reach."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from desktop.core.reciprocity.ranges import (
    ALL_TIME,
    STEP_SQL,
    Range,
    check_period,
    period_start,
    start_sql,
)
from desktop.store import query


class Totals(NamedTuple):
    """What happened in a range.

    given / received: actions in each direction; *_weight: their summed weights (1-3 each).
    people_helped: distinct people who are the counterpart or the beneficiary of an action
    I gave. two_way: distinct people who are the counterpart of at least one action in
    each direction. needs_learned: needs whose `learned_on` is in the range.
    referrals_made / introductions_made: actions I gave of those kinds;
    insights_received: company insights I received.
    """

    given: int
    received: int
    given_weight: int
    received_weight: int
    people_helped: int
    two_way: int
    needs_learned: int
    referrals_made: int
    introductions_made: int
    insights_received: int


class PeriodRow(NamedTuple):
    """The `Totals` figures for one calendar period, and running sums from the range start.

    `start` and `end` are the period's first and last days; the first and last periods
    of a range may be cut short by it, and count only the days inside. cumulative_*
    add up given / received (counts, and weights) over this period and all before it.
    """

    start: date
    end: date
    given: int
    received: int
    given_weight: int
    received_weight: int
    cumulative_given: int
    cumulative_received: int
    cumulative_given_weight: int
    cumulative_received_weight: int
    people_helped: int
    two_way: int
    needs_learned: int
    referrals_made: int
    introductions_made: int
    insights_received: int


def daily_sql(rng: Range) -> tuple[str, list[Any]]:
    """Actions per (day, direction, kind): count n and weight w; one walk of the day index,
    or for all time the summary table kept for it."""
    if rng == ALL_TIME:
        return "SELECT day AS d, direction, kind, n, weight AS w FROM action_day", []
    where, params = rng.sql()
    return (
        "SELECT occurred_on AS d, direction, kind, count(*) AS n, sum(weight) AS w"
        f" FROM action WHERE {where} GROUP BY occurred_on, direction, kind",
        params,
    )


# Sums over rows of `daily_sql`: the `Totals` figures that add up over days.
FLOWS = (
    "coalesce(sum(n) FILTER (WHERE direction = 'given'), 0) AS given,"
    " coalesce(sum(n) FILTER (WHERE direction = 'received'), 0) AS received,"
    " coalesce(sum(w) FILTER (WHERE direction = 'given'), 0) AS given_weight,"
    " coalesce(sum(w) FILTER (WHERE direction = 'received'), 0) AS received_weight,"
    " coalesce(sum(n) FILTER (WHERE direction = 'given' AND kind = 'referral'), 0)"
    " AS referrals_made,"
    " coalesce(sum(n) FILTER (WHERE direction = 'given' AND kind = 'introduction'), 0)"
    " AS introductions_made,"
    " coalesce(sum(n) FILTER (WHERE direction = 'received' AND kind = 'company_insight'), 0)"
    " AS insights_received"
)


def helped_sql(walk: str, where: str) -> str:
    """Everyone an action I gave helped (its counterpart and its beneficiary), once each.

    *walk* and *where* pick the actions (see `Range.walk_by_person`). The `+` keeps the
    planner off the beneficiary index, which lacks the direction.
    """
    return (
        f"SELECT counterpart_id FROM action WHERE direction = 'given' AND {walk}"
        " GROUP BY counterpart_id UNION SELECT beneficiary_id FROM action"
        f" WHERE direction = 'given' AND +beneficiary_id IS NOT NULL AND {where}"
    )


def two_way_sql(where: str) -> str:
    """The people who are the counterpart of actions in both directions, among *where*."""
    return (
        f"SELECT counterpart_id FROM action WHERE {where}"
        " GROUP BY counterpart_id HAVING count(DISTINCT direction) = 2"
    )


def learned_sql(rng: Range) -> tuple[str, list[Any]]:
    """A condition on `need` for the needs learned in *rng*."""
    where, params = rng.sql("learned_on")
    return f"learned_on IS NOT NULL AND {where}", params


def totals(rng: Range = ALL_TIME) -> Totals:
    """The figures of `Totals` for the actions and needs in *rng*."""
    daily, daily_params = daily_sql(rng)
    learned, learned_params = learned_sql(rng)
    if rng == ALL_TIME:  # the person summary has both counts at hand
        helped, two_way, people_params = (
            "SELECT person_id FROM action_person WHERE helped",
            "SELECT person_id FROM action_person WHERE given > 0 AND received > 0",
            [],
        )
    else:
        where, params = rng.sql()
        walk, walk_params = rng.walk_by_person()
        helped, two_way = helped_sql(walk, where), two_way_sql(walk)
        people_params = [*walk_params, *params, *walk_params]
    found = query.row(
        f"SELECT {FLOWS},"
        f" (SELECT count(*) FROM ({helped})) AS people_helped,"
        f" (SELECT count(*) FROM ({two_way})) AS two_way,"
        f" (SELECT count(*) FROM need WHERE {learned}) AS needs_learned"
        f" FROM ({daily})",
        (*people_params, *learned_params, *daily_params),
        into=Totals,
    )
    assert found is not None  # sums always make a row
    return found


def axis_bounds(rng: Range) -> tuple[date, date] | None:
    """The first and last day the periods of *rng* cover; None when there is nothing to show.

    An open side of the range stops at the first or last action, or need learned, in it.
    """
    if rng.start is not None and rng.end is not None:
        return (rng.start, rng.end) if rng.start <= rng.end else None
    where, params = rng.sql()
    learned, learned_params = learned_sql(rng)
    ends = query.row(
        f"SELECT (SELECT min(occurred_on) FROM action WHERE {where}) AS first_action,"
        f" (SELECT min(learned_on) FROM need WHERE {learned}) AS first_need,"
        f" (SELECT max(occurred_on) FROM action WHERE {where}) AS last_action,"
        f" (SELECT max(learned_on) FROM need WHERE {learned}) AS last_need",
        (*params, *learned_params, *params, *learned_params),
        into=_Ends,
    )
    assert ends is not None  # min and max always make a row
    firsts = [d for d in (ends.first_action, ends.first_need) if d]
    lasts = [d for d in (ends.last_action, ends.last_need) if d]
    if not firsts:
        return None
    first = rng.start or min(firsts)
    last = rng.end or max(lasts)
    return (first, last) if first <= last else None


class _Ends(NamedTuple):
    """The first and last day with an action, and with a need learned (None: none)."""

    first_action: date | None
    first_need: date | None
    last_action: date | None
    last_need: date | None


def by_period(rng: Range = ALL_TIME, period: str = "month", people: bool = True) -> list[PeriodRow]:
    """`PeriodRow`s for every week, month or quarter the range covers, oldest first.

    The axis is continuous: a period without actions is there with zeros. People helped
    and two-way relationships are counted within each period, so they do not add up to
    the range's totals (someone helped in two months counts once in each). They cost
    most of the time: without *people* they are left at 0.
    """
    check_period(period)
    bounds = axis_bounds(rng)
    if bounds is None:
        return []
    sql, params = by_period_sql(rng, period, *bounds, people=people)
    return query.rows(sql, params, into=PeriodRow)


def by_period_sql(
    rng: Range, period: str, first: date, last: date, people: bool = True
) -> tuple[str, list[Any]]:
    """The SQL and parameters behind `by_period`, for periods from *first* to *last*.

    The people figures are counted period by period (one seek of the day index each):
    many small sorts beat one sort of every (period, person) pair by half. Without
    *people* they are left at 0, for series that only need the flows.
    """
    step = STEP_SQL[period]
    daily, daily_params = daily_sql(rng)
    where, params = rng.sql()
    in_period = f"occurred_on >= axis.p AND occurred_on < axis.next AND {where}"
    learned, learned_params = learned_sql(rng)
    reach = (
        f"(SELECT count(*) FROM ({helped_sql(in_period, in_period)})) AS people_helped,"
        f" (SELECT count(*) FROM ({two_way_sql(in_period)})) AS two_way"
        if people
        else "0 AS people_helped, 0 AS two_way"
    )
    cumulative = ", ".join(
        f"sum(coalesce(f.{c}, 0)) OVER (ORDER BY axis.p) AS cumulative_{c}"
        for c in ("given", "received", "given_weight", "received_weight")
    )
    sql = (
        "WITH RECURSIVE axis(p, next) AS (SELECT ?, date(?, ?)"
        " UNION ALL SELECT next, date(next, ?) FROM axis WHERE next <= ?),"
        f" flows AS (SELECT {start_sql(period, 'd')} AS p, {FLOWS}"
        f" FROM ({daily}) GROUP BY 1),"
        f" learned AS (SELECT {start_sql(period, 'learned_on')} AS p, count(*) AS n"
        f" FROM need WHERE {learned} GROUP BY 1)"
        " SELECT axis.p AS start, date(axis.next, '-1 day') AS \"end\","
        " coalesce(f.given, 0) AS given, coalesce(f.received, 0) AS received,"
        " coalesce(f.given_weight, 0) AS given_weight,"
        " coalesce(f.received_weight, 0) AS received_weight,"
        f" {cumulative},"
        f" {reach},"
        " coalesce(l.n, 0) AS needs_learned,"
        " coalesce(f.referrals_made, 0) AS referrals_made,"
        " coalesce(f.introductions_made, 0) AS introductions_made,"
        " coalesce(f.insights_received, 0) AS insights_received"
        " FROM axis LEFT JOIN flows f ON f.p = axis.p LEFT JOIN learned l ON l.p = axis.p"
        " ORDER BY axis.p"
    )
    axis_start = period_start(first, period).isoformat()
    return sql, [
        axis_start, axis_start, step, step, last.isoformat(),
        *daily_params, *learned_params, *(params * 3 if people else []),
    ]  # fmt: skip
