"""Check database: the file, the references between records, the timeline summaries and
the search indexes, each found problem said in words; and the repair of what can be
worked out afresh (the summaries and the search indexes), after a backup.

The check changes nothing: the summaries are rebuilt into TEMP tables of its own
connection and compared there. Only the full check's search-index test (FTS5's
'integrity-check' command) briefly holds the write lock, as any write does.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import peewee

from desktop.store import backups, query, search_index, summaries, undo_log
from desktop.store.connection import DatabaseError, ReciprocityDatabase, db
from desktop.store.errors import storage_problem

AREAS = ("file", "references", "summaries", "search")
RESTORE_ADVICE = "Repairing cannot mend this: restore a backup from before it happened."
_ALL_IN_ORDER = (
    "the file, the references between records, the timeline summaries and the search "
    "indexes are all in order."
)
#: What a table's rows are called, one and many, for the references in words.
_NOUNS = {
    "company": ("company", "companies"),
    "person": ("person", "people"),
    "person_role": ("role of a person", "roles of people"),
    "skill": ("skill", "skills"),
    "person_skill": ("skill of a person", "skills of people"),
    "need": ("need", "needs"),
    "need_skill": ("skill a need calls for", "skills needs call for"),
    "opportunity": ("opportunity", "opportunities"),
    "opportunity_person": ("person on an opportunity", "people on opportunities"),
    "opportunity_history": ("step of an opportunity's history", "steps of opportunities"),
    "action": ("action", "actions"),
    "profile_skill": ("skill of your profile", "skills of your profile"),
}


@dataclass(frozen=True)
class Finding:
    """One problem: where (one of AREAS), in words, and whether `repair` mends it."""

    area: str
    words: str
    repairable: bool


@dataclass(frozen=True)
class Report:
    """What a check found and how long it took."""

    findings: tuple[Finding, ...]
    seconds: float
    full: bool = True

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def repairable(self) -> bool:
        """There are findings, and `repair` can mend every one of them."""
        return bool(self.findings) and all(f.repairable for f in self.findings)

    def words(self) -> str:
        """The whole report in plain words."""
        if self.ok:
            lead = "No problems found" if self.full else "No problems found by the quick check"
            return f"{lead}: {_ALL_IN_ORDER}"
        many = len(self.findings) > 1
        lines = [f"Found {len(self.findings)} problem{'s' if many else ''}:"]
        lines += [f"• {finding.words}" for finding in self.findings]
        if self.repairable:
            lines.append(
                f"Repair mends {'them all' if many else 'it'} (it makes a backup first); "
                "nothing you entered changes."
            )
        elif any(f.repairable for f in self.findings):
            lines.append(
                "Repair can mend the summaries and the search indexes, but not the rest: "
                "for that, restore a backup from before it happened."
            )
        else:
            lines.append(RESTORE_ADVICE)
        return "\n".join(lines)


def _noun(table: str, n: int) -> str:
    one, many = _NOUNS.get(table, (f"row of {table}", f"rows of {table}"))
    return f"{n:,} {one if n == 1 else many}"


def _one(database: ReciprocityDatabase, sql: str) -> int:
    return int(query.value(sql, database=database))


def _check_file(database: ReciprocityDatabase, full: bool) -> list[Finding]:
    which = "integrity_check" if full else "quick_check"
    problems = query.column(f"PRAGMA {which}(100)", database=database)
    if problems == ["ok"]:
        return []
    many = "100 or more problems" if len(problems) >= 100 else f"{len(problems)} problems"
    found = "a problem" if len(problems) == 1 else many
    return [
        Finding(
            "file",
            f"The file is damaged: SQLite's check found {found}, such as “{problems[0]}”.",
            False,
        )
    ]


class _Dangling(NamedTuple):
    """A row of `PRAGMA foreign_key_check`: the row of *table* whose reference (the
    *fkid*th) names a row of *parent* that is not there."""

    table: str
    rowid: int | None
    parent: str
    fkid: int


def _check_references(database: ReciprocityDatabase, full: bool) -> list[Finding]:
    rows = query.rows("PRAGMA foreign_key_check", into=_Dangling, database=database)
    dangling = Counter((row.table, row.parent) for row in rows)
    findings = []
    for (table, parent), n in sorted(dangling.items()):
        one, _many = _NOUNS.get(parent, (parent, parent))
        verb = "refers" if n == 1 else "refer"
        findings.append(
            Finding("references", f"{_noun(table, n)} {verb} to a {one} that is not there.", False)
        )
    return findings


_REBUILT = {"action_day": "temp.check_action_day", "action_person": "temp.check_action_person"}


def _rebuild_sql() -> list[str]:
    """summaries.REBUILD aimed at TEMP tables: the same SQL, so the two cannot drift."""
    pattern = re.compile(r"\b(" + "|".join(_REBUILT) + r")\b")
    return [pattern.sub(lambda m: _REBUILT[m[1]], sql) for sql in summaries.REBUILD]


def _differing(database: ReciprocityDatabase, table: str, key: str) -> int:
    rebuilt = _REBUILT[table]
    return _one(
        database,
        f"SELECT count(DISTINCT {key}) FROM (SELECT * FROM {table} EXCEPT SELECT * FROM"
        f" {rebuilt} UNION ALL SELECT * FROM (SELECT * FROM {rebuilt} EXCEPT SELECT * FROM"
        f" {table}))",
    )


def _check_summaries(database: ReciprocityDatabase, full: bool) -> list[Finding]:
    with database.reading():  # one snapshot for the rebuild and both comparisons
        for table, rebuilt in _REBUILT.items():
            query.execute(f"DROP TABLE IF EXISTS {rebuilt}", database=database)
            query.execute(
                f"CREATE TABLE {rebuilt} AS SELECT * FROM {table} WHERE 0", database=database
            )
        try:
            for sql in _rebuild_sql():
                query.execute(sql, database=database)
            days = _differing(database, "action_day", "day")
            people = _differing(database, "action_person", "person_id")
        finally:
            for rebuilt in _REBUILT.values():
                query.execute(f"DROP TABLE IF EXISTS {rebuilt}", database=database)
    if not days and not people:
        return []
    parts = [f"{days:,} day{'s' if days != 1 else ''}"] if days else []
    parts += [_noun("person", people)] if people else []
    return [
        Finding(
            "summaries",
            "The timeline summaries are out of step with the actions for "
            f"{' and '.join(parts)}, so the reciprocity figures may be wrong.",
            True,
        )
    ]


#: Each search index, its table, and the rows it is built from: the very SQL that builds
#: it, so that the comparison cannot drift from it.
_INDEXES = (
    ("person_search", "person", search_index._ROW_SQL),
    ("action_search", "action", "SELECT id, summary, notes FROM action"),
)


def _check_one_index(
    database: ReciprocityDatabase, index: str, table: str, rows_sql: str, full: bool
) -> tuple[int, int, int]:
    stale = _one(
        database,
        f"SELECT count(*) FROM {index} s WHERE NOT EXISTS"
        f" (SELECT 1 FROM {table} t WHERE t.id = s.rowid)",
    )
    missing = _one(database, f"SELECT count(*) FROM {table}") - (
        _one(database, f"SELECT count(*) FROM {index}") - stale
    )
    outdated = 0
    if full:  # rows indexed with what they said before a change
        columns = ", ".join(
            query.column(
                "SELECT name FROM pragma_table_info(?) ORDER BY cid", (index,), database=database
            )
        )
        differing = _one(
            database,
            f"SELECT count(*) FROM ({rows_sql} EXCEPT SELECT rowid, {columns} FROM {index})",
        )
        outdated = max(0, differing - missing)
    return missing, stale, outdated


def _damaged_index(database: ReciprocityDatabase, index: str) -> str | None:
    """FTS5's own check of the index's inner structure; None when it is sound."""
    if getattr(database, "read_only", False):
        return None  # the command is an INSERT, which a file opened for viewing refuses
    try:
        with database.atomic():
            query.execute(
                f"INSERT INTO {index} ({index}) VALUES ('integrity-check')", database=database
            )
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        problem = storage_problem(exc)
        if problem is None or problem.kind != "damaged":
            raise  # a bug, or the disk or a lock: not the index
        return str(exc)
    return None


def _check_search(database: ReciprocityDatabase, full: bool) -> list[Finding]:
    findings = []
    for index, table, rows_sql in _INDEXES:
        with database.reading():
            missing, stale, outdated = _check_one_index(database, index, table, rows_sql, full)
        parts = []
        if missing:
            parts.append(f"{_noun(table, missing)} {'is' if missing == 1 else 'are'} missing")
        if stale:
            parts.append(
                f"{_noun(table, stale)} no longer there {'is' if stale == 1 else 'are'} still in it"
            )
        if outdated:
            parts.append(
                f"{_noun(table, outdated)} "
                + ("is indexed as it was" if outdated == 1 else "are indexed as they were")
                + " before a change"
            )
        broken = _damaged_index(database, index) if full else None
        if broken:
            parts.append(f"its inner structure is damaged (SQLite says “{broken}”)")
        if parts:
            findings.append(
                Finding(
                    "search",
                    f"The search index of {_NOUNS[table][1]} is out of step: {'; '.join(parts)}. "
                    "Searching may not find what it should.",
                    True,
                )
            )
    return findings


_CHECKS: tuple[Callable[[ReciprocityDatabase, bool], list[Finding]], ...] = (
    _check_references,
    _check_summaries,
    _check_search,
)


def _damage_found(exc: BaseException) -> Finding | None:
    problem = storage_problem(exc)
    if problem is None:
        return None  # a bug: the caller's log and "Something went wrong" path
    if problem.kind != "damaged":
        raise problem from exc  # the disk or a lock, not the file: say that instead
    return Finding("file", f"The file is damaged: SQLite says “{exc}”.", False)


def run_check(
    database: ReciprocityDatabase = db,
    *,
    full: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Check the open *database* (full: SQLite's integrity check, else its quick check).

    *progress*, if given, is called with each area (AREAS) as it begins. Raises
    StorageError when the disk or a lock stops the check; a damaged file is a finding.
    """
    started = time.perf_counter()
    findings: list[Finding] = []
    for area, part in zip(AREAS, (_check_file, *_CHECKS), strict=True):
        if progress is not None:
            progress(area)
        try:
            findings += part(database, full)
        except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
            found = _damage_found(exc)
            if found is None:
                raise
            findings.append(found)
        if any(f.area == "file" for f in findings):
            break  # on damaged pages the other checks would only repeat it, or mislead
    return Report(tuple(findings), time.perf_counter() - started, full)


def _recreate_search_tables(database: ReciprocityDatabase) -> None:
    """Drop and create both full-text tables afresh, so a damaged index cannot stop the
    rebuild (deleting rows from it would read the damaged structure)."""
    for index, *_ in _INDEXES:
        sql = query.value(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
            (index,),
            database=database,
        )
        query.execute(f"DROP TABLE {index}", database=database)
        query.execute(sql, database=database)


def repair(
    db_path: Path, database: ReciprocityDatabase = db, *, full: bool = True
) -> tuple[backups.Backup, Report]:
    """Back up (reason "before-repair"), then work the summaries and search indexes out
    afresh in one transaction, then check again; returns the backup and the new report.

    Raises DatabaseError for a file opened for viewing only or damaged (restore a backup
    instead) and StorageError when the disk refuses; the file is unchanged then.
    """
    if getattr(database, "read_only", False):
        raise DatabaseError(
            f"{db_path} is open for viewing only, so it cannot be repaired.",
            kind="read-only",
            path=Path(db_path),
        )
    saved = backups.create(Path(db_path), "before-repair")
    try:
        # Only what is worked out from the rows changes, so the window's undo steps stay
        # good; the sort keys set afresh are no step of the person's.
        with database.atomic(), undo_log.unlogged(database):
            summaries.rebuild(database)
            _recreate_search_tables(database)
            search_index.rebuild(database)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        problem = storage_problem(exc, db_path)
        if problem is None:
            raise
        raise problem from exc
    return saved, run_check(database, full=full)
