"""Backups: consistent snapshots during writes, private self-contained files, a list read
from sidecars, thinning, verify, restore round-trips and what interrupted runs leave."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop import sample
from desktop.store import backups, connection, migrations, retention, safe_files, snapshots
from desktop.store.errors import StorageError

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and pids")
MORNING = datetime(2026, 12, 3, 9, 15, 2)


@pytest.fixture
def network(tmp_path):
    """A closed database file holding a small sample network."""
    path = tmp_path / "net.sqlite3"
    connection.open_database(path)
    sample.generate_network(connection.db, people=60, companies=12, actions=600)
    connection.close_database()
    return path


def content(path: Path) -> dict[str, list]:
    """Every row of every table, to compare two files by what they hold."""
    con = sqlite3.connect(path)
    try:
        tables = [
            t
            for (t,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%' ORDER BY name"
            )
        ]
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        con.close()


def digest(*paths: Path) -> list[str | None]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in paths]


def count(path: Path, sql: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def add_person(path: Path, name: str) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO person (name, created_at, updated_at) VALUES (?, '', '')", (name,))
    con.close()


def test_a_backup_is_a_private_self_contained_checked_file_with_a_sidecar(network):
    made = backups.create(network, "by-hand", now=MORNING)
    assert made.path == network.parent / "backups" / "net-2026-12-03T091502-by-hand.sqlite3"
    assert (made.people, made.actions, made.schema_version) == (60, 600, migrations.LATEST_VERSION)
    assert made.reason == "by-hand" and made.reason_words == "made by hand"
    assert made.taken_at.tzinfo is not None and made.size == made.path.stat().st_size
    assert made.words() == "Thu 3 Dec 2026, 09:15 · made by hand · 60 people, 600 actions · " + (
        backups.size_words(made.size)
    )
    assert sorted(p.name for p in made.path.parent.iterdir()) == [
        "net-2026-12-03T091502-by-hand.json",
        "net-2026-12-03T091502-by-hand.sqlite3",
    ]  # no -wal, -journal or temporary file beside it
    assert sorted(p.name for p in network.parent.iterdir()) == ["backups", "net.sqlite3"]
    head = made.path.read_bytes()[:20]
    assert head[18:20] == b"\x01\x01"  # rollback journal, not WAL: one file is all of it
    assert backups.verify(made.path) == "ok"
    assert content(made.path) == content(network)
    sidecar = json.loads(made.path.with_suffix(".json").read_text("utf-8"))
    assert sidecar["people"] == 60 and sidecar["reason"] == "by-hand"


@posix_only
def test_backups_and_their_folder_are_private(network):
    made = backups.create(network, "automatic")
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.path.with_suffix(".json").stat().st_mode) == 0o600
    assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700


def test_a_backup_during_writes_from_another_connection_is_a_consistent_snapshot(network):
    """A writer adds actions ten at a time with a running total; every backup holds
    whole transactions only, and its total agrees with its actions."""
    setup = sqlite3.connect(network)
    with setup:
        setup.execute("CREATE TABLE tally (n INTEGER NOT NULL)")
        setup.execute("INSERT INTO tally VALUES (0)")
    setup.close()
    stop = threading.Event()
    started = threading.Event()

    def write() -> None:
        con = sqlite3.connect(network, isolation_level=None, timeout=10)
        con.execute("PRAGMA journal_mode = wal")
        try:
            while not stop.is_set():
                con.execute("BEGIN IMMEDIATE")
                con.executemany(
                    "INSERT INTO action (occurred_on, direction, kind, counterpart_id,"
                    " summary, weight, created_at) VALUES ('2026-01-02', 'given', 'thanks',"
                    " 1, 'written during a backup', 1, '')",
                    [()] * 10,
                )
                con.execute("UPDATE tally SET n = n + 10")
                con.execute("COMMIT")
                started.set()
        finally:
            con.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        started.wait(10)
        made = [backups.create(network, "by-hand") for _ in range(6)]
    finally:
        stop.set()
        writer.join()
    seen = set()
    for backup in made:
        actions = count(backup.path, "SELECT count(*) FROM action") - 600
        assert actions % 10 == 0
        assert actions == count(backup.path, "SELECT n FROM tally")
        assert backups.verify(backup.path) == "ok"
        seen.add(actions)
    assert len(seen) > 1  # the writer really wrote while the backups were made


def test_a_backup_holds_what_was_committed_but_is_only_in_the_write_ahead_log(network):
    con = sqlite3.connect(network, isolation_level=None)
    con.execute("PRAGMA journal_mode = wal")
    con.execute("PRAGMA wal_autocheckpoint = 0")  # the change stays in net.sqlite3-wal
    con.execute("INSERT INTO person (name, created_at, updated_at) VALUES ('In the log', '', '')")
    try:
        assert Path(f"{network}-wal").stat().st_size > 0
        made = backups.create(network, "by-hand")
    finally:
        con.close()
    assert made.people == 61
    assert count(made.path, "SELECT count(*) FROM person WHERE name = 'In the log'") == 1


def test_the_list_is_newest_first_and_read_from_the_sidecars(network, monkeypatch):
    first = backups.create(network, "automatic", now=MORNING - timedelta(hours=1))
    second = backups.create(network, "by-hand", now=MORNING + timedelta(minutes=5))
    same_second = backups.create(network, "by-hand", now=MORNING + timedelta(minutes=5))
    assert same_second.path.name == "net-2026-12-03T092002-2-by-hand.sqlite3"
    (network.parent / "backups" / "notes.txt").write_text("not a backup")
    (network.parent / "backups" / "other-2026-12-03T091502-by-hand.sqlite3").write_bytes(b"")

    def opened(path):
        raise AssertionError(f"the list opened {path}")

    monkeypatch.setattr(snapshots, "read_facts", opened)
    assert backups.list_backups(network) == [same_second, second, first]


def test_without_its_sidecar_a_backup_is_listed_from_the_file_itself(network):
    made = backups.create(network, "by-hand", now=MORNING)
    made.path.with_suffix(".json").unlink()
    (listed,) = backups.list_backups(network)
    assert (listed.people, listed.actions, listed.schema_version) == (
        60,
        600,
        migrations.LATEST_VERSION,
    )
    assert listed.taken_at == MORNING.astimezone() and listed.reason == "by-hand"
    # A sidecar that describes another file (its size differs) is not believed.
    record = {"format": "reciprocity-backup", "taken_at": MORNING.astimezone().isoformat(),
              "size": 1, "people": 5, "actions": 5, "schema_version": 2}  # fmt: skip
    made.path.with_suffix(".json").write_text(json.dumps(record))
    assert backups.list_backups(network)[0].people == 60


def test_each_new_backup_thins_the_old_ones_by_the_policy(network):
    made = []
    for day in range(3):
        for slot in range(18):
            when = MORNING.replace(hour=9, minute=0) + timedelta(days=day, minutes=30 * slot)
            made.append(backups.create(network, "automatic", now=when))
    listed = backups.list_backups(network)
    expected = retention.to_keep(made, now=made[-1].taken_at, database_size=network.stat().st_size)
    assert listed == expected
    # The newest of the last 12 hours (nine on the last day, three on the day before, whose
    # newest is its day's too) and the newest of the first day.
    assert len(listed) == 12 + 1
    on_disk = sorted(p.name for p in (network.parent / "backups").iterdir())
    assert on_disk == sorted(
        [b.path.name for b in listed] + [b.path.with_suffix(".json").name for b in listed]
    )


def test_an_automatic_backup_waits_for_free_space_but_one_by_hand_does_not(network, monkeypatch):
    monkeypatch.setattr(backups.shutil, "disk_usage", lambda _p: type("U", (), {"free": 1000})())
    with pytest.raises(StorageError) as refused:
        backups.create(network, "automatic")
    said = str(refused.value)
    assert said.startswith("There is not enough free space for an automatic backup of net.sqlite3")
    assert "twice the size of the database" in said and "Free some space" in said
    assert backups.list_backups(network) == []
    assert backups.create(network, "by-hand").reason == "by-hand"


def test_a_full_disk_while_backing_up_is_said_and_leaves_nothing(network, monkeypatch):
    def full(_source, _target, **_how):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(snapshots, "copy", full)
    with pytest.raises(StorageError, match="is full, so no backup was made"):
        backups.create(network, "by-hand")
    assert list((network.parent / "backups").iterdir()) == []


def damage(path: Path) -> None:
    """Overwrite a page in the middle of the file (of a table, not the first page)."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek((size // 4096 // 2) * 4096)
        handle.write(b"\xa5" * 4096)


def test_a_damaged_database_is_not_backed_up_and_leaves_no_temporary_file(network):
    damage(network)
    with pytest.raises(connection.DatabaseError) as refused:
        backups.create(network, "by-hand")
    assert refused.value.kind == "damaged"
    assert str(refused.value).startswith(f"{network} is damaged")
    assert list((network.parent / "backups").iterdir()) == []


def test_restore_round_trips_and_backs_up_the_current_file_first(network):
    old = backups.create(network, "by-hand", now=MORNING)
    add_person(network, "Added after the backup")
    now = content(network)
    saved = backups.restore(network, old, now=MORNING + timedelta(hours=1))
    assert content(network) == content(old.path)
    assert saved is not None and saved.reason == "before-restore"
    assert content(saved.path) == now  # the state before the restore can come back
    assert saved in backups.list_backups(network) and old in backups.list_backups(network)
    assert connection.check_openable(network) == migrations.LATEST_VERSION
    assert sorted(p.name for p in network.parent.iterdir()) == ["backups", "net.sqlite3"]


def test_restoring_a_backup_the_next_thinning_removes_still_restores_it(network):
    earlier = backups.create(network, "automatic", now=MORNING)
    add_person(network, "Added after the backup")
    # The backup before the restore is newer in the same hour: thinning then removes the
    # automatic one, which must have been copied already.
    saved = backups.restore(network, earlier, now=MORNING + timedelta(minutes=20))
    assert not earlier.path.exists()
    assert backups.list_backups(network) == [saved]
    assert people_in_file(network) == 60


def people_in_file(path: Path) -> int:
    return count(path, "SELECT count(*) FROM person")


def crash_leaving_a_write_ahead_log(path: Path) -> None:
    """Commit a person in WAL mode from a process that dies before checkpointing."""
    code = (
        "import os, sqlite3, sys; con = sqlite3.connect(sys.argv[1], isolation_level=None);"
        "con.execute('PRAGMA journal_mode = wal'); con.execute('PRAGMA wal_autocheckpoint = 0');"
        'con.execute("INSERT INTO person (name, created_at, updated_at)'
        " VALUES ('Only in the log', '', '')\"); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert Path(f"{path}-wal").stat().st_size > 0


def test_restore_removes_the_old_write_ahead_log_after_saving_what_it_held(network):
    old = backups.create(network, "by-hand", now=MORNING)
    crash_leaving_a_write_ahead_log(network)
    saved = backups.restore(network, old, now=MORNING + timedelta(hours=1))
    assert not Path(f"{network}-wal").exists()
    assert content(network) == content(old.path)  # not the old log laid over the backup
    assert count(network, "PRAGMA quick_check") == "ok"
    assert count(saved.path, "SELECT count(*) FROM person WHERE name = 'Only in the log'") == 1


@pytest.mark.parametrize("kind", ["garbage", "nothing", "foreign", "empty", "too-new", "damaged"])
def test_a_file_that_is_not_a_sound_backup_is_refused_and_nothing_changes(network, kind):
    bad = network.parent / f"{kind}.sqlite3"
    if kind in ("garbage", "nothing"):
        bad.write_bytes(b"these are my notes\n" * 400 if kind == "garbage" else b"")
    elif kind == "damaged":
        backups.create(network, "by-hand").path.rename(bad)
        damage(bad)
    else:
        con = sqlite3.connect(bad)
        if kind == "foreign":
            con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        elif kind == "too-new":
            con.execute(f"PRAGMA application_id = {connection.APPLICATION_ID}")
            con.execute("CREATE TABLE person (id INTEGER PRIMARY KEY)")
            con.execute("PRAGMA user_version = 99")
        elif kind == "empty":
            con.execute("CREATE TABLE gone (x)")
            con.execute("DROP TABLE gone")
        con.commit()
        con.close()
    expected = {
        "garbage": "is not a backup of Reciprocity: it is not a database file at all.",
        "nothing": "is empty: there is nothing in it to restore.",
        "foreign": "is a database of another program, not a backup of Reciprocity.",
        "empty": "holds no network: it is an empty database.",
        "too-new": "was made by a newer version of Reciprocity (database version 99;",
        "damaged": "is damaged: SQLite",
    }[kind]
    problem = backups.verify(bad)
    assert problem.startswith(bad.name) and expected in problem
    before = digest(network, Path(f"{network}-wal"))
    listed = backups.list_backups(network)
    with pytest.raises(connection.DatabaseError) as refused:
        backups.restore(network, bad)
    assert refused.value.kind == "bad-backup"
    assert str(refused.value) == (
        f"Reciprocity did not restore {bad.name}: {problem} Your database has not been changed."
    )
    assert digest(network, Path(f"{network}-wal")) == before
    assert backups.list_backups(network) == listed  # not even a before-restore backup


def test_the_database_itself_is_not_restored_over_itself(network):
    with pytest.raises(connection.DatabaseError, match="is the database itself"):
        backups.restore(network, network)


def test_a_damaged_current_file_is_moved_aside_not_deleted(network):
    good = backups.create(network, "by-hand", now=MORNING)
    damage(network)
    damaged_bytes = network.read_bytes()
    assert backups.restore(network, good, now=MORNING + timedelta(hours=2)) is None
    (aside,) = backups.damaged_copies(network)
    assert aside.name == "net.sqlite3.damaged-2026-12-03T111502"
    assert aside.read_bytes() == damaged_bytes
    assert content(network) == content(good.path)


def test_restore_into_a_missing_file_saves_nothing_first(network, tmp_path):
    good = backups.create(network, "by-hand")
    elsewhere = tmp_path / "new" / "net.sqlite3"
    assert backups.restore(elsewhere, good) is None
    assert content(elsewhere) == content(network)


def test_newest_good_passes_over_a_damaged_backup(network):
    good = backups.create(network, "by-hand", now=MORNING)
    bad = backups.create(network, "by-hand", now=MORNING + timedelta(hours=1))
    damage(bad.path)
    assert backups.newest_good(network) == good
    assert backups.newest_good(network.parent / "none.sqlite3") is None


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout)


@posix_only
def test_leftovers_of_interrupted_runs_go_and_nothing_else(network):
    kept = backups.create(network, "by-hand", now=MORNING)
    folder = network.parent / "backups"
    pid = dead_pid()
    leftovers = [
        folder / f".net-2026-12-03T101502-automatic.sqlite3.partial-{pid}",
        folder / f".net-2026-12-03T101502-automatic.sqlite3.partial-{pid}-journal",
        folder / f".net-2026-12-03T101502-automatic.json.partial-{pid}",
        network.parent / f".net.sqlite3.partial-{pid}",
        folder / "net-2026-12-01T101502-automatic.json",  # a sidecar whose backup is gone
    ]
    running = [
        folder / f".net-2026-12-03T111502-automatic.sqlite3.partial-{os.getpid()}",
        folder / f".other-2026-12-03T101502-automatic.sqlite3.partial-{pid}",  # not ours
        folder / "my notes.json",
        network.parent / f".net.sqlite3.partial-{os.getpid()}",  # a restore under way
    ]
    for path in leftovers + running:
        path.write_bytes(b"half")
    assert sorted(backups.clean_leftovers(network)) == sorted(leftovers)
    assert all(p.exists() for p in running) and not any(p.exists() for p in leftovers)
    assert backups.list_backups(network) == [kept]


@posix_only
def test_opening_the_database_removes_what_an_interrupted_backup_left(network):
    name = f".net-2026-12-03T101502-automatic.sqlite3.partial-{dead_pid()}"
    leftover = network.parent / "backups" / name
    leftover.parent.mkdir()
    leftover.write_bytes(b"half")
    connection.open_database(network)
    connection.close_database()
    assert not leftover.exists()


def test_abandoned_temporaries_of_a_running_process_stay_for_a_day(tmp_path):
    mine = safe_files.temp_for(tmp_path / "a.sqlite3")
    mine.write_bytes(b"")
    assert not safe_files.abandoned(mine)
    assert safe_files.abandoned(mine, now=mine.stat().st_mtime + 25 * 3600)
    assert not safe_files.abandoned(tmp_path / "a.sqlite3")


def test_an_automatic_backup_is_due_half_an_hour_after_the_newest(network):
    assert backups.due(network, now=MORNING)
    backups.create(network, "on-close", now=MORNING)
    assert not backups.due(network, now=MORNING + timedelta(minutes=29))
    assert backups.due(network, now=MORNING + timedelta(minutes=30))


def test_a_missing_database_is_not_backed_up(tmp_path):
    with pytest.raises(connection.DatabaseError, match="nothing to back up"):
        backups.create(tmp_path / "gone.sqlite3", "by-hand")


def test_the_reasons_in_words():
    words = {reason: backups.Backup(Path("x"), MORNING.astimezone(), reason, 0, None, None, 2)
             for reason in backups.REASONS}  # fmt: skip
    assert words["on-close"].reason_words == "when the program closed"
    assert words["before-restore"].reason_words == "before a restore"
    assert words["automatic"].words() == "Thu 3 Dec 2026, 09:15 · automatic · 0 bytes"
    assert [backups.size_words(n) for n in (999, 812_400, 12_300_000, 1_234_000_000)] == [
        "999 bytes", "812 KB", "12.3 MB", "1.2 GB",
    ]  # fmt: skip


def test_two_backups_at_once_in_one_program_both_succeed(network, monkeypatch):
    from desktop.store import backup_index

    made: list[backups.Backup] = []
    together = threading.Barrier(3, timeout=0.5)
    choose = backup_index.free_name

    def chosen_together(*args):
        name = choose(*args)
        with contextlib.suppress(threading.BrokenBarrierError):
            together.wait()  # let the others choose too, if they can
        return name

    monkeypatch.setattr(backup_index, "free_name", chosen_together)
    threads = [
        threading.Thread(
            target=lambda: made.append(backups.create(network, "by-hand", now=MORNING))
        )
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(b.path.name for b in made) == [
        "net-2026-12-03T091502-2-by-hand.sqlite3",
        "net-2026-12-03T091502-3-by-hand.sqlite3",
        "net-2026-12-03T091502-by-hand.sqlite3",
    ]
    assert all(backups.verify(b.path) == "ok" for b in made)


def test_a_damaged_file_with_a_write_ahead_log_is_set_aside_unchanged(network):
    """Saving the present before a restore reads the damaged file only: closing that
    connection must not fold its log into it."""
    good = backups.create(network, "by-hand", now=MORNING)
    crash_leaving_a_write_ahead_log(network)
    damage(network)
    before = digest(network, Path(f"{network}-wal"))
    assert backups.restore(network, good, now=MORNING + timedelta(hours=2)) is None
    (aside,) = backups.damaged_copies(network)
    assert digest(aside, Path(f"{aside}-wal")) == before  # the file and its log, as they were
    assert content(network) == content(good.path)


def test_a_restore_is_refused_while_another_program_has_the_file_open(network):
    """Its later commits would go into the replaced file and be lost without a word."""
    good = backups.create(network, "by-hand", now=MORNING)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; con = sqlite3.connect(sys.argv[1]);"
            "con.execute('SELECT count(*) FROM person').fetchone(); print('open', flush=True);"
            "sys.stdin.readline()",
            str(network),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        before = content(network)
        with pytest.raises(connection.DatabaseError, match="Something else has") as refused:
            backups.restore(network, good, now=MORNING + timedelta(hours=1))
        assert refused.value.kind == "busy"
        assert content(network) == before
    finally:
        holder.communicate("\n", timeout=30)
    backups.restore(network, good, now=MORNING + timedelta(hours=2))  # alone now: it goes


def test_two_networks_in_one_folder_keep_their_backups_apart(tmp_path):
    work, other = tmp_path / "work.sqlite3", tmp_path / "work.db"
    for path, name in ((work, "Ann of work"), (other, "Bob of the other")):
        connection.open_database(path)
        connection.db.execute_sql(
            "INSERT INTO person (name, created_at, updated_at) VALUES (?, '', '')", (name,)
        )
        connection.close_database()
        backups.create(path, "by-hand", now=MORNING)
    (mine,) = backups.list_backups(work)
    (theirs,) = backups.list_backups(other)
    assert mine.path != theirs.path
    assert count(mine.path, "SELECT name FROM person") == "Ann of work"
    assert count(theirs.path, "SELECT name FROM person") == "Bob of the other"
    assert backups.newest_good(work).path == mine.path


def test_the_backup_just_made_is_kept_when_the_clock_was_set_back(network):
    """Backups stamped by a clock that ran a year fast fill every bucket the policy
    keeps; the one made after the clock was put right holds the latest work."""
    for month in range(1, 14):
        backups.create(network, "automatic", now=MORNING + timedelta(days=31 * month))
    add_person(network, "Latest work")
    just_made = backups.create(network, "automatic", now=MORNING)
    assert just_made.path in {b.path for b in backups.list_backups(network)}
    assert count(just_made.path, "SELECT count(*) FROM person WHERE name = 'Latest work'") == 1
