"""File ▸ Import ▸ Reciprocity archive: a whole network restored into an empty one."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from desktop.core import actions, people
from desktop.core.actions import ActionData
from desktop.core.changes import Changed
from desktop.formats import archive
from desktop.store import connection
from desktop.ui import transfer
from desktop.ui.dialogs.restore_dialog import RestoreDialog


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    """An archive of a small network: 40 people at 2 companies, 60 actions."""
    folder = tmp_path_factory.mktemp("restore")
    connection.open_database(folder / "source.sqlite3")
    try:
        ids = [
            people.create_person(people.PersonData(name=f"Person {n}", company=f"Co {n % 2}"))
            for n in range(40)
        ]
        for n in range(60):
            actions.create_action(
                ActionData(
                    occurred_on=date(2026, 1, 1 + n % 28),
                    counterpart_id=ids[n % 40],
                    summary=f"Shared lead {n}",
                )
            )
        archive.export(folder / "network.json")
    finally:
        connection.close_database()
    return folder / "network.json"


def choose(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_restore_into_an_empty_network(qtbot, archive_file, window, on_next_dialog, monkeypatch):
    labels = [a.text() for a in window.import_menu.actions() if not a.isSeparator()]
    assert labels[-1] == "&Reciprocity archive…"
    choose(monkeypatch, archive_file)
    monkeypatch.setattr(archive, "BATCH", 7)  # progress after every 7 rows
    seen: list[int] = []

    def restore(dialog):
        assert isinstance(dialog, RestoreDialog)
        assert dialog.heading.text() == "network.json"
        assert dialog.where.text().endswith(f"kB, in {archive_file.parent}")
        dialog.progress.valueChanged.connect(seen.append)
        dialog.restore_button.click()

    on_next_dialog(restore)
    counts = transfer.restore_archive(window)
    assert counts["person"] == 40 and counts["action"] == 60 and counts["company"] == 2
    assert people.person_count() == 40 == window.people_page.model.rowCount()
    assert window.statusBar().currentMessage() == (
        "Restored 40 people, 2 companies and 60 actions."
    )
    assert len(seen) > 3 and seen == sorted(seen) and 0 < seen[-1] <= 1000
    assert people.person_ids("person 7") == [8]  # searchable at once


def test_a_network_with_people_is_told_how_and_left_alone(qtbot, window, monkeypatch):
    people.create_person(people.PersonData(name="Grace Hopper"))
    errors = []
    monkeypatch.setattr(transfer, "show_error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", pytest.fail)  # never asked for a file
    assert transfer.restore_archive(window) is None
    assert "this one holds 1 person" in errors[0]
    assert "reciprocity import archive ARCHIVE.json --database NEW.sqlite3" in errors[0]
    assert people.person_count() == 1


def test_cancel_while_restoring_keeps_nothing(qtbot, archive_file, database, monkeypatch):
    gate = threading.Event()
    real = archive.import_into

    def held_at_first_batch(path, database=connection.db, progress=None):
        def wait_then_report(done, total):
            gate.wait(10)
            progress(done, total)

        return real(path, database, wait_then_report)

    monkeypatch.setattr(archive, "import_into", held_at_first_batch)
    dialog = RestoreDialog(None, archive_file)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.restore_button.click()
    assert not dialog.restore_button.isEnabled()
    dialog.reject()  # Cancel while the worker waits at its first batch
    assert dialog.status.text() == "Cancelling…"
    gate.set()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=10_000)
    assert dialog.isVisible() and dialog.counts is None
    assert dialog.status.text() == "Cancelled: nothing was restored."
    assert dialog.restore_button.isEnabled()
    assert archive.holdings() == ""
    assert connection.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_damaged_archive_is_explained_and_nothing_kept(
    qtbot, archive_file, window, on_next_dialog, monkeypatch, tmp_path
):
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(archive_file.read_bytes()[:-200])
    choose(monkeypatch, damaged)
    errors = []

    def show_error(parent, title, text):
        errors.append(text)
        QTimer.singleShot(0, parent.reject)  # the dialog stays open; close it to go on

    monkeypatch.setattr("desktop.ui.dialogs.restore_dialog.show_error", show_error)
    on_next_dialog(lambda dialog: dialog.restore_button.click())
    assert transfer.restore_archive(window) is None
    assert "damaged.json" in errors[0] and "Nothing was imported" in errors[0]
    assert archive.holdings() == ""


def test_restored_words():
    restored_words = archive.restored_words
    assert restored_words({"person": 1, "action": 0}) == "Restored 1 person."
    assert restored_words({"company": 2, "need": 1, "opportunity": 3}) == (
        "Restored 2 companies, 1 need and 3 opportunities."
    )
    assert restored_words({}) == ("Restored the archive; it holds no people, companies or actions.")


def test_closing_the_window_as_the_restore_finishes_keeps_it(qtbot, archive_file, database):
    dialog = RestoreDialog(None, archive_file)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.restore_button.click()
    dialog.worker.wait()  # done, with its "succeeded" still queued for the window
    assert dialog.worker.outcome[0] == "succeeded"
    dialog.close()  # the title bar's ×, before the queued signal arrives
    assert dialog.counts["person"] == 40
    assert dialog.result() == RestoreDialog.DialogCode.Accepted
    qtbot.wait(50)  # the late signals change nothing
    assert dialog.counts["person"] == 40 and not dialog.isVisible()
    assert people.person_count() == 40


def test_a_restore_is_not_logged_row_by_row_and_leaves_no_history(
    qtbot, archive_file, window, on_next_dialog, monkeypatch
):
    """The network was empty: there is nothing to go back to, and a million rows logged one
    by one would take longer than the restore."""
    from desktop.store import query

    people.delete_person(people.create_person(people.PersonData(name="Gone before")))
    window.note_changes(Changed.PEOPLE)
    assert window.history.undo_action.isEnabled()
    choose(monkeypatch, archive_file)
    on_next_dialog(lambda dialog: dialog.restore_button.click())
    assert transfer.restore_archive(window)["person"] == 40
    assert query.value("SELECT count(*) FROM undo_log") == 0
    assert not window.history.undo_action.isEnabled()
