"""Copying, reading and checking database files from connections of their own.

A copy is SQLite's online backup in one step, which is one read transaction: a
consistent snapshot even while another connection commits. Nothing here uses the shared
peewee `db`, so all of it can run on a worker thread.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from desktop.store import connection, migrations, query, safe_files


@dataclass(frozen=True)
class Facts:
    """What a database file holds, as the list of backups shows it."""

    people: int | None
    actions: int | None
    schema_version: int


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read *path* and creates nothing beside it if it can."""
    try:
        con = sqlite3.connect(connection.read_only_uri(path), uri=True)
        query.value("SELECT count(*) FROM sqlite_master", database=con)  # reads the schema
        return con
    except sqlite3.OperationalError:  # a WAL file in a folder that cannot hold its -shm
        return sqlite3.connect(connection.read_only_uri(path, immutable=True), uri=True)


def quick_check(con: sqlite3.Connection) -> str:
    """'ok', or the first problems SQLite's quick check found."""
    problems = query.column("PRAGMA quick_check", database=con)
    return "ok" if problems == ["ok"] else "; ".join(str(p) for p in problems[:3])


def facts_of(con: sqlite3.Connection) -> Facts:
    version = query.value("PRAGMA user_version", database=con)
    try:
        people = query.value("SELECT count(*) FROM person", database=con)
        actions = query.value("SELECT count(*) FROM action", database=con)
    except sqlite3.OperationalError:  # no such table: not (yet) a network
        people = actions = None
    return Facts(people, actions, version)


def read_facts(path: Path) -> Facts:
    """What *path* holds; unknown counts and version 0 when it cannot be read."""
    try:
        with closing(open_read_only(path)) as con:
            return facts_of(con)
    except sqlite3.Error:
        return Facts(None, None, 0)


def _reading_uri(path: Path) -> str:
    """How `copy` opens its source: never to create it, and only ever to read it.

    Where the folder can be written it is opened read-write all the same: a read-only
    connection to a WAL file that nobody else has open leaves an empty -wal and a -shm
    beside it, which the last read-write connection removes on closing.
    """
    if os.access(path.parent, os.W_OK) and os.access(path, os.W_OK):
        return path.resolve().as_uri() + "?mode=rw"
    return connection.read_only_uri(path)


def open_alone(path: Path) -> sqlite3.Connection | None:
    """A connection to *path* with its write-ahead log folded in, or None while anything
    else (a window, a command-line import, another program) has the file open: leaving
    WAL mode needs the database to itself. The caller closes the connection."""
    con = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        mode = query.value("PRAGMA journal_mode = DELETE", database=con)
    except sqlite3.Error:
        mode = None
    if mode != "delete":
        con.close()
        return None
    return con


def copy(source_path: Path, target: Path, *, only_read: bool = False) -> Facts:
    """Copy the database at *source_path* into the new private file *target*, check it and
    make it one self-contained file (journal mode DELETE). With *only_read* the source is
    opened read-only, so that even closing it cannot fold its log into it (a damaged file
    must not change).

    Raises DatabaseError (kind 'damaged') when the copy fails SQLite's quick check.
    """
    safe_files.create_private(target)
    uri = connection.read_only_uri(source_path) if only_read else _reading_uri(source_path)
    source = sqlite3.connect(uri, uri=True, timeout=connection.BUSY_TIMEOUT_MS / 1000)
    try:
        with closing(sqlite3.connect(target)) as dest:
            source.backup(dest)  # pages=-1: all in one step, so one read transaction
    finally:
        source.close()
    with closing(sqlite3.connect(target, isolation_level=None)) as con:
        con.execute("PRAGMA journal_mode = DELETE")
        problem = quick_check(con)
        if problem != "ok":
            raise connection.DatabaseError(
                f"{source_path} is damaged, so it cannot be copied: SQLite's check says "
                f"“{problem}”. Restore an earlier backup instead.",
                kind="damaged",
                path=source_path,
            )
        _without_undo_history(con)
        return facts_of(con)


def _without_undo_history(con: sqlite3.Connection) -> None:
    """A copy keeps none of the window's undo history: it holds what the person deleted
    (kept so the delete can be undone), which a backup kept for a year must not."""
    tables = set(query.column(connection.TABLES_SQL, database=con))
    if {"undo_log", "undo_step"} <= tables:
        con.execute("PRAGMA secure_delete = ON")  # the rows' bytes go, not only the rows
        with con:
            con.execute("BEGIN")
            con.execute("DELETE FROM undo_log")
            con.execute("DELETE FROM undo_step")


def verify(path: Path) -> str:
    """'ok' when *path* is a sound backup this program can restore, else why not in words."""
    path = Path(path)
    name = path.name
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        return f"There is no file {path}."
    except OSError as exc:
        return f"{name} cannot be read: {exc.strerror or exc}."
    if not head:
        return f"{name} is empty: there is nothing in it to restore."
    if not head.startswith(connection.SQLITE_HEADER):
        return f"{name} is not a backup of Reciprocity: it is not a database file at all."
    try:
        with closing(open_read_only(path)) as con:
            return _verified(con, name)
    except sqlite3.DatabaseError as exc:
        return f"{name} is damaged: SQLite says “{exc}”."


def _verified(con: sqlite3.Connection, name: str) -> str:
    version = query.value("PRAGMA user_version", database=con)
    application_id = query.value("PRAGMA application_id", database=con)
    tables = frozenset(query.column(connection.TABLES_SQL, database=con))
    ours = application_id == connection.APPLICATION_ID or (
        # Files from before the mark was set are known by their tables.
        application_id == 0
        and 1 <= version <= migrations.LATEST_VERSION
        and tables == connection.schema_tables(version)
    )
    if version > migrations.LATEST_VERSION and application_id == connection.APPLICATION_ID:
        return (
            f"{name} was made by a newer version of Reciprocity (database version {version}; "
            f"this program understands up to {migrations.LATEST_VERSION}). Install the newer "
            "Reciprocity to restore it."
        )
    if not tables:
        return f"{name} holds no network: it is an empty database."
    if not ours:
        return f"{name} is a database of another program, not a backup of Reciprocity."
    problem = quick_check(con)
    if problem != "ok":
        return f"{name} is damaged: SQLite's check says “{problem}”."
    return "ok"
