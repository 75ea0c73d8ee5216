"""Opening the one database file: permissions, pragmas, version checks and migration.

`query`, which reads rows by column name, builds on the `db` made here, so the functions
here that read rows import it when they run, not at the top.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
import sys
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import SqliteDatabase, _savepoint

from desktop import private_files
from desktop.store import migrations, textkeys
from desktop.store.errors import storage_problem
from desktop.store.sqltypes import Database

if TYPE_CHECKING:
    from desktop.store import undo_log

#: `PRAGMA application_id` of every Reciprocity database ("Rcpy"), so that another
#: program's SQLite file is never taken for ours.
APPLICATION_ID = 0x52637079

BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection's write

#: Each page's cells are checked as the page is read (`cell_size_check`): without it a
#: damaged page can be read as rows of garbage, or not, by what lies past its end in
#: memory, and a damaged file must be found to be one, every time.
PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", "full"),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("cell_size_check", 1),
)
#: A file opened for viewing only: nothing that would write to it.
READ_ONLY_PRAGMAS = (
    ("foreign_keys", 1),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("cell_size_check", 1),
)


class _SafeSavepoint(_savepoint):
    def rollback(self, begin: bool = True) -> None:
        if self.db.connection().in_transaction:  # else SQLite has rolled it all back already
            super().rollback(begin)


class ReciprocityDatabase(SqliteDatabase):
    """peewee's SQLite database with this program's transaction rules.

    - Every transaction begins IMMEDIATE, so a write waits (the busy timeout) for another
      connection's write instead of failing at once: a deferred transaction that read
      first cannot wait for the write lock in WAL mode. Consistent reads use `reading()`.
    - After SQLITE_FULL or an I/O error SQLite has already rolled the transaction back; a
      second ROLLBACK would fail ("no transaction is active") and hide the real cause.
    - `writes` counts committed transactions, so backups know whether anything changed.
    - With a `history` (the window's, `undo_log.keep`) each write transaction is an undo
      step. Without one, a write to a file that has an undo history empties it
      (`clears_history`): the window's steps cannot be undone over changes made elsewhere.
    """

    read_only = False
    _state: Any  # peewee's per-thread state, made in its __init__

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._commits = itertools.count(1)
        self.writes = 0
        self.history: undo_log.History | None = None
        self.clears_history = False  # set once the file is known to have the tables

    def init(self, database: Any, *args: Any, **kwargs: Any) -> None:
        """peewee's; a history and the undo tables belong to the file that had them."""
        super().init(database, *args, **kwargs)
        self.history = None
        self.clears_history = False

    def execute_sql(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> sqlite3.Cursor:
        """peewee's, with its types said: the cursor of one statement."""
        cursor: sqlite3.Cursor = super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
        return cursor

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened if need be (peewee's, with its type said)."""
        raw: sqlite3.Connection = super().connection()  # type: ignore[no-untyped-call]
        return raw

    def begin(self, lock_type: str | None = None) -> None:
        if lock_type is None and not self.read_only:
            lock_type = "IMMEDIATE"
        # Per thread, like the connection: whether this transaction may write.
        self._state.writing = lock_type != "DEFERRED"
        if self.history is not None and self._state.writing:
            self.history.begin(self)
        try:
            super().begin(lock_type)
        except BaseException:  # busy, a full disk: no transaction, so no step either
            if self.history is not None:
                self.history.end()
            raise
        # What the transaction changes, counted from here (see commit).
        self._state.changes_before = self.connection().total_changes

    def commit(self) -> None:
        writing = getattr(self._state, "writing", True)  # a read changes nothing to back up
        if (
            writing
            and self.history is None
            and self.clears_history
            and self.connection().in_transaction
            and self.connection().total_changes != getattr(self._state, "changes_before", -1)
        ):  # a transaction that wrote nothing (a check) leaves the window's history be
            self.execute_sql("DELETE FROM undo_log")
            self.execute_sql("DELETE FROM undo_step")
        try:
            super().commit()
        finally:
            if self.history is not None:
                self.history.end()
        if writing:
            self.writes = next(self._commits)

    def rollback(self) -> None:
        try:
            if not self.is_closed() and not self.connection().in_transaction:
                return
            super().rollback()
        finally:  # after the rollback, which would undo it
            if self.history is not None:
                self.history.end()

    def savepoint(self) -> _SafeSavepoint:
        return _SafeSavepoint(self)

    def reading(self) -> AbstractContextManager[Any]:
        """A transaction for one consistent read, which takes no write lock."""
        held: AbstractContextManager[Any] = self.atomic(lock_type="DEFERRED")
        return held

    def cursor(self, named_cursor: object = None) -> sqlite3.Cursor:
        """A cursor on this thread's connection (peewee's, with its type said)."""
        made: sqlite3.Cursor = super().cursor(named_cursor)  # type: ignore[no-untyped-call]
        return made

    def data_version(self) -> int:
        """A number that changes when another connection (a command-line import, a worker)
        has committed since this thread's connection last looked."""
        from desktop.store import query

        return int(query.value("PRAGMA data_version", database=self))

    def write_lock_held(self, moment_ms: int) -> bool:
        """Whether another connection holds the write lock for longer than *moment_ms*.

        The probe takes the lock and gives it back at once (BEGIN IMMEDIATE, ROLLBACK),
        which writes nothing; any other refusal is left for the write itself to report.
        """
        if self.database is None or self.is_closed() or self.read_only or self.in_transaction():
            return False
        from desktop.store import query

        raw = self.connection()
        if raw.in_transaction:
            return False
        timeout = query.value("PRAGMA busy_timeout", database=raw)
        try:
            raw.execute(f"PRAGMA busy_timeout = {min(int(moment_ms), timeout):d}")
            try:
                raw.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                problem = storage_problem(exc)
                return problem is not None and problem.kind == "busy"
            raw.execute("ROLLBACK")
            return False
        except sqlite3.Error:
            return False
        finally:
            with contextlib.suppress(sqlite3.Error):
                raw.execute(f"PRAGMA busy_timeout = {timeout:d}")


#: The deferred database every model is bound to; `open_database` initialises it.
db = ReciprocityDatabase(None)
# `fold(text)` in SQL is textkeys.fold, for searches that ignore case and accents.
db.register_function(textkeys.fold, "fold", 1, deterministic=True)


class DatabaseError(Exception):
    """The database file cannot be used; the message says why in words.

    `kind` tells the window what it can offer: 'damaged' (a backup), 'read-only' (to
    open it for viewing), 'too-new', 'foreign', 'folder', 'cannot-create', 'gone' or
    'other'; or a StorageError's kind when the disk refused ('full', 'busy', 'io'):
    then the file is fine, and trying again once the cause is gone is the way out.
    """

    def __init__(self, message: str, *, kind: str = "other", path: Path | None = None):
        super().__init__(message)
        self.kind = kind
        self.path = path


@dataclass(frozen=True)
class FileFacts:
    """What a database file is, read without changing a byte of it."""

    version: int
    application_id: int
    tables: frozenset[str]


def _is_posix() -> bool:
    return os.name == "posix" and sys.platform != "cygwin"


def _create_private_file(path: Path) -> None:
    """Create the folder (0700) and an empty file (0600) so no one else can read them."""
    private_files.make_folder(path.parent)
    if _is_posix():
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    else:
        path.touch(exist_ok=False)


SQLITE_HEADER = b"SQLite format 3\x00"
#: The names of a file's own tables (not SQLite's).
TABLES_SQL = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"


def damaged_error(path: Path, detail: str) -> DatabaseError:
    return DatabaseError(
        f"{path} is damaged: {detail}. Reciprocity has not changed it. Open a backup "
        "instead, or choose another file.",
        kind="damaged",
        path=path,
    )


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """The URI that opens *path* for reading only (immutable: without even a -shm file)."""
    return path.resolve().as_uri() + ("?immutable=1" if immutable else "?mode=ro")


def _beside(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _read_connection(path: Path) -> sqlite3.Connection:
    """A connection that reads *path* and leaves nothing beside it.

    Without a -wal or -journal file the main file is all there is, so it is read as
    immutable: a read-only WAL connection would otherwise leave -wal and -shm files
    beside a file that is then refused. With one, SQLite must read it too.
    """
    left_behind = any(_beside(path, s).exists() for s in ("-wal", "-journal"))
    return sqlite3.connect(
        read_only_uri(path, immutable=not left_behind),
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )


def _unreadable(path: Path, exc: BaseException) -> DatabaseError:
    """The refusal for a file SQLite could not read: damaged, or the disk's fault."""
    problem = storage_problem(exc, path, saved_nothing=False)
    if problem is None or problem.kind == "damaged":
        return damaged_error(path, f"SQLite says “{exc}”")
    return DatabaseError(
        f"Reciprocity could not open {path}: {problem}", kind=problem.kind, path=path
    )


def inspect(path: Path) -> FileFacts:
    """Version, application id and tables of *path*, read without changing the file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        problem = storage_problem(exc, path, saved_nothing=False)
        raise DatabaseError(
            f"Reciprocity could not read {path}: {problem or exc.strerror}",
            kind=problem.kind if problem else "other",
            path=path,
        ) from exc
    if head and not head.startswith(SQLITE_HEADER):
        raise DatabaseError(
            f"{path} is not a Reciprocity database: it is not an SQLite file at all, or "
            "its first page is damaged. Reciprocity has not changed it.",
            kind="damaged" if path.suffix.lower() in (".sqlite3", ".sqlite", ".db") else "other",
            path=path,
        )
    from desktop.store import query

    try:
        con = _read_connection(path)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    try:
        version = query.value("PRAGMA user_version", database=con)
        application_id = query.value("PRAGMA application_id", database=con)
        tables = frozenset(query.column(TABLES_SQL, database=con))
        return FileFacts(version, application_id, tables)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    finally:
        con.close()


#: Files up to this size (with their -wal) get SQLite's quick check at every opening; it
#: reads every page (about 0.1 s for 16 MiB), so a damaged page is found before anything
#: is written, not in the middle of someone's work. Larger files rely on the check that
#: comes with each backup.
CHECK_AT_OPEN_BYTES = 16 << 20


def check_pages(path: Path) -> None:
    """Refuse *path* if SQLite's quick check finds a damaged page (small files only)."""
    size = sum(p.stat().st_size for p in (path, _beside(path, "-wal")) if p.exists())
    if size > CHECK_AT_OPEN_BYTES:
        return
    had_wal = _beside(path, "-wal").exists()
    problems = _quick_check(path)
    if problems != ["ok"] and not had_wal and _beside(path, "-wal").exists():
        # Another program began writing while the file was read as immutable; its
        # checkpoint may have moved pages under the check. Through the WAL, once more.
        problems = _quick_check(path)
    if problems != ["ok"]:
        found = "; ".join(str(problem) for problem in problems)
        raise damaged_error(path, f"SQLite's check found “{found}”")


def _quick_check(path: Path) -> list[Any]:
    """What SQLite's quick check says of *path*: ["ok"], or its first problems."""
    from desktop.store import query

    try:
        con = _read_connection(path)
        try:
            return query.column("PRAGMA quick_check(5)", database=con)
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc


@cache
def schema_tables(version: int) -> frozenset[str]:
    """The tables a Reciprocity database of *version* holds (worked out in memory)."""
    from desktop.store import query

    scratch: Database = SqliteDatabase(":memory:")
    try:
        for step in migrations.STEPS[:version]:
            step(scratch)
        return frozenset(query.column(TABLES_SQL, database=scratch))
    finally:
        scratch.close()


def check_openable(path: Path) -> int:
    """Return the file's schema version, refusing files this program must not touch."""
    facts = inspect(path)
    version = facts.version
    if facts.application_id not in (0, APPLICATION_ID) or (
        facts.application_id == 0
        and facts.tables
        and not (
            1 <= version <= migrations.LATEST_VERSION and facts.tables == schema_tables(version)
        )
    ):
        raise DatabaseError(
            f"{path} is a database of another program, not of Reciprocity. "
            "Reciprocity leaves it alone; choose another file or a new name.",
            kind="foreign",
            path=path,
        )
    if version > migrations.LATEST_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer version of Reciprocity (database version "
            f"{version}; this program understands up to {migrations.LATEST_VERSION}). "
            "Install the newer Reciprocity to open it. The file has not been changed.",
            kind="too-new",
            path=path,
        )
    check_pages(path)
    return version


def is_writable(path: Path) -> bool:
    """Whether the file and its folder (which holds the -wal and -shm files) can be written."""
    folder = path.parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def open_database(
    path: str | os.PathLike[str],
    *,
    database: ReciprocityDatabase = db,
    read_only: bool = False,
) -> Path:
    """Open (creating if needed) the database at *path*, upgrade it, and bind the models.

    With *read_only* the file is opened for viewing: never created, upgraded or written.
    Raises DatabaseError with a readable message when the file cannot be used.
    """
    path = Path(path).expanduser()
    if database.database is not None and not database.is_closed():
        database.close()
    if path.exists():
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a database file.", kind="folder")
        version = check_openable(path)
    elif read_only:
        raise DatabaseError(f"There is no database at {path}.", kind="gone", path=path)
    else:
        version = 0
        try:
            _create_private_file(path)
        except OSError as exc:
            problem = storage_problem(exc, path.parent, saved_nothing=False)
            raise DatabaseError(
                f"Reciprocity could not create {path}: {exc.strerror}.",
                kind="read-only" if problem and problem.kind == "read-only" else "cannot-create",
                path=path,
            ) from exc
    if read_only:
        _open_for_viewing(database, path, version)
        return path
    if not is_writable(path):
        raise _read_only_error(path)
    from desktop.store import backups, query  # here: both build on this module

    backups.clean_leftovers(path)  # what an interrupted backup, restore or upgrade left
    database.read_only = False
    database.init(str(path), pragmas=PRAGMAS)
    try:
        database.connect()
        database.clears_history = False
        migrations.migrate(database, path)
        database.clears_history = True  # the undo tables are there now
        if query.value("PRAGMA application_id", database=database) != APPLICATION_ID:
            query.execute(f"PRAGMA application_id = {APPLICATION_ID:d}", database=database)
    except Exception as exc:
        database.close()
        if isinstance(exc, DatabaseError):
            raise
        problem = storage_problem(exc, path, saved_nothing=False)
        if problem is None:
            raise  # a bug: the caller logs it and says so, never as the file's fault
        if problem.kind == "read-only":
            raise _read_only_error(path) from exc
        if problem.kind == "damaged":
            raise damaged_error(path, "SQLite found a malformed page") from exc
        raise DatabaseError(
            f"Reciprocity could not open {path}: {problem}", kind=problem.kind, path=path
        ) from exc
    return path


def _read_only_error(path: Path) -> DatabaseError:
    return DatabaseError(
        f"{path} is read-only (the file or its folder cannot be written to), so "
        "Reciprocity cannot save changes to it. It can be opened for viewing.",
        kind="read-only",
        path=path,
    )


def _open_for_viewing(database: ReciprocityDatabase, path: Path, version: int) -> None:
    from desktop.store import query

    if version != migrations.LATEST_VERSION:
        raise DatabaseError(
            f"{path} is read-only and was written by an older Reciprocity (database "
            f"version {version}), so it cannot be upgraded to be shown. Copy it somewhere "
            "you can write and open the copy.",
            kind="read-only",
            path=path,
        )
    database.read_only = True
    for immutable in (False, True):
        database.init(read_only_uri(path, immutable=immutable), uri=True, pragmas=READ_ONLY_PRAGMAS)
        try:
            database.connect()
            query.value("SELECT count(*) FROM sqlite_master", database=database)  # reads the schema
            return
        except Exception as exc:
            database.close()
            problem = storage_problem(exc, path, saved_nothing=False)
            if problem is None and not isinstance(exc, sqlite3.Error):
                raise  # a bug, not the file's fault
            if immutable:
                raise DatabaseError(
                    f"Reciprocity could not open {path} for viewing: {problem or exc}",
                    kind=problem.kind if problem else "other",
                    path=path,
                ) from exc


def close_database(database: ReciprocityDatabase = db) -> None:
    """Close the connection of this thread, if open."""
    if database.database is not None and not database.is_closed():
        database.close()


def quick_check(database: Database = db) -> str:
    """Run SQLite's quick integrity check; returns 'ok' or the first problem found."""
    from desktop.store import query

    problems = query.column("PRAGMA quick_check", database=database)
    return "ok" if problems == ["ok"] else "; ".join(str(p) for p in problems[:5])
