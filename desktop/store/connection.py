"""Opening the one database file: permissions, pragmas, version checks and migration."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from peewee import SqliteDatabase

from desktop.store import migrations, textkeys

#: The deferred database every model is bound to; `open_database` initialises it.
db = SqliteDatabase(None)
# `fold(text)` in SQL is textkeys.fold, for searches that ignore case and accents.
db.register_function(textkeys.fold, "fold", 1, deterministic=True)

BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection's write

PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", "full"),
    ("busy_timeout", BUSY_TIMEOUT_MS),
)


class DatabaseError(Exception):
    """The database file cannot be used; the message says why in words."""


def _is_posix() -> bool:
    return os.name == "posix" and sys.platform != "cygwin"


def _create_private_file(path: Path) -> None:
    """Create the folder (0700) and an empty file (0600) so no one else can read them."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if _is_posix():
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    else:
        path.touch(exist_ok=False)


def _inspect(path: Path) -> tuple[int, int]:
    """(schema version, number of tables), read without changing a byte of the file."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Reciprocity could not open {path}: {exc}.") from exc
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return version, tables
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{path} is not a Reciprocity database (SQLite says: {exc}). "
            "Choose another file, or move this one aside to start afresh."
        ) from exc
    finally:
        con.close()


def check_openable(path: Path) -> int:
    """Return the file's schema version, refusing files this program must not touch."""
    version, tables = _inspect(path)
    if version > migrations.LATEST_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer version of Reciprocity (database version "
            f"{version}; this program understands up to {migrations.LATEST_VERSION}). "
            "Install the newer Reciprocity to open it. The file has not been changed."
        )
    if version == 0 and tables:
        raise DatabaseError(
            f"{path} is a database of another program, not of Reciprocity. "
            "Reciprocity leaves it alone; choose another file or a new name."
        )
    return version


def open_database(path: str | os.PathLike[str], *, database: SqliteDatabase = db) -> Path:
    """Open (creating if needed) the database at *path*, upgrade it, and bind the models.

    Raises DatabaseError with a readable message when the file cannot be used.
    """
    path = Path(path).expanduser()
    if database.database is not None and not database.is_closed():
        database.close()
    if path.exists():
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a database file.")
        check_openable(path)
    else:
        try:
            _create_private_file(path)
        except OSError as exc:
            raise DatabaseError(f"Reciprocity could not create {path}: {exc.strerror}.") from exc

    database.init(str(path), pragmas=PRAGMAS)
    try:
        database.connect()
        migrations.migrate(database, path)
    except Exception as exc:
        database.close()
        if isinstance(exc, DatabaseError):
            raise
        raise DatabaseError(f"Reciprocity could not open {path}: {exc}") from exc
    return path


def close_database(database: SqliteDatabase = db) -> None:
    """Close the connection of this thread, if open."""
    if database.database is not None and not database.is_closed():
        database.close()


def quick_check(database: SqliteDatabase = db) -> str:
    """Run SQLite's quick integrity check; returns 'ok' or the first problem found."""
    rows = database.execute_sql("PRAGMA quick_check").fetchall()
    return "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])
