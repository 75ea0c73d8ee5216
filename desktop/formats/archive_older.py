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
from typing import NamedTuple

from peewee import SqliteDatabase

from desktop.store import bulk, migrations, query
from desktop.store.sqltypes import Database

BATCH = 10_000  # rows per fetchmany / executemany while copying


class _Trigger(NamedTuple):
    name: str
    sql: str


class Scratch:
    """A private temporary database at *version*, beside *target*'s file (where the space
    will be needed anyway), removed again by `close`."""

    def __init__(self, target: Database, version: int) -> None:
        folder = _folder_of(target)
        descriptor, name = tempfile.mkstemp(prefix=".archive-", suffix=".sqlite3", dir=folder)
        os.close(descriptor)  # mkstemp made it 0600; SQLite opens it by name
        self.path = Path(name)
        self.version = version
        scratch = SqliteDatabase(
            name,
            pragmas={"journal_mode": "memory", "synchronous": "off", "foreign_keys": 0},
        )
        scratch.connect()
        self.database: Database = scratch
        migrations.migrate(self.database, None, steps=migrations.STEPS[:version])
        query.execute("BEGIN", database=self.database)
        # The triggers keep summaries the network rebuilds anyway: off while loading.
        triggers = query.rows(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'",
            into=_Trigger,
            database=self.database,
        )
        for trigger in triggers:
            query.execute(f"DROP TRIGGER {_quoted(trigger.name)}", database=self.database)
        self._triggers = [trigger.sql for trigger in triggers]
        self._indexes: list[str] = []

    def drop_indexes(self, tables: list[str]) -> None:
        """Load without indexes; `upgrade` builds them again, before the steps need them."""
        self._indexes = bulk.drop_indexes(self.database, tables)

    def upgrade(self) -> None:
        """Finish the load and run the steps from the archive's version to the latest."""
        bulk.create_indexes(self.database, self._indexes)
        for sql in self._triggers:
            query.execute(sql, database=self.database)
        query.execute("COMMIT", database=self.database)
        migrations.migrate(self.database, None)

    def copy_into(
        self, target: Database, tables: list[str], columns: dict[str, list[str]]
    ) -> dict[str, int]:
        """Copy *tables* (parents first) into *target*, column by name; rows per table."""
        counts: dict[str, int] = {}
        for table in tables:
            names = ", ".join(_quoted(column) for column in columns[table])
            marks = ", ".join("?" * len(columns[table]))
            counts[table] = query.copy(
                f"SELECT {names} FROM {_quoted(table)}",
                f"INSERT INTO {_quoted(table)} ({names}) VALUES ({marks})",
                source=self.database,
                target=target,
                size=BATCH,
            )
        return counts

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.database.close()
        for leftover in (self.path, self.path.with_name(self.path.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _folder_of(database: Database) -> str | None:
    name = str(getattr(database, "database", None) or "")  # the file peewee opened
    if not name or name == ":memory:" or name.startswith("file:"):
        return None  # the system's temporary folder
    return str(Path(name).resolve().parent)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
