"""Fixtures for UI tests: windows and pages on a fresh database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core import people
from desktop.ui import plain
from desktop.ui.main_window import MainWindow

REAL_CONFIRM_DISCARD = plain.confirm_discard


@pytest.fixture(autouse=True)
def _discard_without_asking(monkeypatch):
    """Forms left open with typing are closed after each test; don't stop to ask then.

    Tests of the question itself replace this with their own answer (or the real box).
    """
    monkeypatch.setattr(plain, "confirm_discard", lambda parent, question: True)


@pytest.fixture
def real_confirm_discard(monkeypatch):
    """Put the real discard question back for this test."""
    monkeypatch.setattr(plain, "confirm_discard", REAL_CONFIRM_DISCARD)


@pytest.fixture
def window(qtbot, database, settings):
    win = MainWindow(settings, database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def session(qtbot, tmp_path, settings):
    """The running program's session (no window yet) for a network of its own."""
    from desktop.store import connection
    from desktop.ui import application

    made = application.Session(settings, tmp_path / "mine.sqlite3")
    yield made
    if made.window is not None:
        made.window.close()
    connection.close_database()


@pytest.fixture
def add_people(database):
    def add(*names_and_data):
        ids = []
        for item in names_and_data:
            data = item if isinstance(item, people.PersonData) else people.PersonData(name=item)
            ids.append(people.create_person(data))
        return ids

    return add


@pytest.fixture
def on_next_dialog(on_next):
    """Run a callback on the next modal dialog once it is open (for exec()-based flows)."""
    return lambda callback: on_next(QWidget, callback)


@pytest.fixture
def settle(qtbot):
    """Wait, as a person looking at it would, until a page has shown the figures it was
    working out off the window's thread; returns the page."""

    def wait_for(page):
        qtbot.waitUntil(lambda: not page.figures.busy, timeout=15000)
        return page

    return wait_for


@pytest.fixture
def on_next(qtbot):
    """Run a callback on the next modal dialog of a kind (a box inside a form's exec)."""
    problems: list[BaseException] = []

    def schedule(kind, callback, tries=3000):
        def poll(left=tries):
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, kind):
                if left:
                    QTimer.singleShot(10, lambda: poll(left - 1))
                else:
                    problems.append(AssertionError(f"no {kind.__name__} was shown"))
                return
            try:
                callback(dialog)
            except BaseException as exc:  # close it so exec() returns, then fail
                problems.append(exc)
                dialog.reject()

        QTimer.singleShot(0, poll)

    yield schedule
    if problems:
        raise problems[0]
