"""Archives written by an older Reciprocity: loaded into a scratch database of their own
schema version, brought up to date by the same migration steps that upgrade a database
file, then copied into the network.

The steps are the only code that knows how one version becomes the next (a new column's
default, a history table filled from the rows before it), so an old archive gets exactly
what an old database file gets when it is opened.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from peewee import SqliteDatabase

from desktop.store import bulk, migrations

BATCH = 10_000  # rows per fetchmany / executemany while copying


class Scratch:
    """A private temporary database at *version*, beside *target*'s file (where the space
    will be needed anyway), removed again by `close`."""

    def __init__(self, target: SqliteDatabase, version: int) -> None:
        folder = _folder_of(target)
        descriptor, name = tempfile.mkstemp(prefix=".archive-", suffix=".sqlite3", dir=folder)
        os.close(descriptor)  # mkstemp made it 0600; SQLite opens it by name
        self.path = Path(name)
        self.version = version
        self.database = SqliteDatabase(
            name,
            pragmas={"journal_mode": "memory", "synchronous": "off", "foreign_keys": 0},
        )
        self.database.connect()
        migrations.migrate(self.database, None, steps=migrations.STEPS[:version])
        self.database.execute_sql("BEGIN")
        # The triggers keep summaries the network rebuilds anyway: off while loading.
        triggers = self.database.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
        for name, _sql in triggers:
            self.database.execute_sql(f"DROP TRIGGER {_quoted(name)}")
        self._triggers = [sql for _name, sql in triggers]
        self._indexes: list[str] = []

    def drop_indexes(self, tables: list[str]) -> None:
        """Load without indexes; `upgrade` builds them again, before the steps need them."""
        self._indexes = bulk.drop_indexes(self.database, tables)

    def upgrade(self) -> None:
        """Finish the load and run the steps from the archive's version to the latest."""
        bulk.create_indexes(self.database, self._indexes)
        for sql in self._triggers:
            self.database.execute_sql(sql)
        self.database.execute_sql("COMMIT")
        migrations.migrate(self.database, None)

    def copy_into(
        self, target: SqliteDatabase, tables: list[str], columns: dict[str, list[str]]
    ) -> dict[str, int]:
        """Copy *tables* (parents first) into *target*, column by name; rows per table."""
        counts: dict[str, int] = {}
        insert_into = target.connection()
        for table in tables:
            names = ", ".join(_quoted(column) for column in columns[table])
            marks = ", ".join("?" * len(columns[table]))
            cursor = self.database.execute_sql(f"SELECT {names} FROM {_quoted(table)}")
            sql = f"INSERT INTO {_quoted(table)} ({names}) VALUES ({marks})"
            counts[table] = 0
            while rows := cursor.fetchmany(BATCH):
                insert_into.executemany(sql, rows)
                counts[table] += len(rows)
        return counts

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.database.close()
        for leftover in (self.path, self.path.with_name(self.path.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _folder_of(database: SqliteDatabase) -> str | None:
    name = str(database.database or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return None  # the system's temporary folder
    return str(Path(name).resolve().parent)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
