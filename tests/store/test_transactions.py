"""Transactions against another writer and a full disk: a write waits for a lock instead
of failing, and the error that escapes a failed transaction names the real cause."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from disks import fill, small_disk

from desktop.core import people
from desktop.core.people import PersonData
from desktop.store import connection
from desktop.store.errors import storage_problem

db = connection.db


def hold_the_write_lock(path, seconds: float) -> tuple[threading.Thread, threading.Event]:
    """Another connection takes the write lock, commits a change after *seconds*."""
    locked = threading.Event()

    def hold() -> None:
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute(
                "INSERT INTO company (name, name_key, created_at, updated_at)"
                " VALUES ('Initech', 'initech', '', '')"
            )
            locked.set()
            time.sleep(seconds)
            other.execute("COMMIT")
        finally:
            other.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert locked.wait(10)
    return holder, locked


def test_a_write_waits_for_another_connections_write_lock(database):
    people.create_person(PersonData(name="Ada Lovelace"))  # the reads to come see this
    holder, _locked = hold_the_write_lock(database, 1.0)
    started = time.monotonic()
    try:
        # create_person reads (the same-name check) before it writes: a deferred
        # transaction would hold an old snapshot and fail once the other one commits.
        people.create_person(PersonData(name="Grace Hopper"))
    finally:
        holder.join()
    assert time.monotonic() - started >= 0.9
    names = db.execute_sql("SELECT name FROM person ORDER BY name").fetchall()
    assert names == [("Ada Lovelace",), ("Grace Hopper",)]
    assert db.execute_sql("SELECT name FROM company").fetchall() == [("Initech",)]


def test_a_read_takes_no_write_lock(database):
    holder, _locked = hold_the_write_lock(database, 1.0)
    started = time.monotonic()
    try:
        with db.reading():
            assert db.execute_sql("SELECT count(*) FROM person").fetchone() == (0,)
        waited = time.monotonic() - started
    finally:
        holder.join()
    assert waited < 0.5


def _insert_until_full() -> None:
    with db.atomic():
        for n in range(100_000):
            db.execute_sql(
                "INSERT INTO company (name, name_key, notes, created_at, updated_at)"
                " VALUES (?, ?, ?, '', '')",
                (f"Company {n}", f"company {n}", "x" * 2000),
            )


def _assert_names_the_full_disk(exc: BaseException) -> None:
    assert "database or disk is full" in str(exc)
    assert "no transaction is active" not in str(exc) and "cannot rollback" not in str(exc)
    problem = storage_problem(exc, "net.sqlite3")
    assert problem is not None and problem.kind == "full"
    assert str(problem).startswith("The disk holding net.sqlite3 is full; nothing was saved.")


def test_after_the_page_limit_inside_a_transaction_the_error_names_the_full_disk(database):
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 20}")
    with pytest.raises(Exception) as refused:
        _insert_until_full()
    _assert_names_the_full_disk(refused.value)
    assert not db.connection().in_transaction
    assert db.execute_sql("SELECT count(*) FROM company").fetchone() == (0,)
    people.create_person(PersonData(name="Still works"))


def test_after_a_full_disk_inside_a_transaction_the_error_names_it():
    """On a real full disk SQLite rolls the transaction back itself, at a write or at the
    COMMIT; peewee's second ROLLBACK would then replace the cause with its own failure."""
    with small_disk(1024) as disk:
        path = connection.open_database(disk / "net.sqlite3")
        try:
            filler = fill(disk)
            with pytest.raises(Exception) as refused:
                _insert_until_full()
            _assert_names_the_full_disk(refused.value)
            assert not db.connection().in_transaction
            filler.unlink()
            people.create_person(PersonData(name="Room again"))
            assert db.execute_sql("SELECT count(*) FROM company").fetchone() == (0,)
            assert connection.quick_check() == "ok"
        finally:
            connection.close_database()
        assert path.exists()


def test_a_read_is_not_counted_as_a_change_to_back_up(database):
    before = connection.db.writes
    with connection.db.reading():
        connection.db.execute_sql("SELECT count(*) FROM person").fetchone()
    assert connection.db.writes == before
    with connection.db.atomic():
        connection.db.execute_sql(
            "INSERT INTO company (name, name_key, created_at, updated_at) VALUES ('A', 'a', '', '')"
        )
    assert connection.db.writes == before + 1


def test_a_bug_while_opening_is_not_called_a_problem_of_the_file(tmp_path, monkeypatch):
    from desktop.store import migrations

    def broken(*args, **kwargs):
        raise AttributeError("'NoneType' object has no attribute 'upgrade'")

    monkeypatch.setattr(migrations, "migrate", broken)
    with pytest.raises(AttributeError):
        connection.open_database(tmp_path / "new.sqlite3")
