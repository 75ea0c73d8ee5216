"""Moving a database to another folder: whole, private, or not at all."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from desktop.core import people
from desktop.store import connection
from desktop.store.relocation import MoveRefused, move_database


@pytest.fixture
def network(tmp_path):
    """A closed database with one person."""
    path = connection.open_database(tmp_path / "synced" / "network.sqlite3")
    people.create_person(people.PersonData(name="Ada Lovelace"))
    connection.close_database()
    return path


def names(path):
    con = sqlite3.connect(path)
    try:
        return [name for (name,) in con.execute("SELECT name FROM person")]
    finally:
        con.close()


def test_the_move_keeps_everything_and_leaves_nothing_behind(network, tmp_path):
    target = move_database(network, tmp_path / "local")
    assert target == tmp_path / "local" / "network.sqlite3"
    assert names(target) == ["Ada Lovelace"]
    assert list(network.parent.iterdir()) == []  # no -wal, -shm or half copy either
    assert [p.name for p in target.parent.iterdir()] == ["network.sqlite3"]
    connection.open_database(target)
    assert people.person_count() == 1
    connection.close_database()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_moved_file_and_its_folder_are_private(network, tmp_path):
    target = move_database(network, tmp_path / "local")
    assert target.stat().st_mode & 0o077 == 0
    assert target.parent.stat().st_mode & 0o077 == 0


def test_an_existing_file_at_the_target_is_never_replaced(network, tmp_path):
    (tmp_path / "local").mkdir()
    existing = tmp_path / "local" / "network.sqlite3"
    existing.write_bytes(b"someone else's")
    before = network.read_bytes()
    with pytest.raises(MoveRefused, match="already a database at"):
        move_database(network, tmp_path / "local")
    assert existing.read_bytes() == b"someone else's"
    assert network.read_bytes() == before


def test_a_database_another_program_has_open_is_not_moved(network, tmp_path):
    code = (
        "import sqlite3, sys\n"
        f"con = sqlite3.connect({str(network)!r})\n"
        "con.execute('SELECT count(*) FROM person').fetchone()\n"
        "print('open', flush=True)\n"
        "sys.stdin.readline()\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout.readline().strip() == "open"
        with pytest.raises(MoveRefused, match=r"Something else has .* open"):
            move_database(network, tmp_path / "local")
    finally:
        other.communicate("\n", timeout=30)
    assert names(network) == ["Ada Lovelace"]
    assert not (tmp_path / "local" / "network.sqlite3").exists()
    assert [p.name for p in (tmp_path / "local").iterdir()] == []  # the half copy is gone


def test_what_a_killed_program_left_in_the_write_ahead_log_moves_too(network, tmp_path):
    code = (
        "import os, sqlite3\n"
        f"con = sqlite3.connect({str(network)!r})\n"
        "con.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "con.execute(\"UPDATE person SET name = 'Grace Hopper'\")\n"
        "con.commit()\n"
        "os._exit(0)\n"  # no close, so no checkpoint: the change is in the -wal file only
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30)
    assert network.with_name(network.name + "-wal").stat().st_size > 0
    target = move_database(network, tmp_path / "local")
    assert names(target) == ["Grace Hopper"]
    assert list(network.parent.iterdir()) == []


def test_a_write_during_the_copy_stops_the_move_and_leaves_no_half_copy(
    network, tmp_path, monkeypatch
):
    from desktop.store import relocation

    real = relocation._change_counter
    calls = []

    def counter(path):
        calls.append(path)
        if len(calls) == 2:  # as if an import wrote between the copy and the final check
            con = sqlite3.connect(path)
            con.execute("UPDATE person SET name = 'Ada King'")
            con.commit()
            con.close()
        return real(path)

    monkeypatch.setattr(relocation, "_change_counter", counter)
    with pytest.raises(MoveRefused, match="changed while Reciprocity was copying it"):
        move_database(network, tmp_path / "local")
    assert names(network) == ["Ada King"]
    assert list((tmp_path / "local").iterdir()) == []


def test_a_missing_database_is_refused_in_words(tmp_path):
    with pytest.raises(MoveRefused, match="is not there"):
        move_database(tmp_path / "gone.sqlite3", tmp_path / "local")
