"""The instance lock: one process per database, let go when it dies, unclean exits noticed."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from desktop.store import instance


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    folder = tmp_path / "state"
    monkeypatch.setenv(instance.STATE_DIR_VARIABLE, str(folder))
    return folder


class Holder:
    """Another process that takes the lock on a database and holds it until told."""

    def __init__(self, db_path, *, release=True):
        code = textwrap.dedent(
            f"""
            import sys
            from desktop.store.instance import InstanceLock
            lock = InstanceLock({str(db_path)!r})
            print("held" if lock.acquire() else "busy", flush=True)
            sys.stdin.readline()
            if {release!r}:
                lock.release()
            """
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        self.answer = self.process.stdout.readline().strip()

    def finish(self):
        self.process.communicate("\n", timeout=30)

    def kill(self):
        self.process.kill()  # SIGKILL: no atexit, no clean release
        self.process.wait(timeout=30)
        self.process.stdin.close()
        self.process.stdout.close()


def test_one_holder_at_a_time_and_released_on_release(tmp_path):
    first = instance.InstanceLock(tmp_path / "a.sqlite3")
    assert first.acquire()
    holder = Holder(tmp_path / "a.sqlite3")
    assert holder.answer == "busy"
    holder.finish()
    first.release()
    holder = Holder(tmp_path / "a.sqlite3")
    assert holder.answer == "held"
    holder.finish()


def test_a_different_database_is_not_held(tmp_path):
    with instance.InstanceLock(tmp_path / "a.sqlite3"):
        holder = Holder(tmp_path / "b.sqlite3")
        assert holder.answer == "held"
        holder.finish()


def test_the_lock_lives_in_the_state_folder_not_beside_the_database(tmp_path, state_dir):
    database_folder = tmp_path / "network"
    database_folder.mkdir()
    with instance.InstanceLock(database_folder / "a.sqlite3") as lock:
        assert lock.lock_path.parent == state_dir / "locks"
        assert lock.lock_path.exists()
    assert list(database_folder.iterdir()) == []


def test_every_spelling_of_a_path_has_one_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    spelled = [tmp_path / "a.sqlite3", "a.sqlite3", tmp_path / "sub" / ".." / "a.sqlite3"]
    assert len({instance.key(path) for path in spelled}) == 1
    assert instance.key(tmp_path / "b.sqlite3") != instance.key("a.sqlite3")
    assert instance.key("a.sqlite3").startswith("reciprocity-")


def test_held_elsewhere_sees_another_process_but_not_this_one(tmp_path):
    path = tmp_path / "a.sqlite3"
    assert not instance.held_elsewhere(path)
    holder = Holder(path)
    assert holder.answer == "held"
    assert instance.held_elsewhere(path)
    holder.finish()
    assert not instance.held_elsewhere(path)
    with instance.InstanceLock(path):
        assert not instance.held_elsewhere(path)  # this process is not "elsewhere"


def test_a_killed_holder_lets_go_and_is_reported_as_an_unclean_shutdown(tmp_path):
    path = tmp_path / "a.sqlite3"
    holder = Holder(path)
    assert holder.answer == "held"
    holder.kill()
    lock = instance.InstanceLock(path)
    assert lock.acquire()  # the operating system let go of the dead holder's lock
    assert lock.unclean_shutdown
    lock.release()
    again = instance.InstanceLock(path)
    assert again.acquire()
    assert not again.unclean_shutdown  # the release above was clean
    again.release()


def test_a_clean_release_is_not_an_unclean_shutdown(tmp_path):
    path = tmp_path / "a.sqlite3"
    holder = Holder(path)
    holder.finish()
    lock = instance.InstanceLock(path)
    assert lock.acquire()
    assert not lock.unclean_shutdown
    assert lock.marker_path.exists()
    lock.release()
    assert not lock.marker_path.exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_lock_files_are_private(tmp_path, state_dir):
    with instance.InstanceLock(tmp_path / "a.sqlite3") as lock:
        assert (state_dir / "locks").stat().st_mode & 0o077 == 0
        assert lock.marker_path.stat().st_mode & 0o077 == 0
        assert lock.lock_path.stat().st_mode & 0o077 == 0
