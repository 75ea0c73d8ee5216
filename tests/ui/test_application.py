"""Start-up: which database opens, switching to the sample network and back."""

from __future__ import annotations

import sqlite3

import pytest

from desktop import logs, paths
from desktop.core import people
from desktop.store import connection, migrations
from desktop.ui import application


@pytest.fixture
def session(qtbot, tmp_path, settings, monkeypatch):
    monkeypatch.setattr(paths, "sample_database_path", lambda: tmp_path / "sample.sqlite3")
    own = tmp_path / "mine.sqlite3"
    made = application.Session(settings, own)
    yield made
    if made.window is not None:
        made.window.close()
    connection.close_database()


def test_own_database_is_created_empty_and_offers_the_sample(session, qtbot):
    window = session.open(session.own_path)
    qtbot.addWidget(window)
    assert session.own_path.exists()
    assert people.person_count() == 0
    assert window.people_page.open_sample.isVisibleTo(window)


def test_one_click_opens_the_sample_without_touching_my_file(session, qtbot, tmp_path):
    window = session.open(session.own_path)
    qtbot.addWidget(window)
    window.people_page.open_sample.click()
    sample_window = session.window
    qtbot.addWidget(sample_window)
    assert sample_window is not window and sample_window.is_sample
    assert connection.db.database == str(tmp_path / "sample.sqlite3")
    assert 100 <= people.person_count() <= 200
    assert sample_window.people_page.model.rowCount() == people.person_count()
    mine = sqlite3.connect(session.own_path)
    assert mine.execute("SELECT count(*) FROM person").fetchone()[0] == 0
    mine.close()
    sample_window.own_database_requested.emit()
    qtbot.addWidget(session.window)
    assert connection.db.database == str(session.own_path)
    assert people.person_count() == 0


def test_sample_is_generated_once_and_reused(tmp_path):
    path = tmp_path / "sample.sqlite3"
    application.ensure_sample_network(path)
    first = people.person_ids()
    application.ensure_sample_network(path)
    assert people.person_ids() == first
    connection.close_database()


def test_newer_database_is_reported_in_words(session, monkeypatch):
    future = session.own_path
    con = sqlite3.connect(future)
    con.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 5}")
    con.close()
    reported = []
    monkeypatch.setattr(application, "report_error", reported.append)
    session.switch(future)
    assert session.window is None
    assert "newer version of Reciprocity" in reported[0]


def test_a_sample_emptied_of_people_is_made_afresh(tmp_path):
    path = tmp_path / "sample.sqlite3"
    application.ensure_sample_network(path)
    for person_id in people.person_ids():
        people.delete_person(person_id)
    connection.close_database()
    application.ensure_sample_network(path)
    assert 100 <= people.person_count() <= 200
    connection.close_database()


def test_a_network_that_fails_to_open_leaves_the_open_one_working(session, qtbot, monkeypatch):
    sample_window = session.open(paths.sample_database_path(), is_sample=True)
    qtbot.addWidget(sample_window)
    sample_people = people.person_count()
    real_window = application.MainWindow

    def broken(*args, **kwargs):
        raise RuntimeError("no such column: sort_key")

    monkeypatch.setattr(application, "MainWindow", broken)
    logs.setup()  # as the program does at start
    reported = []
    monkeypatch.setattr(application, "report_error", reported.append)
    sample_window.own_database_requested.emit()
    # A bug is said as one, never as the file's fault; the log keeps what it was.
    assert "bug in Reciprocity" in reported[0] and "still in the network" in reported[0]
    assert "no such column: sort_key" in logs.log_path().read_text(encoding="utf-8")
    assert session.window is sample_window
    assert connection.db.database == str(paths.sample_database_path())
    assert people.person_count() == sample_people  # still reading the sample
    monkeypatch.setattr(application, "MainWindow", real_window)


def test_a_network_whose_first_page_fails_to_show_leaves_the_open_one_working(
    session, qtbot, monkeypatch
):
    from datetime import date

    from desktop.core import actions
    from desktop.ui.pages import dashboard

    connection.open_database(session.own_path)  # something logged: opens on the Dashboard
    ada = people.create_person(people.PersonData(name="Ada"))
    actions.create_action(
        actions.ActionData(occurred_on=date(2026, 1, 2), counterpart_id=ada, summary="Tea")
    )
    connection.close_database()
    sample_window = session.open(paths.sample_database_path(), is_sample=True)
    qtbot.addWidget(sample_window)
    sample_people = people.person_count()

    def broken(self):
        raise RuntimeError("no such table: action_person")

    monkeypatch.setattr(dashboard.DashboardPage, "recompute", broken)
    logs.setup()  # as the program does at start
    reported = []
    monkeypatch.setattr(application, "report_error", reported.append)
    sample_window.own_database_requested.emit()
    assert "bug in Reciprocity" in reported[0] and "still in the network" in reported[0]
    assert "no such table: action_person" in logs.log_path().read_text(encoding="utf-8")
    assert session.window is sample_window
    assert people.person_count() == sample_people  # still reading the sample
