"""Schema versions and the ordered chain of steps that brings a file up to date.

The version lives in `PRAGMA user_version`. Each step runs in one transaction; before
upgrading a file that already holds data, a backup copy is taken next to it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from importlib import resources
from pathlib import Path

from peewee import SqliteDatabase

Step = Callable[[SqliteDatabase], None]


def _run_script(database: SqliteDatabase, script: str) -> None:
    """Run a multi-statement SQL script inside the current transaction."""
    for statement in _split_statements(script):
        database.execute_sql(statement)


def _split_statements(script: str) -> list[str]:
    statements, current = [], []
    for line in script.splitlines():
        current.append(line)
        candidate = "\n".join(current)
        if sqlite3.complete_statement(candidate):
            text = candidate.strip()
            if text and not all(
                part.strip().startswith("--") or not part.strip() for part in text.splitlines()
            ):
                statements.append(text)
            current = []
    return statements


def _step_1_initial_schema(database: SqliteDatabase) -> None:
    script = resources.files("desktop.store").joinpath("schema_v1.sql").read_text("utf-8")
    _run_script(database, script)


def _step_2_aliases_and_pipeline_history(database: SqliteDatabase) -> None:
    script = resources.files("desktop.store").joinpath("schema_v2.sql").read_text("utf-8")
    _run_script(database, script)


#: Step N upgrades a database of version N-1 to version N.
STEPS: tuple[Step, ...] = (_step_1_initial_schema, _step_2_aliases_and_pipeline_history)
LATEST_VERSION = len(STEPS)


def current_version(database: SqliteDatabase) -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def backup_path_for(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.v{version}-before-upgrade-{stamp}{path.suffix}")


def backup_copy(database: SqliteDatabase, target: Path) -> Path:
    """Copy the open database to *target* with SQLite's online backup (consistent in WAL)."""
    source = database.connection()
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)  # private from the start
    os.close(fd)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        dest.close()
    return target


def migrate(
    database: SqliteDatabase, path: Path | None = None, steps: Sequence[Step] = STEPS
) -> Path | None:
    """Apply every step the database lacks. Returns the backup taken, if any."""
    version = current_version(database)
    if version > len(steps):
        raise RuntimeError(f"database version {version} is newer than this program")
    if version == len(steps):
        return None
    backup = None
    if version > 0 and path is not None:
        backup = backup_copy(database, backup_path_for(path, version))
    for number in range(version + 1, len(steps) + 1):
        with database.atomic():
            steps[number - 1](database)
            database.execute_sql(f"PRAGMA user_version = {number:d}")
    return backup
