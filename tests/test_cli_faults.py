"""The command line at every edge: a full disk, a read-only file or folder, a lock another
program holds, a reader that leaves early, a bug. Each run says one sentence (or nothing),
exits as it should, never prints a traceback, and leaves the database as it was.

The command line runs as its own program here, as a shell would start it, so that what
these tests read is exactly what a person would see.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from disks import fill, shared_folder, small_disk, unprivileged

from desktop import cli, sample
from desktop.store import connection

PROJECT = Path(__file__).resolve().parents[1]
#: The project first, then whatever the caller had there (a plugin, a coverage hook).
PYTHONPATH = os.pathsep.join(filter(None, (str(PROJECT), os.environ.get("PYTHONPATH"))))
SOURCE = Path(__file__).parent / "formats" / "data" / "linkedin_connections.csv"
NEW_IN_SOURCE = 7
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files and processes")


def run(*args, prefix: list[str] | None = None, logs: Path | None = None, **popen):
    """`reciprocity ARGS` as its own process; no traceback may reach either output."""
    env = {
        **os.environ,
        "PYTHONPATH": PYTHONPATH,
        "PYTHONDONTWRITEBYTECODE": "1",
        "RECIPROCITY_LOG_DIR": str(logs or "/nonexistent/logs"),
    }
    done = subprocess.run(
        [*(prefix or []), sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=env,
        timeout=60,
        **popen,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


def network(path: Path, people: int = 5) -> Path:
    """A closed database holding a few made-up people (and no -wal beside it)."""
    connection.open_database(path)
    try:
        sample.generate_network(connection.db, people=people, companies=1, actions=people)
    finally:
        connection.close_database()
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def people_in(path: Path) -> int:
    con = sqlite3.connect(connection.read_only_uri(path), uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return con.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        con.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _connections(count: int) -> bytes:
    rows = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    rows += [
        f"Person{n},Number{n},https://www.linkedin.com/in/p{n},,Firm {n % 40},Analyst,01 Mar 2024"
        for n in range(count)
    ]
    return ("\n".join(rows) + "\n").encode()


# ---- a full disk ----------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("room", ["none", "a backup's"])
def test_an_import_onto_a_full_disk_says_so_and_changes_nothing(tmp_path, room):
    source = tmp_path / "Connections.csv"
    source.write_bytes(_connections(3000))  # far more than the room left
    with small_disk() as disk:
        database = network(disk / "net.sqlite3")
        before = sha256(database)
        # With room for the backup an import makes first, the import itself finds none.
        filler = fill(disk, leave=0 if room == "none" else database.stat().st_size + (200 << 10))
        done = run("import", "linkedin", source, "--database", database)
        assert done.returncode == 1
        assert done.stderr.startswith(
            f"Reciprocity could not open {database}: " if room == "none" else "Reciprocity: "
        )
        assert f"The disk holding {database} is full" in done.stderr
        assert done.stderr.endswith("Free some space and try again.\n")
        assert done.stderr.count("\n") == 1  # one sentence, on one line
        filler.unlink()
        assert sha256(database) == before
        assert people_in(database) == 5


def test_an_import_beyond_the_page_limit_says_the_disk_is_full(tmp_path, monkeypatch, capsys):
    """The same without root: SQLite's page limit refuses as a full disk does."""
    source = tmp_path / "Connections.csv"
    source.write_bytes(_connections(3000))
    database = network(tmp_path / "net.sqlite3")
    pages = sqlite3.connect(database).execute("PRAGMA page_count").fetchone()[0]
    monkeypatch.setattr(connection, "PRAGMAS", (*connection.PRAGMAS, ("max_page_count", pages)))
    assert cli.main(["import", "linkedin", str(source), "--database", str(database)]) == 1
    said = capsys.readouterr().err
    assert said == (
        f"Reciprocity: The disk holding {database} is full; nothing was saved. Free some "
        "space and try again.\n"
    )
    monkeypatch.undo()
    assert people_in(database) == 5


@posix_only
@pytest.mark.parametrize("kind", ["vcard", "ics", "csv", "archive"])
def test_an_export_onto_a_full_disk_says_so_and_keeps_the_earlier_export(tmp_path, kind):
    database = network(tmp_path / "net.sqlite3", people=300)
    with small_disk(1024) as disk:
        target = disk / {"csv": "tables", "archive": "net.json"}.get(kind, f"out.{kind}")
        if kind == "csv":
            target.mkdir()
            (target / "people.csv").write_text("last week's people\n")
        else:
            target.write_text("last week's export\n")
        filler = fill(disk)
        done = run("export", kind, target, "--database", database)
        assert done.returncode == 1 and done.stdout == ""
        assert "full" in done.stderr or "No space left on device" in done.stderr
        assert "Free some space and try again." in done.stderr
        kept = target / "people.csv" if kind == "csv" else target
        assert kept.read_text() == (
            "last week's people\n" if kind == "csv" else "last week's export\n"
        )
        filler.unlink()
        leftovers = [p.name for p in disk.rglob("*") if p.name.endswith(".partial")]
        assert leftovers == []


# ---- read-only files and folders ------------------------------------------------------


@pytest.fixture
def reachable():
    """A folder the unprivileged user can reach (pytest's own are private to root)."""
    folder = shared_folder("reciprocity-ro-")
    yield folder
    for path in (folder, *folder.rglob("*")):
        with contextlib.suppress(OSError):
            path.chmod(0o700 if path.is_dir() else 0o600)
    shutil.rmtree(folder)


@posix_only
@pytest.mark.parametrize("what", ["file", "folder"])
def test_an_import_into_a_read_only_database_says_so(reachable, what):
    database = network(reachable / "net.sqlite3")
    database.chmod(0o444 if what == "file" else 0o666)
    reachable.chmod(0o777 if what == "file" else 0o555)
    before = sha256(database)
    done = run("import", "linkedin", SOURCE, "--database", database, prefix=unprivileged())
    assert done.returncode == 1
    assert done.stderr == (
        f"Reciprocity: {database} is read-only (the file or its folder cannot be written "
        "to), so Reciprocity cannot save changes to it. It can be opened for viewing.\n"
    )
    assert sha256(database) == before
    assert sorted(p.name for p in reachable.iterdir()) == ["net.sqlite3"]


@posix_only
def test_an_export_reads_a_read_only_database_and_writes_a_private_file(reachable):
    database = network(reachable / "net.sqlite3")
    database.chmod(0o444)
    out = reachable / "out"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    done = run("export", "vcard", out / "all.vcf", "--database", database, prefix=unprivileged())
    assert done.returncode == 0, done.stderr
    assert (out / "all.vcf").read_text("utf-8").count("BEGIN:VCARD") == 5
    assert mode(out / "all.vcf") == 0o600


@posix_only
def test_a_check_reads_a_read_only_database(reachable):
    database = network(reachable / "net.sqlite3")
    database.chmod(0o444)
    reachable.chmod(0o555)
    before = sha256(database)
    done = run("check", "--database", database, prefix=unprivileged())
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("No problems found")
    assert "Traceback" not in done.stdout + done.stderr
    assert sha256(database) == before
    reachable.chmod(0o777)


@posix_only
def test_an_export_into_a_read_only_folder_says_so(reachable):
    database = network(reachable / "net.sqlite3")
    database.chmod(0o644)
    out = reachable / "out"
    out.mkdir()
    out.chmod(0o555)
    target = out / "all.vcf"
    done = run("export", "vcard", target, "--database", database, prefix=unprivileged())
    assert done.returncode == 1
    assert done.stderr == (
        f"Reciprocity: {target} cannot be written to: the file or its folder is read-only; "
        "nothing was written. Choose another folder to export to.\n"
    )
    assert list(out.iterdir()) == []


@posix_only
def test_a_file_to_import_that_cannot_be_read_is_named(reachable):
    database = reachable / "net.sqlite3"
    source = reachable / "Connections.csv"
    source.write_bytes(SOURCE.read_bytes())
    source.chmod(0o000)
    reachable.chmod(0o777)
    done = run("import", "linkedin", source, "--database", database, prefix=unprivileged())
    assert done.returncode == 1
    assert done.stderr == f"Reciprocity could not read {source}: Permission denied.\n"
    assert not database.exists()


# ---- a lock held by another program -------------------------------------------------------


@contextlib.contextmanager
def locked(database: Path, seconds: float):
    """Another process holding the write lock for *seconds* (or until the block ends)."""
    code = (
        "import sqlite3, sys, time\n"
        "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "con.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(float(sys.argv[2]))\n"
        "con.execute('COMMIT')\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(database), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield time.monotonic()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_an_import_waits_for_a_short_lock_and_succeeds(tmp_path):
    database = network(tmp_path / "net.sqlite3")
    with locked(database, 2) as since:
        done = run("import", "linkedin", SOURCE, "--database", database)
        waited = time.monotonic() - since
    assert done.returncode == 0, done.stderr
    assert waited >= 1.9  # it could commit only once the lock was let go
    assert people_in(database) == 5 + NEW_IN_SOURCE


def test_an_import_gives_up_on_a_long_lock_in_words(tmp_path):
    database = network(tmp_path / "net.sqlite3")
    before = sha256(database)
    with locked(database, 10) as since:
        done = run("import", "linkedin", SOURCE, "--database", database)
        waited = time.monotonic() - since
    assert done.returncode == 1
    assert waited >= connection.BUSY_TIMEOUT_MS / 1000
    assert f"Reciprocity: {database} is busy: another program" in done.stderr
    assert "kept it locked for more than 5 seconds; nothing was saved." in done.stderr
    assert done.stderr.count("\n") == 1
    assert people_in(database) == 5
    assert sha256(database) == before


# ---- a reader that leaves early -------------------------------------------------------------


def test_output_closed_before_a_word_is_read_still_imports_quietly(tmp_path):
    database = tmp_path / "net.sqlite3"
    args = ["import", "linkedin", SOURCE, "--database", database, "--list"]
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": PYTHONPATH, "RECIPROCITY_LOG_DIR": str(tmp_path)},
    )
    process.stdout.close()  # like `| true`: nobody reads a line
    said = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert said == ""
    assert people_in(database) == NEW_IN_SOURCE


def test_a_long_list_piped_into_head_imports_everything_and_exits_0(tmp_path):
    source = tmp_path / "Connections.csv"
    source.write_bytes(_connections(3000))  # a list far longer than a pipe holds
    database = tmp_path / "net.sqlite3"
    args = ["import", "linkedin", source, "--database", database, "--list"]
    env = {**os.environ, "PYTHONPATH": PYTHONPATH, "RECIPROCITY_LOG_DIR": str(tmp_path)}
    importer = subprocess.Popen(
        [sys.executable, "-m", "desktop", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=PROJECT,
        env=env,
    )
    head = subprocess.run(["head", "-1"], stdin=importer.stdout, capture_output=True, timeout=60)
    importer.stdout.close()
    said = importer.stderr.read().decode()
    importer.stderr.close()
    assert importer.wait(timeout=60) == 0
    assert head.stdout.decode() == "3,000 new, 0 merged, 0 already known, 0 skipped\n"
    assert said == ""
    assert people_in(database) == 3000


# ---- bugs -----------------------------------------------------------------------------------

BROKEN_IMPORT = """
import sys
from desktop.formats import importing
from desktop.store.connection import db

def apply(plan, progress=None):  # a bug: a value the schema's CHECK refuses
    with db.atomic():
        db.execute_sql("UPDATE person SET cadence_days = -1")

importing.apply = apply
from desktop import app
sys.exit(app.main(sys.argv[1:]))
"""


def test_a_check_failure_is_reported_as_a_bug_with_the_details_in_the_log(tmp_path):
    database = network(tmp_path / "net.sqlite3")
    before = sha256(database)
    logs = tmp_path / "logs"
    env = {**os.environ, "PYTHONPATH": PYTHONPATH, "RECIPROCITY_LOG_DIR": str(logs)}
    done = subprocess.run(
        [sys.executable, "-c", BROKEN_IMPORT, "import", "linkedin", str(SOURCE),
         "--database", str(database)],
        capture_output=True, text=True, env=env, cwd=PROJECT, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    log = logs / "reciprocity.log"
    assert done.stderr == (
        f"Reciprocity: Something went wrong while importing {SOURCE}: IntegrityError: CHECK "
        "constraint failed: cadence_days IS NULL OR cadence_days > 0. This is a bug in "
        f"Reciprocity, not something you did; the details are in {log}.\n"
    )
    assert "Traceback" not in done.stdout + done.stderr
    written = log.read_text("utf-8")
    assert f"Unexpected error while importing {SOURCE}" in written
    assert "Traceback (most recent call last)" in written and "CHECK constraint failed" in written
    assert mode(log) == 0o600 and mode(logs) == 0o700
    assert sha256(database) == before


def test_a_bug_says_so_even_when_the_log_cannot_be_written(tmp_path, monkeypatch, capsys):
    from desktop.formats import importing

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("RECIPROCITY_LOG_DIR", str(blocked / "logs"))

    def broken(plan, progress=None):
        return {}["no such key"]

    monkeypatch.setattr(importing, "apply", broken)
    database = tmp_path / "net.sqlite3"
    assert cli.main(["import", "linkedin", str(SOURCE), "--database", str(database)]) == 1
    said = capsys.readouterr().err
    assert said == (
        f"Reciprocity: Something went wrong while importing {SOURCE}: KeyError: 'no such key'. "
        "This is a bug in Reciprocity, not something you did; its details could not be "
        "written to a log file.\n"
    )  # and no "--- Logging error ---" with a traceback of its own


def test_ctrl_c_stops_in_words_and_saves_nothing(tmp_path, monkeypatch, capsys):
    from desktop.formats import importing

    def interrupted(plan, progress=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(importing, "apply", interrupted)
    database = network(tmp_path / "net.sqlite3")
    assert cli.main(["import", "linkedin", str(SOURCE), "--database", str(database)]) == 130
    assert capsys.readouterr().err == (
        "Reciprocity: Stopped before the end; what was not finished was not saved.\n"
    )
    assert people_in(database) == 5


def test_a_damaged_database_is_named_in_words(tmp_path):
    database = network(tmp_path / "net.sqlite3")
    data = bytearray(database.read_bytes())
    data[100:4096] = bytes(3996)  # the first page's b-tree, zeroed
    database.write_bytes(bytes(data))
    done = run("import", "linkedin", SOURCE, "--database", database)
    assert done.returncode == 1
    assert done.stderr.startswith(f"Reciprocity: {database} is damaged")
    assert bytes(data) == database.read_bytes()
