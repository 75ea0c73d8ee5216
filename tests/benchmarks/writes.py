"""What the program writes at scale: a LinkedIn import, the full archive out and in, and a
backup, with the window's heartbeat while they run on a worker."""

from __future__ import annotations

import csv
import io
import sqlite3
import time
from pathlib import Path

from desktop.core import people, undo
from desktop.formats import archive, importing, linkedin
from desktop.store import backups, bulk, connection, search_index, summaries, undo_log

from . import heartbeat
from .table import Row, seconds

IMPORT_BUDGET_S = 2.0  # 30,000 LinkedIn rows
STALL_MS = 50  # the longest the window may stop answering while work runs on a worker


MOVES_EVERY = 30  # a re-import of 30,000 connections in which 1,000 changed jobs
REIMPORT_BUDGET_S = 3.0


def connections_csv(rows: int, moved_every: int = 0) -> bytes:
    """*rows* connections; with *moved_every*, every so many of them at another company."""
    out = io.StringIO()
    out.write('Notes:\n"When exporting your connection data, some emails may be missing."\n\n')
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    for n in range(rows):
        writer.writerow(
            [
                f"First{n}",
                f"Last{n}",
                f"https://www.linkedin.com/in/person-{n}",
                f"person{n}@example.com" if n % 7 == 0 else "",
                f"New Company {n % 50}"
                if moved_every and n % moved_every == 0
                else f"Company {n % 900}",
                'Engineer, "Platform"',
                f"{1 + n % 28} Mar 2025",
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def _raw_executemany(path: Path, parsed) -> float:
    """The same people inserted with raw sqlite3 executemany into the same schema, and put
    in the search index the way the program does: what the write itself cannot beat."""
    con = sqlite3.connect(path)
    started = time.perf_counter()
    with con:
        con.executemany(
            "INSERT INTO person (name, sort_key, title, email, linkedin_url, how_met, met_on,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', '')",
            [
                (
                    p.name,
                    p.name.lower(),
                    p.title,
                    p.email,
                    p.linkedin_url,
                    p.how_met,
                    p.met_on.isoformat() if p.met_on else None,
                )
                for p in parsed.people
            ],
        )
        con.execute(
            "INSERT INTO person_search (rowid, name, company, title, email, location, notes,"
            " skills) SELECT id, name, '', title, email, location, notes, '' FROM person"
        )
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def linkedin_import(folder: Path, rows: int) -> list[Row]:
    """*rows* LinkedIn connections into an empty network: parse, plan and write."""
    data = connections_csv(rows)
    floor_db = folder / "floor.sqlite3"
    connection.open_database(floor_db)
    connection.close_database()
    connection.open_database(folder / "import.sqlite3")
    undo_log.keep(connection.db)  # as the window does: the import is a step to undo
    try:
        started = time.perf_counter()
        parsed = linkedin.parse(data, "Connections.csv")
        plan = importing.plan(parsed)
        planned_at = time.perf_counter()
        importing.apply(plan, source="Connections.csv")
        done_at = time.perf_counter()
        (step,) = undo_log.steps_since(0, connection.db)
        undone = undo.reverse(step.step)
        undone_at = time.perf_counter()
        assert people.person_count() == 0
        undo.reverse(undone.step)
        redone_at = time.perf_counter()
        assert people.person_count() == rows
        newer = connections_csv(rows, MOVES_EVERY)
        again_at = time.perf_counter()
        replan = importing.plan(linkedin.parse(newer, "Connections.csv"), origin="linkedin")
        importing.apply(replan, source="Connections.csv")
        reimported_at = time.perf_counter()
        assert replan.moves == len(range(0, rows, MOVES_EVERY))
    finally:
        connection.close_database()
    assert len(plan.new) == rows
    floor = _raw_executemany(floor_db, parsed)
    budget = IMPORT_BUDGET_S if rows >= 30_000 else None  # start-up costs dwarf a small file
    return [
        Row(
            f"LinkedIn import, all ({rows:,} rows)",
            done_at - started,
            unit="s",
            floor=floor,
            limit=budget,
            floor_is="raw executemany",
        ),
        # Reading and checking every row has no raw counterpart; the writing does.
        Row(
            f"LinkedIn import, the write ({rows:,} rows)",
            done_at - planned_at,
            unit="s",
            floor=floor,
            ratio=3,
            floor_is="raw executemany",
        ),
        # Taking it back deletes every row it added and logs each to put back again.
        Row(
            f"undo the LinkedIn import ({rows:,} rows)",
            undone_at - done_at,
            unit="s",
            floor=floor,
            ratio=6,
            floor_is="raw executemany",
        ),
        Row(
            f"redo the LinkedIn import ({rows:,} rows)",
            redone_at - undone_at,
            unit="s",
            floor=floor,
            ratio=6,
            floor_is="raw executemany",
        ),
        # Every row is someone known; one in MOVES_EVERY ends a position and opens one.
        Row(
            f"re-import with {replan.moves:,} moves ({rows:,} rows)",
            reimported_at - again_at,
            unit="s",
            floor=floor,
            limit=REIMPORT_BUDGET_S if rows >= 30_000 else None,
            floor_is="raw executemany",
        ),
    ]


def import_heartbeat(folder: Path, rows: int) -> list[Row]:
    """The window's longest pause while the import dialog writes *rows* on its worker."""
    from desktop.ui.dialogs.import_dialog import ImportDialog

    heartbeat.application()
    connection.open_database(folder / "beat.sqlite3")
    try:
        parsed = linkedin.parse(connections_csv(rows), "Connections.csv")
        dialog = ImportDialog(None, "linkedin", Path("Connections.csv"), parsed)
        dialog.import_button.click()
        gaps = heartbeat.gaps_until(lambda: dialog.imported)
        dialog.deleteLater()
    finally:
        connection.close_database()
    floor = max(heartbeat.quiet_gaps(1.0))
    return [
        Row(
            f"heartbeat, LinkedIn import ({rows:,} rows)",
            max(gaps),
            floor=floor,
            ratio=1,
            slack=STALL_MS,
            floor_is="longest gap, idle",
        )
    ]


def _copy_with_sqlite_alone(source: Path) -> None:
    """The floor of an archive import: the same rows and rebuilds, with no JSON at all:
    tables copied page by page, indexes built after, summaries and search rebuilt."""
    db = connection.db
    db.execute_sql("ATTACH DATABASE ? AS source", (str(source),))
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            tables = archive.archived_tables()
            indexes = db.execute_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).fetchall()
            for seeded in archive.SEEDED:  # the migrations' rows make way for the source's
                db.execute_sql(f"DELETE FROM {seeded}")
            with summaries.paused(db):
                for name, _sql in indexes:
                    db.execute_sql(f'DROP INDEX "{name}"')
                for table in tables:
                    db.execute_sql(f"INSERT INTO main.{table} SELECT * FROM source.{table}")
                bulk.create_indexes(db, [sql for _name, sql in indexes])
            assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
            search_index.rebuild(db)
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")
        db.execute_sql("DETACH DATABASE source")


def archive_out_and_in(network: Path, folder: Path) -> list[Row]:
    """The full archive of *network* written, then read into a new network."""
    file = folder / "network.json"
    db = connection.db
    connection.open_database(network)
    try:
        counts: dict[str, int] = {}
        exporting = seconds(lambda: counts.update(archive.export(file)))
        day_totals = db.execute_sql("SELECT * FROM action_day ORDER BY 1, 2, 3").fetchall()
    finally:
        connection.close_database()
    connection.open_database(folder / "imported.sqlite3")
    try:
        imported: dict[str, int] = {}
        importing_s = seconds(lambda: imported.update(archive.import_into(file)))
        assert imported == counts
        assert db.execute_sql("SELECT * FROM action_day ORDER BY 1, 2, 3").fetchall() == day_totals
    finally:
        connection.close_database()
    connection.open_database(folder / "floor.sqlite3")
    try:
        floor = seconds(lambda: _copy_with_sqlite_alone(network))
    finally:
        connection.close_database()
    megabytes = file.stat().st_size / 1e6
    actions = counts.get("action", 0)
    return [
        Row(
            f"archive export ({actions:,} actions, {megabytes:.0f} MB)",
            exporting,
            unit="s",
            limit=5 * max(actions, 1) / 1_000_000 + 0.5,
        ),
        Row(
            "archive import into a new network",
            importing_s,
            unit="s",
            floor=floor,
            ratio=2,
            floor_is="the copy by SQLite alone",
        ),
    ]


def backup_heartbeat(network: Path) -> list[Row]:
    """A backup on a worker: its time, and the window's longest pause meanwhile."""
    from desktop.ui.worker import Worker

    heartbeat.application()
    connection.open_database(network)
    try:
        started = time.perf_counter()
        worker = Worker(lambda _progress: backups.create(network, "by-hand"))
        worker.start()
        gaps = heartbeat.gaps_until(lambda: worker.outcome is not None)
        worker.wait()
        took = time.perf_counter() - started
        assert worker.outcome[0] == "succeeded", worker.outcome
        made = worker.outcome[1]
        made.path.unlink(missing_ok=True)
    finally:
        connection.close_database()
    floor = max(heartbeat.quiet_gaps(min(took, 3.0)))
    return [
        Row("backup of the network", took, unit="s"),
        Row(
            "heartbeat, backup",
            max(gaps),
            floor=floor,
            ratio=1,
            slack=STALL_MS,
            floor_is="longest gap, idle",
        ),
    ]
