"""Test setup shared by every test: headless Qt, a fresh database, no leaked timers."""

from __future__ import annotations

import gc
import os
import sys
import weakref

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest

from desktop.store import connection


@pytest.fixture(autouse=True)
def _private_log_folder(tmp_path, monkeypatch):
    """Logs go to this test's own folder, never the user's; none stays set up after it."""
    from desktop import logs

    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(tmp_path / "logs"))
    yield
    for handler in list(logs.log.handlers):
        logs.log.removeHandler(handler)
        handler.close()


@pytest.fixture(autouse=True)
def _private_state_folder(tmp_path_factory, monkeypatch):
    """One-window locks and their markers go to a folder of this test's, never the user's
    (and not into tmp_path, which tests look into)."""
    from desktop.store import instance

    monkeypatch.setenv(instance.STATE_DIR_VARIABLE, str(tmp_path_factory.mktemp("state")))


@pytest.fixture
def database(tmp_path):
    """A fresh, migrated database file bound to the models for this test."""
    path = connection.open_database(tmp_path / "test.sqlite3")
    yield path
    ops = sys.modules.get("desktop.ui.ops")
    if ops is not None:  # as the window does on closing: figures still being worked out
        ops.drop_all()
    connection.close_database()


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread(request):
    """As the program does (desktop.ui.collector): no cycle is collected on a worker's
    thread, where deleting a Qt object crashes; they are collected here after the test."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture(autouse=True)
def _no_leaked_qt_threads_or_timers(request, monkeypatch):
    """Fail a test that leaves a QThread running or a QTimer active behind it."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QThread, QTimer

    started: list[weakref.ref] = []
    original_thread_start, original_timer_start = QThread.start, QTimer.start

    def thread_start(self, *args):
        started.append(weakref.ref(self))
        return original_thread_start(self, *args)

    def timer_start(self, *args):
        started.append(weakref.ref(self))
        return original_timer_start(self, *args)

    monkeypatch.setattr(QThread, "start", thread_start)
    monkeypatch.setattr(QTimer, "start", timer_start)
    yield
    leaked = []
    for ref in started:
        obj = ref()
        try:
            if isinstance(obj, QThread) and obj.isRunning():
                leaked.append(f"running QThread {obj!r}")
            elif isinstance(obj, QTimer) and obj.isActive():
                leaked.append(f"active QTimer {obj!r}")
        except RuntimeError:  # the C++ object is already gone: nothing leaked
            continue
    assert not leaked, "test left behind: " + ", ".join(leaked)
