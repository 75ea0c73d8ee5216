"""People who helped me and have not been helped back yet."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from desktop.core.reciprocity.ranges import ALL_TIME, Range
from desktop.store import query


class Owed(NamedTuple):
    """Someone whose help I have not returned yet, within a range.

    `owed_weight` is what they gave me beyond what I gave them (received_weight -
    given_weight, never below 0). `since` is the day of the oldest of their help still
    unanswered: of what weight says (my help answers theirs oldest first, weight for
    weight: the first of theirs it does not cover) and of what time says (their first
    help after my last help to them), the earlier.
    """

    person_id: int
    name: str
    owed_weight: int
    received_weight: int
    given_weight: int
    since: date
    last_received: date
    last_given: date | None


def _owing_sql(rng: Range) -> tuple[str, list[Any]]:
    """People owed: received more weight than given, or helped me after my last help."""
    if rng == ALL_TIME:
        return (
            "SELECT person_id AS who, max(received_weight - given_weight, 0) AS owed,"
            " received_weight AS rw, given_weight AS gw, last_received, last_given"
            " FROM action_person"
            " WHERE received_weight > given_weight OR last_received > last_given",
            [],
        )
    walk, params = rng.walk_by_person()
    return (
        "SELECT who, max(rw - gw, 0) AS owed, rw, gw, last_received, last_given FROM"
        " (SELECT counterpart_id AS who,"
        " coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0) AS rw,"
        " coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS gw,"
        " max(occurred_on) FILTER (WHERE direction = 'received') AS last_received,"
        " max(occurred_on) FILTER (WHERE direction = 'given') AS last_given"
        f" FROM action WHERE {walk} GROUP BY counterpart_id)"
        " WHERE rw > gw OR last_received > last_given",
        params,
    )


def _since_sql(rng: Range) -> tuple[str, list[Any]]:
    """The `since` of a row of `_owing_sql` (in a query over it), and its parameters."""
    where, params = rng.sql("r.occurred_on")
    # Running sums of their help, oldest first: the first one above my weight is unanswered.
    by_weight = (
        "(SELECT min(d) FROM (SELECT r.occurred_on AS d,"
        " sum(r.weight) OVER (ORDER BY r.occurred_on, r.id) AS run FROM action r"
        f" WHERE r.counterpart_id = o.who AND r.direction = 'received' AND {where})"
        " WHERE run > o.gw)"
    )
    by_time = (
        "(SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = o.who"
        f" AND r.direction = 'received' AND r.occurred_on > o.last_given AND {where})"
    )
    since = (
        f"CASE WHEN o.owed = 0 THEN {by_time}"
        f" WHEN o.last_given IS NULL OR o.last_received <= o.last_given THEN {by_weight}"
        f" ELSE min({by_weight}, {by_time}) END"
    )
    return since, params * 4


def owed(rng: Range = ALL_TIME, limit: int | None = 20) -> list[Owed]:
    """The people who helped me and have not been helped back: most owed weight first.

    Ties go to the oldest unanswered help (`since`), then to the name. Only the people
    who can be among the first *limit* (None: all) have their `since` worked out.
    """
    owing, params = _owing_sql(rng)
    since, since_params = _since_sql(rng)
    # The owed weight of the limit-th person: nobody owed less can make the list.
    cut = "-1" if limit is None else "(SELECT owed FROM owing ORDER BY owed DESC LIMIT 1 OFFSET ?)"
    cut_params = [] if limit is None else [max(limit - 1, 0)]
    return query.rows(
        f"WITH owing AS ({owing})"
        f" SELECT o.who AS person_id, p.name, o.owed AS owed_weight, o.rw AS received_weight,"
        f" o.gw AS given_weight, {since} AS since, o.last_received, o.last_given"
        " FROM owing o JOIN person p ON p.id = o.who"
        f" WHERE o.owed >= coalesce({cut}, -1)"
        " ORDER BY o.owed DESC, since, p.sort_key, p.id LIMIT ?",
        (*params, *since_params, *cut_params, -1 if limit is None else limit),
        into=Owed,
    )
