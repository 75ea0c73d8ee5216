"""Rebuilding the full-text indexes in bulk."""

from __future__ import annotations

from datetime import date

from desktop.core import actions, people
from desktop.core.actions import ActionData
from desktop.store import search_index
from desktop.store.connection import db


def test_a_bulk_rebuild_finds_everyone_and_leaves_everyday_settings(database):
    ada = people.create_person(people.PersonData(name="Ada Lovelace", company="Ācme"))
    actions.create_action(
        ActionData(occurred_on=date(2026, 1, 5), counterpart_id=ada, summary="Intro to Babbage")
    )
    db.execute_sql("DELETE FROM person_search")
    db.execute_sql("DELETE FROM action_search")
    with db.atomic():
        search_index.rebuild(db)
    assert people.person_ids("acme") == [ada]
    found = db.execute_sql("SELECT rowid FROM action_search WHERE action_search MATCH 'babb*'")
    assert [row[0] for row in found] == [1]
    for table in ("person_search", "action_search"):
        size = db.execute_sql(f"SELECT v FROM {table}_config WHERE k = 'hashsize'").fetchone()
        assert size == (search_index.DEFAULT_HASH_BYTES,)
