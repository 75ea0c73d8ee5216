"""Fixtures for UI tests: windows and pages on a fresh database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.core import people
from desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, database, settings):
    win = MainWindow(settings, database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


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
def on_next_dialog(qtbot):
    """Run a callback on the next modal dialog once it is open (for exec()-based flows)."""
    errors: list[BaseException] = []

    def schedule(callback):
        def poll():
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(10, poll)
                return
            try:
                callback(dialog)
            except BaseException as exc:  # close the dialog so exec() returns, then fail
                errors.append(exc)
                dialog.reject()

        QTimer.singleShot(0, poll)

    yield schedule
    if errors:
        raise errors[0]
