"""File › Backups…: Back up now, the list, Restore… through the session, automatic backups."""

from __future__ import annotations

import os
import sqlite3
import stat

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core import people
from desktop.store import backups
from desktop.ui.backup_scheduler import BackupScheduler
from desktop.ui.dialogs.backups_dialog import BackupsDialog


def names_in(path):
    con = sqlite3.connect(path)
    try:
        return sorted(name for (name,) in con.execute("SELECT name FROM person"))
    finally:
        con.close()


def test_back_up_now_lists_the_backup_with_what_it_holds(qtbot, window, add_people):
    add_people("Ada Lovelace", "Grace Hopper")
    dialog = BackupsDialog(window, window.database_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.topLevelItemCount() == 0
    assert "No backups yet" in dialog.total.text()
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1)
    item = dialog.list.topLevelItem(0)
    assert item.text(1) == "made by hand"
    assert item.text(2) == "2"
    assert dialog.status.text().startswith("Backed up:")
    (made,) = backups.list_backups(window.database_path)
    assert names_in(made.path) == ["Ada Lovelace", "Grace Hopper"]
    if os.name == "posix":
        assert stat.S_IMODE(made.path.stat().st_mode) == 0o600


def test_restore_puts_the_backup_in_place_after_backing_up_the_present(
    qtbot, session, on_next_dialog
):
    window = session.open(session.own_path)  # the restore deletes it: not qtbot's to close
    people.create_person(people.PersonData(name="Ada Lovelace"))
    backups.create(session.own_path, "by-hand")
    people.create_person(people.PersonData(name="Grace Hopper"))

    def confirm(box):
        assert isinstance(box, QMessageBox)
        restore = next(b for b in box.buttons() if b.text() == "&Restore")
        restore.click()

    def in_dialog(dialog):
        assert isinstance(dialog, BackupsDialog)
        assert dialog.list.topLevelItemCount() == 1
        dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
        on_next_dialog(confirm)
        dialog.restore_button.click()

    on_next_dialog(in_dialog)
    window.safety.backups_action.trigger()
    qtbot.waitUntil(lambda: session.window is not None and session.window is not window)
    restored = session.window
    qtbot.addWidget(restored)
    assert people.person_count() == 1
    assert restored.people_page.model.rowCount() == 1
    assert "Restored the backup of" in restored.statusBar().currentMessage()
    before = [b for b in backups.list_backups(session.own_path) if b.reason == "before-restore"]
    assert len(before) == 1
    assert names_in(before[0].path) == ["Ada Lovelace", "Grace Hopper"]


def test_cancelling_the_restore_question_changes_nothing(qtbot, window, add_people, on_next_dialog):
    add_people("Ada Lovelace")
    backups.create(window.database_path, "by-hand")
    dialog = BackupsDialog(window, window.database_path)
    qtbot.addWidget(dialog)
    dialog.show()
    on_next_dialog(lambda box: box.reject())
    dialog.restore_selected()
    assert dialog.to_restore is None
    assert dialog.isVisible()


def test_backups_in_a_read_only_window_can_be_seen_not_made(qtbot, window):
    dialog = BackupsDialog(window, window.database_path, read_only=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.back_up_button.isEnabled()
    dialog.back_up_now()
    assert dialog.worker is None
    assert backups.list_backups(window.database_path) == []


def test_scheduler_backs_up_only_when_something_changed(qtbot, database):
    scheduler = BackupScheduler(database, interval_ms=20)
    made_now = []
    scheduler.backed_up.connect(made_now.append)
    assert scheduler.back_up("automatic") is None  # nothing written yet
    people.create_person(people.PersonData(name="Ada Lovelace"))
    assert scheduler.changed()
    with qtbot.waitSignal(scheduler.backed_up, timeout=10_000) as made:
        scheduler.back_up("automatic")
    assert made.args[0].reason == "automatic"
    assert not scheduler.changed()
    scheduler.start()
    qtbot.wait(120)  # several intervals pass with nothing new: no further backup
    assert len(made_now) == 1
    people.create_person(people.PersonData(name="Grace Hopper"))
    qtbot.waitUntil(lambda: len(made_now) == 2, timeout=10_000)
    assert names_in(made_now[1].path) == ["Ada Lovelace", "Grace Hopper"]
    qtbot.waitUntil(lambda: scheduler.worker is None)
    scheduler.finish()
    assert not scheduler.timer.isActive()


def test_closing_the_window_backs_up_what_changed(qtbot, database, settings):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(settings, database)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert backups.list_backups(database) == []  # nothing changed: no backup
    window = MainWindow(settings, database)
    qtbot.addWidget(window)
    window.show()
    people.create_person(people.PersonData(name="Ada Lovelace"))
    window.close()
    (made,) = backups.list_backups(database)
    assert made.reason == "on-close"
    assert names_in(made.path) == ["Ada Lovelace"]


def test_the_sample_network_is_never_backed_up(qtbot, database, settings):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(settings, database, sample=True)
    qtbot.addWidget(window)
    window.show()
    people.create_person(people.PersonData(name="Made Up"))
    window.close()
    assert backups.list_backups(database) == []


def test_what_was_written_while_a_backup_ran_is_backed_up_on_close(qtbot, database, monkeypatch):
    """The running backup's snapshot was taken before that write: closing must not take
    it for backed up."""
    import threading

    from desktop.ui import backup_scheduler

    real_create = backups.create
    snapshot_taken, written = threading.Event(), threading.Event()

    def slow_create(path, reason, **kwargs):
        made = real_create(path, reason, **kwargs)
        if reason == "automatic":
            snapshot_taken.set()
            written.wait(10)
        return made

    monkeypatch.setattr(backup_scheduler.backups, "create", slow_create)
    scheduler = BackupScheduler(database)
    people.create_person(people.PersonData(name="Ada Lovelace"))
    assert scheduler.back_up("automatic") is not None
    qtbot.waitUntil(snapshot_taken.is_set, timeout=10_000)
    people.create_person(people.PersonData(name="Grace Hopper"))  # after the snapshot
    written.set()
    scheduler.finish()
    newest = backups.list_backups(database)[0]
    assert newest.reason == "on-close"
    assert names_in(newest.path) == ["Ada Lovelace", "Grace Hopper"]
