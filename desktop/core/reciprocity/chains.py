"""Pay-it-forward chains: help I received, passed on to someone else, and on from there.

The rule, link by link (each on a later day than the one before, all inside the range):

1. A chain starts with help someone gave me (A: a received action).
2. *Passed on*: after help I received, the next link is the first action I gave, on a
   later day, about the same company, or to or for the person that help was for (its
   beneficiary) -- to anyone but the giver. The person it helped is its beneficiary,
   else its counterpart (B). An action about a need or an opportunity carries its
   company, so the same need or opportunity is the same company too.
3. *Came back*: after help I gave B, the next link is the first action B gave me on a
   later day; from there it can be passed on again (step 2).

So a chain reads A helped me -> I helped B -> B helped me -> I helped C ... It stops
where nothing follows or after *max_depth* links; only chains of two links or more are
listed. Taking the first action at each step keeps one chain per start, and the dates
only ever move forward, so the walk always ends.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from desktop.core.reciprocity.ranges import ALL_TIME, Range
from desktop.store import query

MAX_DEPTH = 12


class ChainLink(NamedTuple):
    """One action of a chain: `direction` 'received' (they helped me) or 'given' (I helped
    them); `person_id` is the giver, or the person my action helped."""

    action_id: int
    person_id: int
    name: str
    on: date
    kind: str
    direction: str


# How an action I gave can carry on help I received (r): the same company, or the person
# r was for. One probe per index (each has the date next), stopping at its first row.
_PASSED_ON = (
    "g.company_id = r.company_id",
    "g.counterpart_id = r.beneficiary_id",
    "g.beneficiary_id = r.beneficiary_id",
)


def _passed_on_sql(where: str) -> str:
    """The id of the first action I gave that passes on the received action `r`."""
    probes = " UNION ALL ".join(
        "SELECT * FROM (SELECT g.occurred_on AS d, g.id FROM action g"
        f" WHERE {link} AND g.direction = 'given' AND g.occurred_on > r.occurred_on"
        f" AND coalesce(g.beneficiary_id, g.counterpart_id) <> r.counterpart_id AND {where}"
        " ORDER BY g.occurred_on, g.id LIMIT 1)"
        for link in _PASSED_ON
    )
    return f"(SELECT id FROM ({probes}) ORDER BY d, id LIMIT 1)"


def _came_back_sql(where: str) -> str:
    """The id of the first action the person of chain row `c` gave me after it."""
    return (
        "(SELECT b.id FROM action b WHERE b.counterpart_id = c.who"
        f" AND b.direction = 'received' AND b.occurred_on > c.d AND {where}"
        " ORDER BY b.occurred_on, b.id LIMIT 1)"
    )


def chains(
    person_id: int | None = None,
    rng: Range = ALL_TIME,
    max_depth: int = 4,
    limit: int = 50,
) -> list[list[ChainLink]]:
    """Chains (see the module) that start with help from *person_id* (None: anyone).

    Longest first, then by the day they start; at most *limit* of them. Without a person,
    every received action in the range starts a chain: keep the range short on a big
    network.
    """
    if not 2 <= max_depth <= MAX_DEPTH:
        raise ValueError(f"A chain has from 2 to {MAX_DEPTH} links; ask for that many.")
    where_a, params_a = rng.sql("a.occurred_on")
    where_g, params_g = rng.sql("g.occurred_on")
    where_b, params_b = rng.sql("b.occurred_on")
    person = "" if person_id is None else "AND a.counterpart_id = ?"
    rows = query.rows(
        "WITH RECURSIVE chain(root, depth, id, direction, who, d) AS ("
        " SELECT a.id, 1, a.id, 'received', a.counterpart_id, a.occurred_on FROM action a"
        f" WHERE a.direction = 'received' {person} AND {where_a}"
        " UNION ALL SELECT c.root, c.depth + 1, n.id, n.direction,"
        " CASE n.direction WHEN 'given' THEN coalesce(n.beneficiary_id, n.counterpart_id)"
        " ELSE n.counterpart_id END, n.occurred_on"
        " FROM chain c JOIN action r ON r.id = c.id JOIN action n ON n.id ="
        f" CASE c.direction WHEN 'received' THEN {_passed_on_sql(where_g)}"
        f" ELSE {_came_back_sql(where_b)} END"
        " WHERE c.depth < ?),"
        " ends AS (SELECT root, max(depth) AS links, min(d) AS first FROM chain"
        " GROUP BY root HAVING links >= 2 ORDER BY links DESC, first, root LIMIT ?)"
        ' SELECT c.root, c.id AS action_id, c.who AS person_id, p.name, c.d AS "on", a.kind,'
        " c.direction"
        " FROM ends e JOIN chain c ON c.root = e.root JOIN action a ON a.id = c.id"
        " JOIN person p ON p.id = c.who ORDER BY e.links DESC, e.first, e.root, c.depth",
        (
            *([] if person_id is None else [person_id]),
            *params_a,
            *params_g * len(_PASSED_ON),
            *params_b,
            max_depth,
            limit,
        ),
        into=_Link,
    )
    found: dict[int, list[ChainLink]] = {}
    for row in rows:
        link = ChainLink(row.action_id, row.person_id, row.name, row.on, row.kind, row.direction)
        found.setdefault(row.root, []).append(link)
    return list(found.values())


class _Link(NamedTuple):
    """A `ChainLink` with the id of the action its chain starts from."""

    root: int
    action_id: int
    person_id: int
    name: str
    on: date
    kind: str
    direction: str
