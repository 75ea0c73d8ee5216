"""The timeline's summary tables (action_day, action_person), rebuilt in bulk.

Triggers keep them current on every change to `action` (see schema_v2.sql). A bulk load
(the sample network, an import) takes the triggers away, loads, puts them back and calls
`rebuild`, all in one transaction, which is far faster than a million trigger runs: even a
trigger that does nothing costs its WHEN test per row. (So schema v2's switch for those
tests, `summary_state.paused`, stays at 0.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from desktop.store import query
from desktop.store.sqltypes import Database

REBUILD = (
    "DELETE FROM action_day",
    "INSERT INTO action_day (day, direction, kind, n, weight)"
    " SELECT occurred_on, direction, kind, count(*), sum(weight) FROM action"
    " GROUP BY occurred_on, direction, kind",
    "DELETE FROM action_person",
    "INSERT INTO action_person"
    " SELECT s.who, s.given, s.received, s.given_weight, s.received_weight, s.first_given,"
    " s.last_given, s.last_received,"
    " (SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = s.who"
    "  AND r.direction = 'received' AND r.occurred_on > s.first_given),"
    " s.given > 0"
    " FROM (SELECT counterpart_id AS who,"
    "  count(*) FILTER (WHERE direction = 'given') AS given,"
    "  count(*) FILTER (WHERE direction = 'received') AS received,"
    "  coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,"
    "  coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0) AS received_weight,"
    "  min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,"
    "  max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,"
    "  max(occurred_on) FILTER (WHERE direction = 'received') AS last_received"
    "  FROM action GROUP BY counterpart_id) s",
    # People helped only as beneficiaries of what I gave: helped, with nothing exchanged.
    "UPDATE action_person SET helped = 1 WHERE helped = 0 AND person_id IN"
    " (SELECT beneficiary_id FROM action WHERE direction = 'given'"
    "  AND beneficiary_id IS NOT NULL)",
    "INSERT INTO action_person"
    " SELECT DISTINCT beneficiary_id, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 1 FROM action"
    " WHERE direction = 'given' AND beneficiary_id IS NOT NULL"
    " AND beneficiary_id NOT IN (SELECT person_id FROM action_person)",
)


class _Trigger(NamedTuple):
    name: str
    sql: str


def rebuild(database: Database) -> None:
    """Work both summaries out afresh from the timeline (inside the caller's transaction)."""
    for statement in REBUILD:
        query.execute(statement, database=database)


@contextmanager
def paused(database: Database) -> Iterator[None]:
    """Load actions in bulk without the triggers; rebuild the summaries afterwards.

    Only inside the caller's transaction, so that a rollback brings the triggers back too.
    """
    if not database.connection().in_transaction:
        raise RuntimeError("summaries.paused needs a transaction around it")
    triggers = query.rows(
        "SELECT name, sql FROM sqlite_master"
        " WHERE type = 'trigger' AND tbl_name = 'action' AND name LIKE 'action_summary_%'",
        into=_Trigger,
        database=database,
    )
    for trigger in triggers:
        query.execute(f'DROP TRIGGER "{trigger.name}"', database=database)
    try:
        yield
    finally:
        for trigger in triggers:
            query.execute(trigger.sql, database=database)
    rebuild(database)
