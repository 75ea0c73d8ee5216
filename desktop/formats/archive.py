"""The full archive: every table of the database in one versioned JSON document.

    {"format": "reciprocity-archive", "version": 1, "schema_version": 2,
     "exported_at": "2025-01-31T09:15:02+01:00",
     "tables": {"company": {"columns": ["id", "name", ...], "rows": [[1, "Acme", ...], ...]},
                ...}}

The ordinary tables are found in sqlite_master, so a new table is archived unless it is
named in DERIVED: the tables rebuilt from the others (full-text indexes, the timeline's
summaries), which an import rebuilds instead. Tables come parents first, rows one per line
in primary-key order. Both ways stream: SQLite turns each row into JSON on export, and an
import reads one row at a time, so a million actions never sit in memory at once.

An import goes only into an empty database and in one transaction: any problem leaves
the database as it was. An archive of an older database version is upgraded on the way
in by the migration steps (see archive_older).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import IO, Any, NamedTuple, TextIO

from peewee import PeeweeException

from desktop import private_files
from desktop.core.words import listed
from desktop.formats import archive_older
from desktop.formats.jsonstream import JsonReader
from desktop.formats.records import FormatError
from desktop.store import bulk, migrations, query, search_index, summaries, undo_log
from desktop.store.connection import BUSY_TIMEOUT_MS, db
from desktop.store.errors import storage_problem
from desktop.store.progress import Progress
from desktop.store.sqltypes import Database

FORMAT = "reciprocity-archive"
VERSION = 1

#: Tables worked out from the others and never archived: the full-text indexes (with
#: their FTS5 shadow tables), the timeline's summaries and the switch that pauses them;
#: and the window's undo history, which is not kept beyond the window's run.
DERIVED = frozenset(
    {
        "person_search",
        "action_search",
        "action_day",
        "action_person",
        "summary_state",
        "undo_log",
        "undo_step",
    }
)

#: Tables the migrations fill in a new database: an import replaces their rows.
SEEDED = frozenset({"skill_alias", "tie_tier"})

BATCH = 10_000  # rows per fetchmany / executemany
READ_CHUNK = 1 << 20  # characters of the archive read at a time
BULK_CACHE_KIB = 64 * 1024  # page cache while importing, as for the sample network

_REQUIRED = ("format", "version", "schema_version")
_HEADER = (*_REQUIRED, "exported_at")
NOUNS = {
    "person": ("person", "people"),
    "company": ("company", "companies"),
    "action": ("action", "actions"),
    "need": ("need", "needs"),
    "opportunity": ("opportunity", "opportunities"),
    "skill": ("skill", "skills"),
    "profile": ("profile", "profiles"),
}
# What SQLite's complaints mean for an archive.
_SQLITE_WORDS = (
    ("FOREIGN KEY", "a row refers to a row the archive does not hold"),
    ("UNIQUE", "two rows have the same key"),
    ("NOT NULL", "a value that must be given is null"),
    ("CHECK", "a value is not one this version of Reciprocity accepts"),
)


class ArchiveError(FormatError):
    """An archive that cannot be written or imported; the message names the file and why."""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _Column(NamedTuple):
    name: str
    type: str  # as declared: 'INTEGER', 'TEXT', ...


class _Orphan(NamedTuple):
    """A row of `PRAGMA foreign_key_check`: a reference to a row that is not there."""

    table: str
    rowid: int | None
    parent: str
    fkid: int


def archived_tables(database: Database = db) -> list[str]:
    """The tables an archive holds, parents before children."""
    # In creation order; pragma_table_list tells the ordinary tables from virtual ones.
    names = query.column(
        "SELECT m.name FROM sqlite_master m JOIN pragma_table_list t"
        " ON t.schema = 'main' AND t.name = m.name AND t.type = 'table'"
        " WHERE m.type = 'table' ORDER BY m.rowid",
        database=database,
    )
    tables = [n for n in names if not n.startswith("sqlite_") and n not in DERIVED]
    within = set(tables)
    return _parents_first(tables, {t: _parents(database, t) & within for t in tables})


def _parents(database: Database, table: str) -> set[str]:
    sql = 'SELECT "table" FROM pragma_foreign_key_list(?)'
    return set(query.column(sql, (table,), database=database))


def _parents_first(tables: list[str], parents: dict[str, set[str]]) -> list[str]:
    """*tables* in their order, except that each comes after the tables it refers to."""
    ordered: list[str] = []
    waiting = list(tables)
    while waiting:
        # A cycle has no table ready: take the first (an import checks references at the end).
        ready = next(
            (t for t in waiting if all(p in ordered or p == t for p in parents[t])), waiting[0]
        )
        ordered.append(ready)
        waiting.remove(ready)
    return ordered


def _columns(database: Database, table: str) -> dict[str, str]:
    """Each column's declared type by its name, in table order."""
    sql = "SELECT name, type FROM pragma_table_info(?) ORDER BY cid"
    return {c.name: c.type for c in query.rows(sql, (table,), into=_Column, database=database)}


def _key(database: Database, table: str) -> list[str]:
    sql = "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk"
    return query.column(sql, (table,), database=database) or ["rowid"]


# ---- export -------------------------------------------------------------------------


def export(path: Path, database: Database = db, progress: Progress | None = None) -> dict[str, int]:
    """Write the archive to *path*, replacing it only once complete; rows per table.
    *progress* hears (rows written, rows in all) and may raise `Cancelled`, which leaves
    *path* as it was."""
    path = Path(path)
    try:
        # A private file (0600), like the database it copies.
        with private_files.replacing(path, "w", encoding="utf-8", newline="\n") as stream:
            counts = export_to(stream, database, progress)
    except OSError as exc:
        problem = storage_problem(exc, path)
        advice = f" {problem.advice}" if problem and problem.kind == "full" else ""
        raise ArchiveError(
            f"Reciprocity could not write {path.name}: {exc.strerror}.{advice}"
        ) from exc
    return counts


def export_to(
    stream: IO[str], database: Database = db, progress: Progress | None = None
) -> dict[str, int]:
    """Write the archive to a text stream; returns how many rows each table had."""
    counts: dict[str, int] = {}
    tell = progress or (lambda _done, _total: None)
    try:
        with database.atomic(lock_type="DEFERRED"):  # one snapshot; it takes no write lock
            header = {
                "format": FORMAT,
                "version": VERSION,
                "schema_version": migrations.current_version(database),
                "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            }
            stream.write(json.dumps(header)[:-1] + ',\n"tables": {')  # the header, still open
            tables = archived_tables(database)
            total = 0 if progress is None else _rows_in(database, tables)
            written = 0
            tell(0, total)
            for number, table in enumerate(tables):
                columns = list(_columns(database, table))
                stream.write(",\n" if number else "\n")
                stream.write(f'{json.dumps(table)}: {{"columns": {json.dumps(columns)}, "rows": [')
                counts[table] = _write_rows(
                    stream, database, table, columns, partial(_tell_from, tell, written, total)
                )
                written += counts[table]
                tell(written, total)
                stream.write("]}")
            stream.write("\n}}\n")
    except (sqlite3.Error, PeeweeException) as exc:
        raise ArchiveError(f"Reciprocity could not read the database to export it: {exc}.") from exc
    return counts


def _rows_in(database: Database, tables: list[str]) -> int:
    """How many rows the tables hold together: what a progress bar fills up to."""
    return sum(
        int(query.value(f"SELECT count(*) FROM {_quoted(t)}", database=database)) for t in tables
    )


def _tell_from(tell: Progress, before: int, total: int, done: int) -> None:
    """*tell* how many rows are written in all, *done* of them in the present table."""
    tell(before + done, total)


def _write_rows(
    stream: IO[str],
    database: Database,
    table: str,
    columns: list[str],
    tell: Callable[[int], None],
) -> int:
    # SQLite writes each row as JSON far faster than json.dumps would.
    lines = query.column_batches(
        f"SELECT json_array({', '.join(map(_quoted, columns))}) FROM {_quoted(table)}"
        f" ORDER BY {', '.join(map(_quoted, _key(database, table)))}",
        size=BATCH,
        database=database,
    )
    count = 0
    for batch in lines:
        stream.write(",\n" if count else "\n")
        stream.write(",\n".join(batch))
        count += len(batch)
        tell(count)  # rows of this table written so far
    if count:
        stream.write("\n")
    return count


# ---- import -------------------------------------------------------------------------


def import_into(
    path: Path, database: Database = db, progress: Progress | None = None
) -> dict[str, int]:
    """Load the archive at *path* into the empty *database*; returns rows per table.

    *progress*(done, total) is called after each batch of rows, with the bytes read so
    far, then with done == total once all is read and between the long steps after it;
    an exception raised from it stops the import and leaves the database as it was.

    Raises ArchiveError, and leaves the database as it was, when the file is not an
    archive this program can import or the database already holds a network.
    """
    path = Path(path)
    try:
        stream = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed below)
        size = os.fstat(stream.fileno()).st_size
    except OSError as exc:
        raise ArchiveError(f"Reciprocity could not read {path.name}: {exc.strerror}.") from exc
    with stream:
        return import_from(stream, path.name, database, progress, size)


def import_from(
    stream: TextIO,
    name: str,
    database: Database = db,
    progress: Progress | None = None,
    size: int = 0,
) -> dict[str, int]:
    """Load the archive read from *stream* (called *name* in messages, *size* bytes long,
    for *progress*); see import_into. Into an empty network, it is no step to undo: its
    million rows are not logged one by one (the window forgets its steps after it)."""
    # References are checked once every row is in, which is far faster than a look-up per
    # row and takes the tables in any order. SQLite takes the switch only between
    # transactions, so the import must be a transaction of its own.
    if database.connection().in_transaction:
        raise RuntimeError("an archive import is a transaction of its own")
    previous = int(query.value("PRAGMA cache_size", database=database))
    query.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}", database=database)
    checking = int(query.value("PRAGMA foreign_keys", database=database))
    query.execute("PRAGMA foreign_keys = OFF", database=database)
    try:
        with database.atomic(), undo_log.unlogged(database):
            tables = archived_tables(database)
            _refuse_unless_empty(database, name)
            for table in SEEDED:
                query.execute(f"DELETE FROM {_quoted(table)}", database=database)
            with summaries.paused(database):  # one rebuild beats a trigger run per action
                reader = JsonReader(
                    stream,
                    name,
                    lambda why: _invalid(name, why),
                    lambda exc: ArchiveError(f"Reciprocity could not read {name}: {exc}."),
                    READ_CHUNK,
                )
                loading = _Import(reader, database, tables, progress, size)
                counts = loading.run()
            loading.report()  # between the long steps, so that a Cancel is heard
            search_index.rebuild(database)
            loading.report()
    except (sqlite3.Error, PeeweeException) as exc:  # the database refused or failed
        raise ArchiveError(
            f"{name} could not be imported: {_in_words(exc)}. Nothing was imported."
        ) from exc
    finally:
        query.execute(f"PRAGMA cache_size = {previous}", database=database)
        query.execute(f"PRAGMA foreign_keys = {checking}", database=database)
        # Hand back the write-ahead log's disk space at once: hundreds of MB after a large
        # import, kept or cancelled. It waits for no one: a reader just leaves it for later.
        query.execute("PRAGMA busy_timeout = 0", database=database)
        try:
            query.execute("PRAGMA wal_checkpoint(TRUNCATE)", database=database)
        finally:
            query.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}", database=database)
    return counts


def holdings(database: Database = db) -> str:
    """What the network holds, in words ("3 people and 1 company"); '' when it is empty."""
    held: dict[str, int] = {}
    for table in archived_tables(database):
        if table not in SEEDED and (found := _count(database, table)):
            held[table] = found
    named = [t for t in held if t in NOUNS] or list(held)
    amounts = [
        f"{held[t]:,} {NOUNS[t][held[t] != 1]}"
        if t in NOUNS
        else f"{held[t]:,} {'row' if held[t] == 1 else 'rows'} in {t}"
        for t in named
    ]
    return listed(amounts)


TOLD = ("person", "company", "need", "opportunity", "action")  # the tables a restore names


def restored_words(counts: dict[str, int]) -> str:
    """'Restored 12 people, 3 companies and 40 actions.'"""
    parts = [
        f"{counts[table]:,} {NOUNS[table][counts[table] != 1]}"
        for table in TOLD
        if counts.get(table)
    ]
    if not parts:
        return "Restored the archive; it holds no people, companies or actions."
    return f"Restored {listed(parts)}."


def _count(database: Database, table: str) -> int:
    return int(query.value(f"SELECT count(*) FROM {_quoted(table)}", database=database))


def _refuse_unless_empty(database: Database, name: str) -> None:
    if held := holdings(database):
        raise ArchiveError(
            f"This network already holds {held}, so {name} was not imported: an archive "
            "can only be imported into a new, empty database. Import it into a new one with "
            f"`reciprocity import archive {name} --database NEW.sqlite3`."
        )


def _in_words(exc: Exception) -> str:
    text = str(exc)
    for start, words in _SQLITE_WORDS:
        if text.startswith(start):
            return f"{words} ({text})"
    return text


def _is_int(value: Any) -> bool:
    return type(value) is int


def _check_header(header: dict[str, Any], name: str, complete: bool) -> None:
    """Refuse what is not an archive of this version; *complete* once all is read."""
    if "format" in header and header["format"] != FORMAT:
        raise ArchiveError(
            f"{name} is not a Reciprocity archive: its format is {header['format']!r},"
            f" not {FORMAT!r}."
        )
    if "version" in header:
        version = header["version"]
        if not _is_int(version) or version < 1:
            raise _invalid(name, f"its version is {version!r}, not a whole number from 1")
        if version > VERSION:
            raise ArchiveError(
                f"{name} was written by a newer Reciprocity (archive version {version}; "
                f"this program reads version {VERSION}). Install the newer Reciprocity to "
                "import it. Nothing was imported."
            )
    if "schema_version" in header:
        schema, latest = header["schema_version"], migrations.LATEST_VERSION
        if not _is_int(schema) or schema < 1:
            raise _invalid(name, f"its schema_version is {schema!r}, not a whole number from 1")
        if schema > latest:
            raise ArchiveError(
                f"{name} holds a database of a newer Reciprocity (database version {schema}; "
                f"this program understands up to {latest}). Install the newer Reciprocity to "
                "import it. Nothing was imported."
            )
    if "exported_at" in header and not isinstance(header["exported_at"], str):
        raise _invalid(name, "its exported_at is not text")
    if complete and (missing := [key for key in _REQUIRED if key not in header]):
        raise _invalid(name, f"it lacks {', '.join(missing)}")


def _invalid(name: str, why: str) -> ArchiveError:
    return ArchiveError(f"{name} is not a valid Reciprocity archive: {why}. Nothing was imported.")


class _Import:
    """Puts each table of the archive into the database as it is read."""

    def __init__(
        self,
        reader: JsonReader,
        database: Database,
        tables: list[str],
        progress: Progress | None,
        size: int,
    ):
        self.reader, self.database, self.name = reader, database, reader.name
        self.target = database  # where the rows end up; `database` is where they go first
        self.scratch: archive_older.Scratch | None = None
        self.progress, self.size, self.all_read = progress, size, False
        self.known = tables
        self.columns = {table: _columns(database, table) for table in tables}
        self.counts: dict[str, int] = {}
        # Indexes built once at the end are far faster than kept up row by row.
        self.indexes = bulk.drop_indexes(database, tables)

    def run(self) -> dict[str, int]:
        try:
            return self._run()
        finally:
            if self.scratch is not None:
                self.scratch.close()

    def _run(self) -> dict[str, int]:
        reader = self.reader
        header: dict[str, Any] = {}
        seen: set[str] = set()
        if not reader.peek():
            raise self.invalid("the file is empty")
        for key in reader.members("the archive"):
            if key in seen:
                raise self.invalid(f"it has '{key}' twice")
            seen.add(key)
            if key == "tables":
                _check_header(header, self.name, complete=False)
                self.tables(header.get("schema_version"))
            elif key in _HEADER:
                header[key] = reader.value()
            else:
                raise self.invalid(f"it has an entry '{key}' that version {VERSION} lacks")
        reader.finish()
        self.all_read = True
        self.report()
        _check_header(header, self.name, complete=True)
        if self.scratch is None and header["schema_version"] != migrations.LATEST_VERSION:
            raise self.invalid(
                "it comes from an older Reciprocity but names its database version only "
                "after its tables"
            )
        if missing := [t for t in self.known if t not in self.counts]:
            raise self.invalid(f"it lacks the table{'s' * (len(missing) > 1)} {', '.join(missing)}")
        if self.scratch is not None:
            self.upgrade_older()
        self.restore_indexes()
        self.report()
        self.check_references()
        return self.counts

    def invalid(self, why: str) -> ArchiveError:
        return _invalid(self.name, why)

    def load_older(self, schema: int) -> None:
        """Rows of an archive of database version *schema* go first into a scratch
        database of that version (see archive_older)."""
        self.scratch = archive_older.Scratch(self.target, schema)
        self.database = self.scratch.database
        self.known = archived_tables(self.database)
        self.columns = {table: _columns(self.database, table) for table in self.known}
        for table in SEEDED & set(self.known):
            query.execute(f"DELETE FROM {_quoted(table)}", database=self.database)
        self.scratch.drop_indexes(self.known)

    def upgrade_older(self) -> None:
        """Check the old rows where they are, upgrade them, and copy them into the network."""
        assert self.scratch is not None
        self.check_references()
        self.report()
        self.scratch.upgrade()
        self.report()
        self.database = self.target
        self.known = archived_tables(self.target)
        columns = {t: list(_columns(self.target, t)) for t in self.known}
        self.counts = self.scratch.copy_into(self.target, self.known, columns)

    def report(self) -> None:
        """Progress: the characters read (as bytes, for the most part), until all are."""
        if self.progress is not None:
            total = max(self.size, 1)
            done = total if self.all_read else min(self.reader.consumed(), total - 1)
            self.progress(done, total)

    def tables(self, schema: Any) -> None:
        if _is_int(schema) and 1 <= schema < migrations.LATEST_VERSION:
            self.load_older(schema)
        for table in self.reader.members("'tables'"):
            if table not in self.known:
                raise self.invalid(f"it holds a table '{table}' this version does not know")
            if table in self.counts:
                raise self.invalid(f"it holds the table '{table}' twice")
            self.counts[table] = self.table(table)

    def table(self, table: str) -> int:
        columns: list[str] | None = None
        count = -1
        for key in self.reader.members(f"the table '{table}'"):
            if key == "columns" and columns is None:
                columns = self.check_columns(table, self.reader.value())
            elif key == "rows" and columns is not None and count < 0:
                count = self.rows(table, columns)
            else:
                raise self.invalid(f"the table '{table}' has '{key}' out of place")
        if count < 0:
            raise self.invalid(f"the table '{table}' lacks its columns or its rows")
        self.check_values(table)
        return count

    def check_columns(self, table: str, columns: Any) -> list[str]:
        if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
            raise self.invalid(f"the columns of the table '{table}' are not a list of names")
        expected = list(self.columns[table])
        if sorted(columns) != sorted(expected):
            missing = [c for c in expected if c not in columns]
            unknown = [c for c in columns if c not in expected]
            twice = sorted({c for c in columns if columns.count(c) > 1})
            why = "; ".join(
                f"{label} {', '.join(names)}"
                for label, names in (("missing", missing), ("unknown", unknown), ("twice", twice))
                if names
            )
            raise self.invalid(
                f"the columns of the table '{table}' do not match this version: {why}"
            )
        return columns

    def rows(self, table: str, columns: list[str]) -> int:
        width, reader, count = len(columns), self.reader, 0
        batch: list[list[Any]] = []
        sql = (
            f"INSERT INTO {_quoted(table)} ({', '.join(map(_quoted, columns))})"
            f" VALUES ({', '.join('?' * width)})"
        )
        for _ in reader.items(f"the rows of the table '{table}'"):
            row = reader.value()
            count += 1
            if type(row) is not list or len(row) != width:
                raise self.invalid(
                    f"row {count:,} of the table '{table}' is not a list of {width} values"
                )
            batch.append(row)
            if len(batch) == BATCH:
                self.insert(table, sql, batch, count)
                batch = []
        self.insert(table, sql, batch, count)
        return count

    def insert(self, table: str, sql: str, batch: list[list[Any]], last: int) -> None:
        try:
            query.execute_many(sql, batch, database=self.database)
        except (sqlite3.Error, OverflowError) as exc:
            first = last - len(batch) + 1
            rows = f"rows {first:,} to {last:,}"
            with contextlib.suppress(sqlite3.Error):  # empty before; the rows before went in
                rows = f"row {_count(self.database, table) + 1:,}"
            raise self.invalid(
                f"{rows} of the table '{table}' cannot be stored: {_in_words(exc)}"
            ) from exc
        self.report()

    def check_values(self, table: str) -> None:
        """What SQLite would keep but the program could not read: text in a whole-number
        column, or a date that is not one (columns named *_on hold ISO dates and *_at
        times, as this program writes them; '+0 days' turns 2026-02-30 into March)."""
        tests = []
        for column, declared in self.columns[table].items():
            name = _quoted(column)
            if "INT" in declared.upper():
                test, why = f"typeof({name}) NOT IN ('integer', 'null')", "not a whole number"
            elif column.endswith("_on"):
                test, why = (
                    f"date({name}, '+0 days') IS NOT {name}",
                    "not a date written YYYY-MM-DD",
                )
            elif column.endswith("_at"):
                test, why = (
                    f"datetime({name}) IS NOT {name}",
                    "not a time written YYYY-MM-DD HH:MM:SS",
                )
            else:
                continue
            tests.append((column, test, why))
        if not tests:
            return
        keys = _key(self.database, table)
        # One pass over the table for every column: the first wrong row's key and which
        # of the tests it fails, each under a name of its own ("key 0", "wrong 0", ...).
        found = query.mapping(
            "SELECT "
            + ", ".join(
                [f"{_quoted(k)} AS {_quoted(f'key {n}')}" for n, k in enumerate(keys)]
                + [f"{t} AS {_quoted(f'wrong {n}')}" for n, (_c, t, _w) in enumerate(tests)]
            )
            + f" FROM {_quoted(table)} WHERE {' OR '.join(t for _c, t, _w in tests)} LIMIT 1",
            database=self.database,
        )
        if found:
            where = [found[f"key {n}"] for n in range(len(keys))]
            column, _test, why = next(t for n, t in enumerate(tests) if found[f"wrong {n}"])
            value = query.value(
                f"SELECT {_quoted(column)} FROM {_quoted(table)}"
                f" WHERE {' AND '.join(f'{_quoted(k)} IS ?' for k in keys)}",
                where,
                database=self.database,
            )
            shown = str(value) if len(str(value)) <= 40 else str(value)[:40] + "…"
            row = ", ".join(f"{k} {v}" for k, v in zip(keys, where, strict=True))
            raise self.invalid(
                f"the row with {row} of the table '{table}' has {column} “{shown}”, {why}"
            )

    def check_references(self) -> None:
        """Every reference names a row the archive holds (the look-ups use the indexes)."""
        found = query.row("PRAGMA foreign_key_check", into=_Orphan, database=self.database)
        if found:
            row = "a row" if found.rowid is None else f"the row with id {found.rowid}"
            raise self.invalid(
                f"{row} of the table '{found.table}' refers to a row the archive does not hold"
                f" (in the table '{found.parent}')"
            )

    def restore_indexes(self) -> None:
        bulk.create_indexes(self.database, self.indexes)
        self.indexes = []
