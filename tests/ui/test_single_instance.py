"""One window per database: a second start hands over to the first and exits."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket

from desktop import paths
from desktop.core import people
from desktop.store import connection, instance
from desktop.ui import application, single_instance

posix_only = pytest.mark.skipif(os.name != "posix", reason="Unix sockets and file modes")
HANDED_OVER = "its window was brought forward"
SHOW_LOGGED = "Another start asked for this window"


@pytest.fixture
def runtime_dir(monkeypatch):
    """A short private folder for the sockets (a Unix socket path has ~100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="rcp-"))
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def user_dirs(tmp_path, monkeypatch, runtime_dir):
    """Everything a started program writes goes under *tmp_path*, never the user's own."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(runtime_dir),
        instance.STATE_DIR_VARIABLE: str(tmp_path / "locks"),
        "RECIPROCITY_LOG_DIR": str(tmp_path / "logs"),
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


def start_program(*args, env, log_dir=None) -> subprocess.Popen:
    env = dict(os.environ, **env)
    if log_dir is not None:
        env["RECIPROCITY_LOG_DIR"] = str(log_dir)
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_until_listening(first: subprocess.Popen, database: Path, deadline_s: float = 60) -> None:
    """Until the first program's event loop greets on its socket (or it dies)."""
    deadline = time.monotonic() + deadline_s
    name = single_instance.server_name(database)
    while time.monotonic() < deadline:
        assert first.poll() is None, first.communicate()
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(200) and socket.waitForReadyRead(500):
            greeting = bytes(socket.readLine()).strip()
            socket.abort()
            assert greeting == single_instance.GREETING
            return
        socket.abort()
        time.sleep(0.05)  # waiting on a subprocess, with a deadline
    pytest.fail("the first program never listened")


def file_state(path: Path) -> tuple:
    wal = path.with_name(path.name + "-wal")
    return (
        path.read_bytes(),
        path.stat().st_mtime_ns,
        wal.read_bytes() if wal.exists() else None,
    )


def first_log(tmp_path: Path) -> str:
    """What the first program logged (the file is made at its first line)."""
    log = tmp_path / "logs" / "reciprocity.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def stop(process: subprocess.Popen) -> tuple[str, str]:
    process.terminate()
    try:
        return process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate(timeout=30)


def test_a_second_start_hands_over_and_exits_and_the_first_keeps_running(qapp, tmp_path, user_dirs):
    database = tmp_path / "network.sqlite3"
    first = start_program("--database", database, env=user_dirs)
    try:
        wait_until_listening(first, database)
        before = file_state(database)
        started = time.monotonic()
        second = start_program("--database", database, env=user_dirs, log_dir=tmp_path / "l2")
        try:
            out, err = second.communicate(timeout=30)
        finally:
            second.kill()  # a second that did not hand over runs on; it must not outlive us
            second.wait(timeout=30)
        took = time.monotonic() - started
        assert second.returncode == 0, out + err
        assert took < 2.0, f"the second start took {took:.2f} s"
        assert HANDED_OVER in out  # the first answered once its window came forward
        assert file_state(database) == before  # the second wrote nothing to the network
        assert first.poll() is None  # the first keeps running
        assert first_log(tmp_path).count(SHOW_LOGGED) == 1
    finally:
        stop(first)


def test_a_second_start_on_another_database_is_not_handed_over(qapp, tmp_path, user_dirs):
    database, other = tmp_path / "network.sqlite3", tmp_path / "other.sqlite3"
    first = start_program("--database", database, env=user_dirs)
    try:
        wait_until_listening(first, database)
        second = start_program("--smoke-test", "--database", other, env=user_dirs)
        out, err = second.communicate(timeout=120)
        assert second.returncode == 0, out + err
        assert out.startswith("ok "), out + err
        assert other.exists()
        assert first.poll() is None
        assert SHOW_LOGGED not in first_log(tmp_path)
    finally:
        stop(first)


def test_a_holder_that_cannot_be_reached_is_reported_in_words(qapp, tmp_path, user_dirs):
    database = tmp_path / "network.sqlite3"
    code = (
        "import sys\n"
        "from desktop.store.instance import InstanceLock\n"
        f"print(InstanceLock({str(database)!r}).acquire(), flush=True)\n"
        "sys.stdin.readline()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "True"
        started = time.monotonic()
        second = start_program("--smoke-test", "--database", database, env=user_dirs)
        out, err = second.communicate(timeout=60)
        took = time.monotonic() - started
    finally:
        holder.communicate("\n", timeout=30)
    assert second.returncode == 1, out + err
    assert "already has" in out and "could not reach that window" in out
    assert not database.exists()  # never opened, so never created
    assert took >= single_instance.HANDOVER_SECONDS


# -- in this process ------------------------------------------------------------------------


@pytest.fixture
def claims(runtime_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(instance.STATE_DIR_VARIABLE, str(tmp_path / "locks"))
    made = []

    def claim(path, **kwargs):
        held = single_instance.claim(path, **kwargs)
        if held is not None:
            made.append(held)
        return held

    yield claim
    for held in made:
        held.release()


def other_process_can_lock(path: Path) -> bool:
    """Whether a fresh lock on *path* can be taken (flock: another open file counts)."""
    probe = instance.InstanceLock(path)
    if probe.acquire():
        probe.release()
        return True
    return False


def test_a_second_claim_hands_over_even_before_the_first_answers(qtbot, tmp_path, claims):
    path = tmp_path / "network.sqlite3"
    first = claims(path)
    assert first is not None
    # This process plays both parts, so the first cannot answer while the second waits:
    # the "show" waits in the socket and arrives once the event loop runs.
    with qtbot.waitSignal(first.window_requested, timeout=5000):
        assert claims(path, timeout=0.3) is None
    assert not path.exists()


def test_a_lock_without_a_window_is_reported_after_the_timeout(qtbot, tmp_path, claims):
    path = tmp_path / "network.sqlite3"
    with instance.InstanceLock(path):
        started = time.monotonic()
        with pytest.raises(connection.DatabaseError, match="could not reach that window") as err:
            claims(path, timeout=0.3)
    assert err.value.kind == single_instance.OPEN_ELSEWHERE
    assert time.monotonic() - started >= 0.3


@posix_only
def test_the_socket_is_private_to_the_user(qtbot, tmp_path, claims):
    held = claims(tmp_path / "network.sqlite3")
    socket_file = Path(held.server.fullServerName())
    assert socket_file.exists()
    assert socket_file.stat().st_mode & 0o077 == 0


@posix_only
def test_a_dead_instances_socket_is_replaced(qtbot, tmp_path, claims, runtime_dir):
    """removeServer, and on Unix the private socket's rename into place, both see to it."""
    path = tmp_path / "network.sqlite3"
    Path(single_instance.server_name(path)).write_bytes(b"")  # left by a killed program
    held = claims(path)
    assert held.server.isListening()
    with qtbot.waitSignal(held.window_requested, timeout=5000):
        assert claims(path, timeout=0.3) is None


def test_release_lets_another_start_claim_it(qtbot, tmp_path, claims):
    path = tmp_path / "network.sqlite3"
    held = claims(path)
    assert not other_process_can_lock(path)
    held.release()
    assert other_process_can_lock(path)
    assert not held.server.isListening()


def test_bring_forward_restores_a_minimised_window(qtbot):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    single_instance.bring_forward(window)
    assert window.isVisible()
    assert not window.isMinimized()
    single_instance.bring_forward(None)  # no window yet: nothing to do


# -- the session's claim moves with the network it shows -----------------------------------


@pytest.fixture
def guarded_session(qtbot, tmp_path, settings, monkeypatch, claims):
    monkeypatch.setattr(paths, "sample_database_path", lambda: tmp_path / "sample.sqlite3")
    guard = single_instance.Guard(claimer=functools.partial(claims, timeout=0.3))
    session = application.Session(settings, tmp_path / "mine.sqlite3", guard)
    yield session
    if session.window is not None:
        session.window.close()
    guard.release()
    connection.close_database()


def test_the_claim_moves_to_the_sample_and_back(guarded_session, qtbot, tmp_path):
    session = guarded_session
    mine, sample = session.own_path, tmp_path / "sample.sqlite3"
    qtbot.addWidget(session.open(mine))
    assert not other_process_can_lock(mine)
    session.open_sample()
    qtbot.addWidget(session.window)
    assert session.window.is_sample
    assert not other_process_can_lock(sample)
    assert other_process_can_lock(mine)  # let go once the sample was open
    session.window.own_database_requested.emit()
    qtbot.addWidget(session.window)
    assert not other_process_can_lock(mine)
    assert other_process_can_lock(sample)


def test_another_start_brings_the_sessions_window_forward(guarded_session, qtbot, claims):
    window = guarded_session.open(guarded_session.own_path)
    qtbot.addWidget(window)
    window.showMinimized()
    assert claims(guarded_session.own_path, timeout=0.3) is None  # a second start, handed over
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isVisible())


def test_the_sample_shown_by_another_window_is_brought_forward_not_opened(
    guarded_session, qtbot, tmp_path, claims, monkeypatch
):
    session = guarded_session
    window = session.open(session.own_path)
    qtbot.addWidget(window)
    elsewhere = claims(tmp_path / "sample.sqlite3")  # "another window" showing the sample
    reported = []
    monkeypatch.setattr(application, "report_error", reported.append)
    with qtbot.waitSignal(elsewhere.window_requested, timeout=5000):
        session.open_sample()
    assert session.window is window and not window.is_sample
    assert "open in another Reciprocity window" in window.statusBar().currentMessage()
    assert reported == []  # said in the status bar, not in a box over the other window
    assert connection.db.database == str(session.own_path)
    assert people.person_count() == 0
    assert not (tmp_path / "sample.sqlite3").exists()


def test_a_network_that_fails_to_open_lets_go_of_its_claim(
    guarded_session, qtbot, tmp_path, monkeypatch
):
    session = guarded_session
    qtbot.addWidget(session.open(session.own_path))

    def broken(*args, **kwargs):
        raise RuntimeError("no such column: sort_key")

    monkeypatch.setattr(application, "MainWindow", broken)
    monkeypatch.setattr(application, "report_error", lambda text: None)
    session.open_sample()
    assert other_process_can_lock(tmp_path / "sample.sqlite3")
    assert not other_process_can_lock(session.own_path)


def test_without_a_usable_lock_folder_it_runs_unguarded_and_leaves_others_alone(
    qtbot, tmp_path, claims, monkeypatch
):
    path = tmp_path / "network.sqlite3"
    first = claims(path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv(instance.STATE_DIR_VARIABLE, str(blocked))  # mkdir fails under it
    unguarded = claims(path)
    assert unguarded is not None and not unguarded.lock.held
    assert not unguarded.server.isListening()
    socket = QLocalSocket()
    socket.connectToServer(first.name)  # its socket was not taken away
    assert socket.waitForConnected(1000)
    socket.abort()


@posix_only
def test_a_termination_request_quits_cleanly(qapp, tmp_path, user_dirs):
    """Logout's SIGTERM closes the window as Quit does: it lets go of the network, so the
    next start does not take it for a crash."""
    import signal

    database = tmp_path / "network.sqlite3"
    first = start_program("--database", database, env=user_dirs)
    try:
        wait_until_listening(first, database)
        marker = instance.InstanceLock(database).marker_path
        assert marker.exists()
        first.send_signal(signal.SIGTERM)
        out, err = first.communicate(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=30)
    assert first.returncode == 0, out + err
    assert not marker.exists()  # released cleanly: no check of the whole file next time
    assert "Traceback" not in out + err
    again = instance.InstanceLock(database)
    assert again.acquire() and not again.unclean_shutdown
    again.release()


def test_a_second_start_with_a_file_hands_the_file_over(qtbot, tmp_path, claims):
    path = tmp_path / "network.sqlite3"
    first = claims(path)
    handed = tmp_path / "Adresses exportées" / "Zoë's contacts.vcf"  # spaces, accents
    order = []
    first.window_requested.connect(lambda: order.append("show"))
    first.file_requested.connect(order.append)
    with qtbot.waitSignal(first.file_requested, timeout=5000):
        assert claims(path, timeout=0.3, then_open=handed) is None
    assert order == ["show", str(handed.resolve())]


def test_a_file_handed_to_the_sessions_window_is_imported_there(
    guarded_session, qtbot, claims, on_next_dialog
):
    window = guarded_session.open(guarded_session.own_path)
    qtbot.addWidget(window)
    titles = []

    def import_all(dialog):
        titles.append(dialog.windowTitle())
        dialog.import_button.click()

    on_next_dialog(import_all)
    vcards = Path(__file__).parent.parent / "formats" / "data" / "three_cards.vcf"
    assert claims(guarded_session.own_path, timeout=0.3, then_open=vcards) is None
    qtbot.waitUntil(lambda: people.person_count() == 2, timeout=10_000)
    assert titles == ["Import vCard contacts"]
    assert guarded_session.window is window
