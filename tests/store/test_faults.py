"""The database file under faults: a writer killed at random moments, a torn or garbled
WAL, damaged and foreign files. What was committed stays, and what cannot be opened is
refused in words with the file left exactly as it was."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import sample
from desktop.store import connection, migrations, summaries

posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork are POSIX")
PROJECT = Path(__file__).resolve().parents[2]
#: The project first, then whatever the caller had there (a plugin, a coverage hook).
PYTHONPATH = os.pathsep.join(filter(None, (str(PROJECT), os.environ.get("PYTHONPATH"))))
WRITER = Path(__file__).with_name("fault_writer.py")
#: Set RECIPROCITY_FAULT_SEED to replay a failed run; every failure names its seed.
SEED = int(os.environ.get("RECIPROCITY_FAULT_SEED") or random.SystemRandom().randrange(2**32))

# ---- what a file holds, read without changing it ----------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reading(path: Path) -> sqlite3.Connection:
    """A read-only connection: it recovers a WAL a killed writer left, and checkpoints
    nothing, so the next run starts from the crash as it was."""
    return sqlite3.connect(connection.read_only_uri(path), uri=True)


def summaries_equal_a_rebuild(con: sqlite3.Connection) -> bool:
    """Rebuild both summaries into TEMP tables of the same names (they shadow the real
    ones for unqualified names), then compare."""
    tables = {"action_day": "1, 2, 3", "action_person": "1"}
    for table in tables:
        con.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM main.{table} WHERE 0")
    try:
        for statement in summaries.REBUILD:
            con.execute(statement)
        return all(
            con.execute(f"SELECT * FROM main.{table} ORDER BY {order}").fetchall()
            == con.execute(f"SELECT * FROM temp.{table} ORDER BY {order}").fetchall()
            for table, order in tables.items()
        )
    finally:
        for table in tables:
            con.execute(f"DROP TABLE temp.{table}")


def triggers(con: sqlite3.Connection) -> list[str]:
    rows = con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    return [name for (name,) in rows]


def network(path: Path, people: int = 8, actions: int = 0) -> Path:
    """A closed Reciprocity database holding a small made-up network."""
    connection.open_database(path)
    try:
        sample.generate_network(
            connection.db, people=people, companies=max(1, people // 5), actions=actions
        )
    finally:
        connection.close_database()
    return path


# ---- a writer killed at random moments ----------------------------------------------------


class Writer:
    """The forking writer of fault_writer.py: one child per run, killed with SIGKILL."""

    def __init__(self, log: Path):
        self.log = log
        with log.open("w") as errors:
            self.process = subprocess.Popen(
                [sys.executable, str(WRITER)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                env={**os.environ, "PYTHONPATH": PYTHONPATH},
            )

    def _say(self, line: str) -> None:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def _hear(self) -> str:
        line = self.process.stdout.readline()
        assert line, f"the writer stopped: {self.log.read_text()}"
        return line.strip()

    def run_and_kill(self, database: Path, report: Path, seed: int, after: float) -> None:
        """Start a child writing, and SIGKILL it *after* seconds of writing."""
        self._say(f"run {database} {report} {seed}")
        heard = {self._hear(), self._hear()}  # its pid, and "ready" once it has opened
        [pid] = [int(line) for line in heard if not line.startswith("ready")]
        assert f"ready {pid}" in heard
        time.sleep(after)
        os.kill(pid, signal.SIGKILL)
        self._say(f"reap {pid}")
        _reaped, _pid, status = self._hear().split()
        assert os.WIFSIGNALED(int(status)) and os.WTERMSIG(int(status)) == signal.SIGKILL, (
            f"the writer ended before it was killed: {self.log.read_text()}"
        )

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self.process.stdout.close()


def expected(report: Path) -> tuple[set[int], set[int]]:
    """Ids that must be there and ids that must be gone, from what the writer reported."""
    state: dict[int, str] = {}
    for line in report.read_text().split():
        if line.startswith("?-"):
            state[int(line[2:])] = "unknown"  # killed between the delete and its report?
        else:
            state[int(line[1:])] = "there" if line[0] == "+" else "gone"
    return (
        {i for i, s in state.items() if s == "there"},
        {i for i, s in state.items() if s == "gone"},
    )


def kill_a_writer_again_and_again(tmp_path: Path, runs: int) -> None:
    rng = random.Random(SEED)
    database = network(tmp_path / "crashed.sqlite3", people=12, actions=40)
    fresh = reading(database)
    all_triggers = triggers(fresh)
    fresh.close()
    report = tmp_path / "report"
    writer = Writer(tmp_path / "writer.log")
    try:
        for run in range(runs):
            after = rng.uniform(0.05, 0.4)
            writer.run_and_kill(database, report, rng.randrange(2**32), after)
            where = f"seed {SEED}, run {run}, killed after {after * 1000:.0f} ms"
            con = reading(database)
            try:
                assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
                there = {i for (i,) in con.execute("SELECT id FROM action")}
                must_be_there, must_be_gone = expected(report)
                assert must_be_there <= there, f"{where}: lost {must_be_there - there}"
                assert not must_be_gone & there, f"{where}: back again {must_be_gone & there}"
                assert triggers(con) == all_triggers, where  # a bulk load put them back
                assert summaries_equal_a_rebuild(con), where
            finally:
                con.close()
    finally:
        writer.close()
    assert len(expected(report)[0]) > runs  # it did write, run after run


@posix_only
def test_a_writer_killed_at_random_moments_loses_nothing_committed(tmp_path):
    kill_a_writer_again_and_again(tmp_path, runs=50)


@posix_only
@pytest.mark.slow
def test_a_writer_killed_hundreds_of_times_loses_nothing_committed(tmp_path):
    kill_a_writer_again_and_again(tmp_path, runs=200)


# ---- a torn or garbled WAL ------------------------------------------------------------

WAL_HEADER, FRAME_HEADER = 32, 24
KILLED_AFTER = 12  # transactions the writer commits before it is killed


def frames(wal: bytes) -> tuple[int, list[tuple[int, bool]]]:
    """The page size and, for each frame, (its offset, whether it ends a transaction)."""
    assert int.from_bytes(wal[:4], "big") in (0x377F0682, 0x377F0683)
    page_size = int.from_bytes(wal[8:12], "big")
    found = []
    for offset in range(
        WAL_HEADER, len(wal) - FRAME_HEADER - page_size + 1, FRAME_HEADER + page_size
    ):
        found.append((offset, int.from_bytes(wal[offset + 4 : offset + 8], "big") != 0))
    return page_size, found


@pytest.fixture(scope="module")
def killed_with_a_wal(tmp_path_factory) -> tuple[Path, list[int]]:
    """A database whose writer committed KILLED_AFTER actions, one per transaction, and
    was killed: they are all in the -wal file still, beside the -shm it left."""
    folder = tmp_path_factory.mktemp("wal")
    path = network(folder / "left.sqlite3")
    code = (
        "import os, signal, sys\n"
        "from datetime import date\n"
        "from desktop.core import actions, people\n"
        "from desktop.store import connection\n"
        "connection.open_database(sys.argv[1])\n"
        "someone = people.person_ids()[0]\n"
        f"for n in range({KILLED_AFTER}):\n"
        "    data = actions.ActionData(date(2025, 1, 1 + n), counterpart_id=someone,"
        " summary=f'Call {n}')\n"
        "    print(actions.create_action(data), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": PYTHONPATH},
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    ids = [int(line) for line in done.stdout.split()]
    _size, found = frames(path.with_name(path.name + "-wal").read_bytes())
    assert len(ids) == KILLED_AFTER == sum(ends for _offset, ends in found)
    return path, ids


def _copy(source: Path, folder: Path, with_shm: bool = True) -> Path:
    folder.mkdir()
    for suffix in ("", "-wal", "-shm") if with_shm else ("", "-wal"):
        (folder / (source.name + suffix)).write_bytes(
            source.with_name(source.name + suffix).read_bytes()
        )
    return folder / source.name


def _garble(path: Path, at: int, length: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek(at)
        handle.write(bytes(random.Random(at).randrange(256) for _ in range(length)))


# Each damage: (what it does to the WAL, given the frames; how many transactions stay).
MIDDLE = KILLED_AFTER // 2


def _commit_frame(found: list[tuple[int, bool]], transaction: int) -> int:
    return [offset for offset, ends in found if ends][transaction]


def _first_frame(found: list[tuple[int, bool]], transaction: int) -> int:
    if transaction == 0:
        return found[0][0]
    previous = _commit_frame(found, transaction - 1)
    return next(offset for offset, _ends in found if offset > previous)


DAMAGES = {
    # torn: a crash (or a full disk) cut the file inside a frame
    "torn inside a commit frame": (
        lambda wal, size, found: os.truncate(wal, _commit_frame(found, MIDDLE) + 600),
        MIDDLE,
    ),
    "torn inside a transaction's first frame": (
        lambda wal, size, found: os.truncate(
            wal, _first_frame(found, MIDDLE) + FRAME_HEADER + size // 2
        ),
        MIDDLE,
    ),
    "torn inside the header": (lambda wal, size, found: os.truncate(wal, 20), 0),
    # garbled: bytes overwritten where the file was whole
    "garbled header": (lambda wal, size, found: _garble(wal, 12, 12), 0),
    "garbled page in a frame": (
        lambda wal, size, found: _garble(wal, _first_frame(found, MIDDLE) + FRAME_HEADER + 99, 64),
        MIDDLE,
    ),
    "garbled frame header": (
        lambda wal, size, found: _garble(wal, _commit_frame(found, MIDDLE), 16),
        MIDDLE,
    ),
    "garbled last frame": (
        lambda wal, size, found: _garble(wal, found[-1][0] + FRAME_HEADER + 7, 300),
        KILLED_AFTER - 1,
    ),
}


@pytest.mark.parametrize("with_shm", [True, False], ids=["with -shm", "without -shm"])
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_wal_keeps_every_transaction_before_the_damage(
    killed_with_a_wal, tmp_path, damage, with_shm
):
    source, ids = killed_with_a_wal
    path = _copy(source, tmp_path / "copy", with_shm)
    wal = path.with_name(path.name + "-wal")
    size, found = frames(wal.read_bytes())
    spoil, kept = DAMAGES[damage]
    spoil(wal, size, found)
    try:
        connection.open_database(path)
    except connection.DatabaseError as exc:  # refusing in words is allowed, raising not
        assert str(exc).endswith(".") and str(path) in str(exc)
        return
    try:
        db = connection.db
        assert db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
        there = [i for (i,) in db.execute_sql("SELECT id FROM action ORDER BY id")]
        assert there == ids[:kept]
        assert summaries_equal_a_rebuild(db.connection())
    finally:
        connection.close_database()


# ---- damaged, foreign and too new files ------------------------------------------------


@pytest.fixture(scope="module")
def good_file(tmp_path_factory) -> Path:
    """A closed Reciprocity database of a few hundred pages."""
    path = network(tmp_path_factory.mktemp("good") / "good.sqlite3", people=300, actions=1500)
    assert not path.with_name(path.name + "-wal").exists()
    return path


def _a_middle_btree_page(data: bytes, page_size: int) -> int:
    """The first page from the middle on that is a b-tree page (not free, not overflow)."""
    count = len(data) // page_size
    for number in range(count // 2, count):
        if data[number * page_size] in (0x02, 0x05, 0x0A, 0x0D):
            return number
    raise AssertionError("no b-tree page in the second half")


def _overwrite_middle_page(data: bytes) -> bytes:
    page_size = int.from_bytes(data[16:18], "big")
    number = _a_middle_btree_page(data, page_size)
    noise = random.Random(number).randbytes(page_size)
    return data[: number * page_size] + noise + data[(number + 1) * page_size :]


DAMAGED_FILES = {
    "first page overwritten": lambda data: random.Random(1).randbytes(4096) + data[4096:],
    "header overwritten": lambda data: data[:16] + random.Random(2).randbytes(84) + data[100:],
    "a page in the middle overwritten": _overwrite_middle_page,
    "cut to half its size": lambda data: data[: len(data) // 2],
    "cut inside the header": lambda data: data[:60],
}


@pytest.mark.parametrize("damage", list(DAMAGED_FILES))
def test_a_damaged_file_is_refused_in_words_and_left_alone(good_file, tmp_path, damage):
    data = good_file.read_bytes()
    assert len(data) // 4096 > 100  # enough pages to have a middle
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(DAMAGED_FILES[damage](data))
    before = sha256(path)
    with pytest.raises(connection.DatabaseError) as refused:
        connection.open_database(path)
    assert refused.value.kind == "damaged"
    assert str(path) in str(refused.value) and "has not changed it" in str(refused.value)
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.sqlite3"]


def _foreign(path: Path, user_version: int) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE bookmarks (url TEXT)")
    con.execute("CREATE TABLE person (name TEXT)")  # a name of ours, by chance
    con.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    con.execute(f"PRAGMA user_version = {user_version}")
    con.commit()
    con.close()
    return path


def _too_new(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = wal")
    con.execute("CREATE TABLE person (name TEXT)")
    con.execute(f"PRAGMA application_id = {connection.APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize(
    ("make", "kind", "words"),
    [
        (lambda p: _foreign(p, 1), "foreign", "database of another program"),
        (lambda p: _foreign(p, 2), "foreign", "database of another program"),
        (_too_new, "too-new", "newer version of Reciprocity"),
    ],
    ids=["another program's, version 1", "another program's, version 2", "too new"],
)
def test_a_file_not_for_this_program_is_refused_and_left_alone(tmp_path, make, kind, words):
    path = make(tmp_path / "other.sqlite3")
    before = sha256(path)
    with pytest.raises(connection.DatabaseError, match=words) as refused:
        connection.open_database(path)
    assert refused.value.kind == kind
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite3"]


@pytest.mark.parametrize("version", [1, 2])
def test_a_file_from_before_application_ids_opens_and_is_marked(tmp_path, version):
    path = tmp_path / "older.sqlite3"
    old = connection.ReciprocityDatabase(str(path), pragmas=connection.PRAGMAS)
    old.connect()
    migrations.migrate(old, None, steps=migrations.STEPS[:version])
    old.execute_sql(
        "INSERT INTO company (name, name_key, created_at, updated_at)"
        " VALUES ('Acme', 'acme', '', '')"
    )
    assert old.execute_sql("PRAGMA application_id").fetchone()[0] == 0
    old.close()
    connection.open_database(path)
    try:
        db = connection.db
        assert db.execute_sql("PRAGMA application_id").fetchone()[0] == connection.APPLICATION_ID
        assert migrations.current_version(db) == migrations.LATEST_VERSION
        assert db.execute_sql("SELECT name FROM company").fetchall() == [("Acme",)]
    finally:
        connection.close_database()
