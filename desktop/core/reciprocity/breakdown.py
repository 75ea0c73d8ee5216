"""Given and received split by kind of action and by the counterpart's role."""

from __future__ import annotations

from typing import Any, NamedTuple

from desktop.core.reciprocity.overall import daily_sql
from desktop.core.reciprocity.ranges import ALL_TIME, Range
from desktop.store import query
from desktop.store.models import ACTION_KINDS, ROLES

#: The `RoleRow.role` of people who have no role.
NO_ROLE = "no_role"


class KindRow(NamedTuple):
    """Actions of one kind in a range: counts and summed weights in each direction."""

    kind: str
    given: int
    received: int
    given_weight: int
    received_weight: int


class RoleRow(NamedTuple):
    """Actions whose counterpart has the role (`NO_ROLE`: has none), in a range.

    A person with two roles counts under both, so the rows can add up to more than the
    totals. `people` is how many of them had actions in the range.
    """

    role: str
    people: int
    given: int
    received: int
    given_weight: int
    received_weight: int


# Counts and weights in each direction over actions (n = 1) or day rows (n, w summed).
_SPLIT = (
    "coalesce(sum({n}) FILTER (WHERE direction = 'given'), 0) AS given,"
    " coalesce(sum({n}) FILTER (WHERE direction = 'received'), 0) AS received,"
    " coalesce(sum({w}) FILTER (WHERE direction = 'given'), 0) AS given_weight,"
    " coalesce(sum({w}) FILTER (WHERE direction = 'received'), 0) AS received_weight"
)


def per_person_sql(rng: Range) -> tuple[str, list[Any]]:
    """Per counterpart (`who`): given, received, given_weight, received_weight in *rng*
    (for all time, from the person summary)."""
    if rng == ALL_TIME:
        return (
            "SELECT person_id AS who, given, received, given_weight, received_weight"
            " FROM action_person WHERE given + received > 0",
            [],
        )
    walk, params = rng.walk_by_person()
    return (
        "SELECT counterpart_id AS who,"
        " count(*) FILTER (WHERE direction = 'given') AS given,"
        " count(*) FILTER (WHERE direction = 'received') AS received,"
        " coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,"
        " coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0) AS received_weight"
        f" FROM action WHERE {walk} GROUP BY counterpart_id",
        params,
    )


def by_kind(rng: Range = ALL_TIME) -> list[KindRow]:
    """A `KindRow` for every kind of action, in the order of the action form."""
    daily, params = daily_sql(rng)
    rows = query.rows(
        f"SELECT kind, {_SPLIT.format(n='n', w='w')} FROM ({daily}) GROUP BY kind",
        params,
        into=KindRow,
    )
    found = {row.kind: row for row in rows}
    return [found.get(kind, KindRow(kind, 0, 0, 0, 0)) for kind in ACTION_KINDS]


def by_role(rng: Range = ALL_TIME) -> list[RoleRow]:
    """A `RoleRow` for every role in the order of the person form, then `NO_ROLE`."""
    per, params = per_person_sql(rng)
    rows = query.rows(
        f"WITH per AS ({per})"
        f" SELECT coalesce(r.role, '{NO_ROLE}') AS role, count(*) AS people,"
        " sum(per.given) AS given, sum(per.received) AS received,"
        " sum(per.given_weight) AS given_weight, sum(per.received_weight) AS received_weight"
        " FROM per LEFT JOIN person_role r ON r.person_id = per.who GROUP BY 1",
        params,
        into=RoleRow,
    )
    found = {row.role: row for row in rows}
    return [found.get(role, RoleRow(role, 0, 0, 0, 0, 0)) for role in (*ROLES, NO_ROLE)]
