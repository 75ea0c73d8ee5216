"""Who I exchange the most with, and how long goodwill takes to come back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from desktop.core.reciprocity.breakdown import per_person_sql
from desktop.core.reciprocity.ranges import ALL_TIME, Range
from desktop.store import query

#: Upper ends (days, inclusive) of the lag bins: 0-7, 8-30, 31-90, 91-180, then 181+.
LAG_BINS = (7, 30, 90, 180)


class Exchange(NamedTuple):
    """One person's summed weights of actions in each direction, in a range."""

    person_id: int
    name: str
    given_weight: int
    received_weight: int


class LagBin(NamedTuple):
    """How many people's reciprocation lag is from `low` to `high` days (None: no end)."""

    low: int
    high: int | None
    people: int


class _Binned(NamedTuple):
    bin: int  # the bin's index; -1 for those still waiting
    n: int


class LagHistogram(NamedTuple):
    """Reciprocation lags across people, and how many people have not reciprocated yet.

    A person's lag runs from the first action I gave them in the range to the first
    action they gave me on a later day in the range. `waiting` counts the people I gave
    to in the range who have not given back since.
    """

    bins: list[LagBin]
    waiting: int


def top_exchanges(rng: Range = ALL_TIME, limit: int = 10) -> list[Exchange]:
    """The *limit* people with the most weight exchanged (given + received), most first."""
    per, params = per_person_sql(rng)
    return query.rows(
        f"SELECT per.who AS person_id, p.name, per.given_weight, per.received_weight"
        f" FROM ({per}) per JOIN person p ON p.id = per.who"
        " ORDER BY per.given_weight + per.received_weight DESC, p.sort_key, p.id LIMIT ?",
        (*params, limit),
        into=Exchange,
    )


def lag_sql(rng: Range) -> tuple[str, list[Any]]:
    """Per person I gave to in *rng* (`who`): `first_given` and `lag` in days (or NULL)."""
    if rng == ALL_TIME:
        return (
            "SELECT person_id AS who, first_given, CAST(julianday(came_back_on)"
            " - julianday(first_given) AS INTEGER) AS lag FROM action_person"
            " WHERE first_given IS NOT NULL",
            [],
        )
    walk, walk_params = rng.walk_by_person()
    end = "" if rng.end is None else "AND r.occurred_on <= ?"
    end_params = [] if rng.end is None else [rng.end.isoformat()]
    return (
        "SELECT who, first_given, CAST(julianday((SELECT min(r.occurred_on) FROM action r"
        " WHERE r.counterpart_id = who AND r.direction = 'received'"
        f" AND r.occurred_on > first_given {end})) - julianday(first_given) AS INTEGER) AS lag"
        " FROM (SELECT counterpart_id AS who, min(occurred_on) AS first_given FROM action"
        f" WHERE direction = 'given' AND {walk} GROUP BY counterpart_id)",
        [*end_params, *walk_params],
    )


def lag_histogram(rng: Range = ALL_TIME, bins: Sequence[int] = LAG_BINS) -> LagHistogram:
    """How many people reciprocated within each bin of days, and how many are waiting.

    *bins* are the inclusive upper ends of all bins but the last, rising; the first bin
    starts at 0 and the last has no end. Lags are at least a day, for a same-day
    action cannot be told to come after mine.
    """
    highs = [int(b) for b in bins]
    if any(b < 0 for b in highs) or highs != sorted(set(highs)):
        raise ValueError("The bins' upper ends must be rising numbers of days, from 0.")
    lags, params = lag_sql(rng)
    cases = " ".join(f"WHEN lag <= ? THEN {i}" for i in range(len(highs)))
    rows = query.rows(
        f"SELECT CASE WHEN lag IS NULL THEN -1 {cases} ELSE {len(highs)} END AS bin,"
        f" count(*) AS n FROM ({lags}) GROUP BY bin",
        (*highs, *params),
        into=_Binned,
    )
    counts = {row.bin: row.n for row in rows}
    lows, ends = [0] + [h + 1 for h in highs], [*highs, None]
    spans = enumerate(zip(lows, ends, strict=True))
    return LagHistogram(
        [LagBin(low, high, counts.get(i, 0)) for i, (low, high) in spans], counts.get(-1, 0)
    )
