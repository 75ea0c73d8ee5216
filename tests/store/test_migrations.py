"""The migration runner: ordered steps, one transaction each, a backup before upgrading
(reused when an interrupted upgrade is tried again)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from desktop.store import backups, connection, migrations


def _add_column(database):
    database.execute_sql("ALTER TABLE company ADD COLUMN size TEXT NOT NULL DEFAULT ''")


def _broken_step(database):
    database.execute_sql("ALTER TABLE company ADD COLUMN half_done TEXT")
    raise RuntimeError("step failed half way")


@pytest.fixture
def v1_file(tmp_path):
    """A version 1 database holding one company, closed again."""
    path = tmp_path / "old.sqlite3"
    connection.db.init(str(path), pragmas=connection.PRAGMAS)
    connection.db.connect()
    try:
        migrations.migrate(connection.db, path, steps=migrations.STEPS[:1])
        connection.db.execute_sql(
            "INSERT INTO company (name, name_key, created_at, updated_at)"
            " VALUES ('Acme', 'acme', '2025-01-01', '2025-01-01')"
        )
        connection.db.execute_sql(
            "INSERT INTO opportunity (company_id, title, status, status_changed_on,"
            " created_at, updated_at) VALUES (1, 'Data lead', 'applied', '2025-03-02',"
            " '2025-01-01T10:00:00', '2025-03-02T10:00:00')"
        )
        connection.db.execute_sql(
            "INSERT INTO opportunity (company_id, title, created_at, updated_at)"
            " VALUES (1, 'Analyst', '2025-01-05T09:00:00', '2025-01-05T09:00:00')"
        )
    finally:
        connection.close_database()
    return path


def test_step_upgrades_a_v1_file_after_a_backup(v1_file):
    connection.db.init(str(v1_file), pragmas=connection.PRAGMAS)
    connection.db.connect()
    try:
        steps = (migrations.STEPS[0], _add_column)
        backup = migrations.migrate(connection.db, v1_file, steps=steps)
        assert migrations.current_version(connection.db) == 2
        rows = connection.db.execute_sql("SELECT name, size FROM company").fetchall()
        assert rows == [("Acme", "")]
    finally:
        connection.close_database()
    assert backup is not None and backup.path.exists()
    assert backup.path.parent == v1_file.parent / "backups"
    assert backup.path.name.startswith("old-") and backup.path.name.endswith(
        "-before-upgrade.sqlite3"
    )
    assert (backup.reason, backup.schema_version) == ("before-upgrade", 1)
    assert backups.list_backups(v1_file) == [backup]
    assert backups.verify(backup.path) == "ok"
    old = sqlite3.connect(backup.path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT name FROM company").fetchall() == [("Acme",)]
    old.close()


def test_failed_step_rolls_back_and_keeps_the_version(v1_file):
    connection.db.init(str(v1_file), pragmas=connection.PRAGMAS)
    connection.db.connect()
    try:
        with pytest.raises(RuntimeError, match="half way"):
            migrations.migrate(connection.db, v1_file, steps=(migrations.STEPS[0], _broken_step))
        assert migrations.current_version(connection.db) == 1
        columns = [r[1] for r in connection.db.execute_sql("PRAGMA table_info(company)")]
        assert "half_done" not in columns
    finally:
        connection.close_database()


def test_current_database_needs_no_steps_and_no_backup(tmp_path):
    path = tmp_path / "new.sqlite3"
    connection.open_database(path)
    connection.close_database()
    connection.open_database(path)
    connection.close_database()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite3"]
    assert backups.list_backups(path) == []


def test_step_2_upgrades_a_v1_file_with_history_and_aliases(v1_file, tmp_path):
    connection.open_database(v1_file)
    try:
        assert migrations.current_version(connection.db) == migrations.LATEST_VERSION
        history = connection.db.execute_sql(
            "SELECT o.title, h.status, h.changed_on FROM opportunity_history h"
            " JOIN opportunity o ON o.id = h.opportunity_id ORDER BY o.id"
        ).fetchall()
        # The day of the last change when known, else the day the opportunity was added.
        assert history == [
            ("Data lead", "applied", "2025-03-02"),
            ("Analyst", "interested", "2025-01-05"),
        ]
        offered = connection.db.execute_sql(
            "SELECT follow_through_offered_at FROM opportunity"
        ).fetchall()
        assert offered == [(None,), (None,)]
        js = connection.db.execute_sql(
            "SELECT alias, skill FROM skill_alias WHERE alias_key = 'js'"
        ).fetchone()
        assert js == ("JS", "JavaScript")
    finally:
        connection.close_database()
    (backup,) = backups.list_backups(v1_file)
    assert (backup.reason, backup.schema_version) == ("before-upgrade", 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "old.sqlite3"]


def test_step_3_gives_the_people_of_a_v2_file_empty_name_parts(tmp_path):
    path = tmp_path / "v2.sqlite3"
    connection.db.init(str(path), pragmas=connection.PRAGMAS)
    connection.db.connect()
    try:
        migrations.migrate(connection.db, path, steps=migrations.STEPS[:2])
        connection.db.execute_sql(
            "INSERT INTO person (name, sort_key, created_at, updated_at)"
            " VALUES ('Lisette Schutte, PhD', 'lisette schutte, phd', '2025-01-01', '2025-01-01')"
        )
    finally:
        connection.close_database()
    connection.open_database(path)
    try:
        assert migrations.current_version(connection.db) == migrations.LATEST_VERSION
        row = connection.db.execute_sql(
            "SELECT name, given_name, middle_name, family_name, name_prefix, name_suffix"
            " FROM person"
        ).fetchone()
        # Nothing is guessed from the name: the parts stay empty until a source gives them.
        assert row == ("Lisette Schutte, PhD", "", "", "", "", "")
    finally:
        connection.close_database()
    (backup,) = backups.list_backups(path)
    assert (backup.reason, backup.schema_version) == ("before-upgrade", 2)


def test_statement_splitter_handles_comments_and_semicolons_in_strings():
    script = (
        "-- a comment; with a semicolon\nCREATE TABLE t (x TEXT DEFAULT ';');\n\n"
        "INSERT INTO t VALUES ('a;b');\n-- trailing comment\n"
    )
    assert migrations._split_statements(script) == [
        "-- a comment; with a semicolon\nCREATE TABLE t (x TEXT DEFAULT ';');",
        "INSERT INTO t VALUES ('a;b');",
    ]


def test_step_2_sums_up_the_timeline_of_a_v1_file(tmp_path):
    path = tmp_path / "timeline.sqlite3"
    connection.db.init(str(path), pragmas=connection.PRAGMAS)
    connection.db.connect()
    try:
        migrations.migrate(connection.db, path, steps=migrations.STEPS[:1])
        for person_id, name in ((1, "Ada"), (2, "Bob")):
            connection.db.execute_sql(
                "INSERT INTO person (id, name, created_at, updated_at) VALUES (?, ?, '', '')",
                (person_id, name),
            )
        for day, direction, beneficiary, weight in (
            ("2026-01-02", "given", 2, 2),
            ("2026-01-09", "received", None, 3),
        ):
            connection.db.execute_sql(
                "INSERT INTO action (occurred_on, direction, kind, counterpart_id,"
                " beneficiary_id, summary, weight, created_at)"
                " VALUES (?, ?, 'referral', 1, ?, 'x', ?, '')",
                (day, direction, beneficiary, weight),
            )
    finally:
        connection.close_database()
    connection.open_database(path)
    try:
        days = connection.db.execute_sql("SELECT * FROM action_day ORDER BY day").fetchall()
        assert days == [
            ("2026-01-02", "given", "referral", 1, 2),
            ("2026-01-09", "received", "referral", 1, 3),
        ]
        persons = connection.db.execute_sql("SELECT * FROM action_person ORDER BY 1").fetchall()
        assert persons == [
            (1, 1, 1, 2, 3, "2026-01-02", "2026-01-02", "2026-01-09", "2026-01-09", 1),
            (2, 0, 0, 0, 0, None, None, None, None, 1),  # helped, as the one referred
        ]
    finally:
        connection.close_database()


def _upgrade(path, steps):
    connection.db.init(str(path), pragmas=connection.PRAGMAS)
    connection.db.connect()
    try:
        return migrations.migrate(connection.db, path, steps=steps)
    finally:
        connection.close_database()


def test_a_retry_after_a_failed_upgrade_reuses_its_backup(v1_file):
    broken = (migrations.STEPS[0], _broken_step)
    for _ in range(3):
        with pytest.raises(RuntimeError, match="half way"):
            _upgrade(v1_file, broken)
    (first,) = backups.list_backups(v1_file)
    done = _upgrade(v1_file, (migrations.STEPS[0], _add_column))
    assert done == first and backups.list_backups(v1_file) == [first]


def test_a_retry_after_the_file_changed_makes_a_new_backup(v1_file):
    with pytest.raises(RuntimeError):
        _upgrade(v1_file, (migrations.STEPS[0], _broken_step))
    # Meanwhile the old program went on writing, and crashed before its change left the
    # -wal file: only a checkpoint before comparing shows that the file changed.
    code = (
        "import os, sqlite3, sys; con = sqlite3.connect(sys.argv[1], isolation_level=None);"
        "con.execute('PRAGMA wal_autocheckpoint = 0');"
        "con.execute(\"UPDATE company SET notes = 'changed' WHERE id = 1\"); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(v1_file)], check=True)
    assert (v1_file.parent / "old.sqlite3-wal").stat().st_size > 0
    newer = _upgrade(v1_file, (migrations.STEPS[0], _add_column))
    assert len(backups.list_backups(v1_file)) == 2
    check = sqlite3.connect(newer.path)
    assert check.execute("SELECT notes FROM company").fetchall() == [("changed",)]
    check.close()


_KILLED_UPGRADE = """
import os, sys
from pathlib import Path
from desktop.store import connection, migrations

def half_then_gone(database):
    database.execute_sql("PRAGMA cache_size = 20")  # so the change spills into the -wal file
    database.execute_sql("CREATE TABLE big (x TEXT)")
    for _ in range(200):
        database.execute_sql("INSERT INTO big VALUES (?)", ("x" * 4000,))
    os._exit(9)  # the power goes

path = Path(sys.argv[1])
connection.db.init(str(path), pragmas=connection.PRAGMAS)
connection.db.connect()
migrations.migrate(connection.db, path, steps=(migrations.STEPS[0], half_then_gone))
"""


def test_an_upgrade_killed_half_way_is_retried_without_another_full_copy(v1_file):
    done = subprocess.run([sys.executable, "-c", _KILLED_UPGRADE, str(v1_file)])
    assert done.returncode == 9
    assert (v1_file.parent / "old.sqlite3-wal").stat().st_size > 100_000  # half an upgrade
    (first,) = backups.list_backups(v1_file)
    connection.open_database(v1_file)
    try:
        assert migrations.current_version(connection.db) == migrations.LATEST_VERSION
        tables = {r[0] for r in connection.db.execute_sql("SELECT name FROM sqlite_master")}
        assert "big" not in tables
    finally:
        connection.close_database()
    assert backups.list_backups(v1_file) == [first]


@pytest.mark.skipif(os.name != "posix", reason="asks whether a process id still runs")
def test_leftovers_of_an_interrupted_upgrade_backup_go_at_the_next_start(v1_file):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    folder = backups.folder_for(v1_file)
    folder.mkdir()
    half = folder / f".old-2026-12-03T091502-before-upgrade.sqlite3.partial-{gone.stdout.strip()}"
    half.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    connection.open_database(v1_file)
    connection.close_database()
    assert not half.exists()
    assert [b.reason for b in backups.list_backups(v1_file)] == ["before-upgrade"]


def test_step_5_makes_the_company_of_each_person_of_a_v2_file_their_first_position(tmp_path):
    path = tmp_path / "v2-people.sqlite3"
    connection.db.init(str(path), pragmas=connection.PRAGMAS)
    connection.db.connect()
    try:
        migrations.migrate(connection.db, path, steps=migrations.STEPS[:2])
        for company_id, name in ((1, "Contoso, Ltd."), (2, "Globex")):
            connection.db.execute_sql(
                "INSERT INTO company (id, name, name_key, created_at, updated_at)"
                " VALUES (?, ?, lower(?), '2024-01-01 09:00:00', '2024-01-01 09:00:00')",
                (company_id, name, name),
            )
        for name, company_id, title in (
            ("Theo Grant", 1, "Analyst"),
            ("Dana Ruiz", 2, ""),
            ("Ira Free", None, "Consultant"),  # a title without a company: no position
        ):
            connection.db.execute_sql(
                "INSERT INTO person (name, company_id, title, created_at, updated_at)"
                " VALUES (?, ?, ?, '2024-02-03 10:00:00', '2024-02-03 10:00:00')",
                (name, company_id, title),
            )
    finally:
        connection.close_database()
    connection.open_database(path)
    try:
        assert migrations.current_version(connection.db) == migrations.LATEST_VERSION
        positions = connection.db.execute_sql(
            "SELECT p.name, ps.company_id, ps.title, ps.started, ps.ended, ps.current,"
            " ps.source, ps.created_at FROM position ps JOIN person p ON p.id = ps.person_id"
            " ORDER BY ps.id"
        ).fetchall()
        assert positions == [
            ("Theo Grant", 1, "Analyst", None, None, 1, "earlier", "2024-02-03 10:00:00"),
            ("Dana Ruiz", 2, "", None, None, 1, "earlier", "2024-02-03 10:00:00"),
        ]
        keys = connection.db.execute_sql("SELECT match_key FROM company ORDER BY id").fetchall()
        assert keys == [("contoso",), ("globex",)]
        tiers = connection.db.execute_sql(
            "SELECT name, ideal_days, longest_days FROM tie_tier ORDER BY id"
        ).fetchall()
        assert tiers == [("Close", 14, 21), ("Regular", 30, 45), ("Occasional", 90, 135)]
        assert connection.db.execute_sql("SELECT tier_id FROM person").fetchall() == [(None,)] * 3
    finally:
        connection.close_database()
    (backup,) = backups.list_backups(path)
    assert (backup.reason, backup.schema_version) == ("before-upgrade", 2)
