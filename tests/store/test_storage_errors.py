"""storage_problem: each refusal of the disk or the file, as SQLite and the system really
raise it, becomes words of its kind; anything else is left to be reported as a bug."""

from __future__ import annotations

import errno
import sqlite3

import peewee
import pytest
from disks import fill, small_disk

from desktop.store import errors
from desktop.store.errors import StorageError, storage_problem


def sqlite_error(path, *statements, uri=False, timeout=5.0) -> sqlite3.Error:
    """The error SQLite raises running *statements* on *path*."""
    con = None
    try:
        con = sqlite3.connect(path, uri=uri, timeout=timeout, isolation_level=None)
        for statement in statements:
            con.execute(statement)
    except sqlite3.Error as exc:
        return exc
    finally:
        if con is not None:
            con.close()
    raise AssertionError("SQLite did not refuse")


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "t.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = wal")
    con.execute("CREATE TABLE t (x TEXT CHECK (length(x) < 10))")
    con.commit()
    con.close()
    return path


def kind(exc: BaseException, path=None) -> str | None:
    problem = storage_problem(exc, path)
    return problem.kind if problem else None


def test_a_full_database_is_full(table):
    exc = sqlite_error(
        table,
        "PRAGMA max_page_count = 3",
        "BEGIN",
        "INSERT INTO t SELECT 'x' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
        " SELECT i + 1 FROM n WHERE i < 100000) SELECT i FROM n)",
    )
    assert exc.sqlite_errorname == "SQLITE_FULL"
    assert kind(exc) == "full"
    assert str(storage_problem(exc)) == (
        "The disk is full; nothing was saved. Free some space and try again."
    )
    assert str(storage_problem(exc, table)).startswith(f"The disk holding {table} is full;")


def test_a_read_only_database_is_read_only(table):
    exc = sqlite_error(f"{table.as_uri()}?mode=ro", "INSERT INTO t VALUES ('a')", uri=True)
    assert exc.sqlite_errorname.startswith("SQLITE_READONLY")
    assert kind(exc) == "read-only"
    said = storage_problem(exc, table, saved_nothing=False)
    assert str(said) == (
        f"{table} cannot be written to: the file or its folder is read-only. Make it "
        "writable (or copy it somewhere you can write), then open it again."
    )


def test_a_database_locked_too_long_is_busy(table):
    holder = sqlite3.connect(table, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    try:
        exc = sqlite_error(table, "BEGIN IMMEDIATE", timeout=0)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert exc.sqlite_errorname == "SQLITE_BUSY"
    assert kind(exc) == "busy"
    assert "kept it locked for more than 5 seconds" in str(storage_problem(exc, table))


def test_a_vanished_folder_is_gone(tmp_path):
    exc = sqlite_error(tmp_path / "no such folder" / "x.sqlite3", "SELECT 1")
    assert exc.sqlite_errorname == "SQLITE_CANTOPEN"
    assert kind(exc) == "gone"


def test_a_damaged_file_is_damaged(tmp_path):
    path = tmp_path / "x.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    exc = sqlite_error(path, "SELECT * FROM sqlite_master")
    assert kind(exc) == "damaged"


def test_a_shared_memory_file_that_cannot_grow_is_a_full_disk():
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"  # as SQLite sets it on a full disk
    assert kind(exc) == "full"
    other = sqlite3.OperationalError("disk I/O error")
    other.sqlite_errorname = "SQLITE_IOERR_READ"
    assert kind(other) == "io"


def test_opening_on_a_really_full_disk_is_a_full_disk():
    with small_disk(512) as disk:
        path = disk / "x.sqlite3"
        con = sqlite3.connect(path)
        con.execute("PRAGMA journal_mode = wal")
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()  # the last connection takes the -wal and -shm away
        fill(disk)
        exc = sqlite_error(path, "SELECT * FROM t")
        assert exc.sqlite_errorname == "SQLITE_IOERR_SHMSIZE"
        assert kind(exc, path) == "full"


def test_an_input_output_error_on_a_disk_without_room_is_a_full_disk(tmp_path, monkeypatch):
    exc = sqlite3.OperationalError("disk I/O error")
    assert kind(exc, tmp_path / "x.sqlite3") == "io"
    usage = errors.shutil.disk_usage(tmp_path)
    monkeypatch.setattr(errors.shutil, "disk_usage", lambda folder: usage._replace(free=4096))
    assert kind(exc, tmp_path / "x.sqlite3") == "full"
    assert kind(exc) == "io"  # without a file there is no disk to ask


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (errno.ENOSPC, "full"),
        (errno.EDQUOT, "full"),
        (errno.EROFS, "read-only"),
        (errno.EACCES, "read-only"),
        (errno.EPERM, "read-only"),
        (errno.ENOENT, "gone"),
        (errno.EIO, "io"),
    ],
)
def test_the_systems_refusals(tmp_path, number, expected):
    exc = OSError(number, "refused", str(tmp_path / "out.vcf"))
    assert kind(exc) == expected
    assert str(tmp_path / "out.vcf") in str(storage_problem(exc))


def test_peewee_keeps_sqlites_error_inside_its_own(table):
    wrapped = peewee.OperationalError(sqlite3.OperationalError("database is locked"))
    assert kind(wrapped) == "busy"
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.Error:
            raise RuntimeError("cannot rollback - no transaction is active") from None
    except RuntimeError as exc:
        assert kind(exc) == "full"  # found in the context, behind the second failure


def test_a_storage_error_is_its_own_words():
    known = StorageError("full", "The backups folder is full", "Free some space.")
    assert storage_problem(RuntimeError("wrapper"), None) is None
    assert storage_problem(known) is known


@pytest.mark.parametrize(
    "exc",
    [
        ValueError("a bug"),
        KeyError("x"),
        sqlite3.IntegrityError("CHECK constraint failed: length(x) < 10"),
        sqlite3.OperationalError("no such table: t"),
    ],
    ids=["ValueError", "KeyError", "CHECK", "no such table"],
)
def test_a_bug_is_not_a_storage_problem(exc):
    assert storage_problem(exc, "x.sqlite3") is None


def test_a_check_failing_for_real_is_a_bug(table):
    exc = sqlite_error(table, "INSERT INTO t VALUES ('far too long a value')")
    assert isinstance(exc, sqlite3.IntegrityError) and storage_problem(exc) is None
