"""What I gave one person and what they gave me: the balance of one relationship."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from desktop.core.reciprocity.ranges import ALL_TIME, Range
from desktop.store import query


class PersonBalance(NamedTuple):
    """The actions in a range whose counterpart is the person.

    `balance` is given_weight - received_weight: above zero, I have given them more than
    they gave me. `lag_days` is the reciprocation lag: days from the first action I gave
    them to the first action they gave me on a later day; None while they have not.
    """

    person_id: int
    given: int
    received: int
    given_weight: int
    received_weight: int
    balance: int
    first_given: date | None
    last_given: date | None
    first_received: date | None
    last_received: date | None
    lag_days: int | None


def person_balance(person_id: int, rng: Range = ALL_TIME) -> PersonBalance:
    """Given against received with *person_id*, in counts, weights and dates."""
    where, params = rng.sql()
    found = query.row(
        "WITH mine AS (SELECT direction, occurred_on, weight FROM action"
        f" WHERE counterpart_id = ? AND {where}),"
        " sums AS (SELECT"
        " count(*) FILTER (WHERE direction = 'given') AS given,"
        " count(*) FILTER (WHERE direction = 'received') AS received,"
        " coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS gw,"
        " coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0) AS rw,"
        " min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,"
        " max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,"
        " min(occurred_on) FILTER (WHERE direction = 'received') AS first_received,"
        " max(occurred_on) FILTER (WHERE direction = 'received') AS last_received"
        " FROM mine)"
        " SELECT ? AS person_id, given, received, gw AS given_weight, rw AS received_weight,"
        " gw - rw AS balance, first_given, last_given, first_received, last_received,"
        " CAST(julianday((SELECT min(occurred_on) FROM mine"
        " WHERE direction = 'received' AND occurred_on > first_given))"
        " - julianday(first_given) AS INTEGER) AS lag_days FROM sums",
        (person_id, *params, person_id),
        into=PersonBalance,
    )
    assert found is not None  # an aggregate always has its one row
    return found
