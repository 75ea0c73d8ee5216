"""Background operations: the job runs on its own thread and connection, its outcome comes
back on the window's thread, and a superseded computation is never shown."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from desktop.core import people
from desktop.store.progress import Cancelled
from desktop.ui import ops


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_job_runs_off_the_window_thread_and_calls_back_on_it(qtbot, parent, database):
    people.create_person(people.PersonData(name="Ada"))
    seen = {}

    def job(progress):
        seen["job thread"] = threading.current_thread()
        progress(1, 2)
        return people.person_count()  # read through the op's own connection

    def done(result):
        seen["result"], seen["callback thread"] = result, threading.current_thread()

    steps = []
    op = ops.run(
        parent, job, doing="counting", on_success=done, on_progress=lambda *s: steps.append(s)
    )
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 1
    assert seen["job thread"] is not threading.main_thread()
    assert seen["callback thread"] is threading.main_thread()
    assert steps == [(1, 2)]
    assert not op.running


def test_a_refusal_comes_back_in_words(qtbot, parent, database):
    said = []

    def job(_progress):
        raise OSError(28, "No space left on device")

    ops.run(parent, job, doing="exporting", failed="Nothing was exported", on_failure=said.append)
    qtbot.waitUntil(lambda: bool(said))
    assert said[0].startswith("Nothing was exported. The disk holding ")
    assert said[0].endswith("is full. Free some space and try again.")


def test_cancel_stops_at_the_next_step_and_says_so_with_no_words(qtbot, parent, database):
    said, started, release = [], threading.Event(), threading.Event()

    def job(progress):
        started.set()
        release.wait(5)
        progress(1, 10)  # raises Cancelled once cancel() was asked
        return "finished"

    op = ops.run(parent, job, doing="exporting", on_failure=said.append, on_success=said.append)
    started.wait(5)
    op.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(said))
    assert said == [""]


def test_a_bug_is_handed_to_the_crash_callback_and_logged(qtbot, parent, database, monkeypatch):
    bugs = []
    monkeypatch.setattr("desktop.ui.errors.record_bug", lambda doing, exc, **_: (doing, exc))

    def job(_progress):
        raise KeyError("bug")

    ops.run(parent, job, doing="working out the charts", on_crash=bugs.append)
    qtbot.waitUntil(lambda: bool(bugs))
    doing, exc = bugs[0]
    assert doing == "working out the charts" and isinstance(exc, KeyError)


def test_a_dropped_op_calls_back_nothing(qtbot, parent, database):
    said, release = [], threading.Event()
    op = ops.run(parent, lambda _p: release.wait(5) or "late", doing="x", on_success=said.append)
    op.drop()
    release.set()
    op.worker.wait()
    qtbot.wait(50)  # let any queued call arrive
    assert said == []


def test_latest_shows_only_the_newest_computation(qtbot, parent, database):
    latest = ops.Latest(parent, "working out")
    shown, first_may_end = [], threading.Event()
    latest.run(lambda: first_may_end.wait(5) and "old figures", shown.append, shown.append)
    latest.run(lambda: "new figures", shown.append, shown.append)
    assert latest.busy
    with qtbot.waitSignal(latest.settled, timeout=5000):
        first_may_end.set()
    assert shown == ["new figures"]
    qtbot.wait(50)
    assert shown == ["new figures"]  # the superseded one, finished later, is dropped
    assert not latest.busy


def test_wait_delivers_at_once(qtbot, parent, database):
    shown = []
    latest = ops.Latest(parent, "working out")
    latest.run(lambda: 42, shown.append, shown.append)
    latest.wait()
    assert shown == [42] and not latest.busy


def test_cancelled_lives_below_the_windows():
    assert Cancelled.__module__ == "desktop.store.progress"
