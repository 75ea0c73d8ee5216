"""Schema versions and the ordered chain of steps that brings a file up to date.

The version lives in `PRAGMA user_version`. Each step runs in one transaction; before
upgrading a file that already holds data, a backup is made in the backups folder beside
it (`backups.before_upgrade`), and a retry after an interrupted upgrade reuses it.

`connection` imports this module as it loads, and `query` builds on `connection`, so the
functions here import `query` when they run, not at the top.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store.sqltypes import Database

if TYPE_CHECKING:
    from desktop.store.backups import Backup

Step = Callable[[Database], None]


def _run_script(database: Database, script: str) -> None:
    """Run a multi-statement SQL script inside the current transaction."""
    from desktop.store import query

    for statement in _split_statements(script):
        query.execute(statement, database=database)


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


def _step_1_initial_schema(database: Database) -> None:
    script = resources.files("desktop.store").joinpath("schema_v1.sql").read_text("utf-8")
    _run_script(database, script)


def _step_2_aliases_and_pipeline_history(database: Database) -> None:
    script = resources.files("desktop.store").joinpath("schema_v2.sql").read_text("utf-8")
    _run_script(database, script)


def _step_3_name_parts(database: Database) -> None:
    script = resources.files("desktop.store").joinpath("schema_v3.sql").read_text("utf-8")
    _run_script(database, script)


def _step_4_undo_history(database: Database) -> None:
    script = resources.files("desktop.store").joinpath("schema_v4.sql").read_text("utf-8")
    _run_script(database, script)


def _step_5_positions_and_tiers(database: Database) -> None:
    from desktop.store import query, textkeys

    script = resources.files("desktop.store").joinpath("schema_v5.sql").read_text("utf-8")
    _run_script(database, script)
    # The match keys are worked out in Python, as they are for every company added later.
    database.register_function(textkeys.company_key, "company_key", 1, deterministic=True)
    query.execute("UPDATE company SET match_key = company_key(name)", database=database)


#: Step N upgrades a database of version N-1 to version N.
STEPS: tuple[Step, ...] = (
    _step_1_initial_schema,
    _step_2_aliases_and_pipeline_history,
    _step_3_name_parts,
    _step_4_undo_history,
    _step_5_positions_and_tiers,
)
LATEST_VERSION = len(STEPS)


def current_version(database: Database) -> int:
    from desktop.store import query

    return int(query.value("PRAGMA user_version", database=database))


def migrate(
    database: Database, path: Path | None = None, steps: Sequence[Step] = STEPS
) -> Backup | None:
    """Apply every step the database lacks. Returns the backup made first, if any."""
    from desktop.store import query

    version = current_version(database)
    if version > len(steps):
        raise RuntimeError(f"database version {version} is newer than this program")
    if version == len(steps):
        return None
    backup = None
    if version > 0 and path is not None:
        # Imported here: backups builds on connection, which imports this module.
        from desktop.store import backups

        backup = backups.before_upgrade(path, version, database)
    for number in range(version + 1, len(steps) + 1):
        with database.atomic():
            steps[number - 1](database)
            query.execute(f"PRAGMA user_version = {number:d}", database=database)
    return backup
