"""File › Check database…: the report in words, and a repair made after a backup."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.core import actions, people
from desktop.store import backups, connection
from desktop.ui.dialogs.check_dialog import CheckDialog


def test_a_healthy_network_is_reported_in_order(qtbot, window, add_people):
    add_people("Ada Lovelace")
    dialog = CheckDialog(window, window.database_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.report.ok
    assert "No problems" in dialog.report_view.toPlainText()
    assert dialog.repair_button.isHidden() and dialog.backups_button.isHidden()


def test_broken_summaries_are_found_and_repaired_after_a_backup(qtbot, window, add_people):
    (ada,) = add_people("Ada Lovelace")
    actions.create_action(
        actions.ActionData(
            occurred_on=date.today(),
            direction="given",
            kind="check_in",
            counterpart_id=ada,
            summary="Said hello",
        )
    )
    connection.db.execute_sql("UPDATE action_person SET given = given + 5")
    dialog = CheckDialog(window, window.database_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert not dialog.report.ok
    assert "summar" in dialog.report_view.toPlainText().lower()
    assert dialog.repair_button.isVisible()
    dialog.report = None
    qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.report.ok
    assert dialog.status.text().startswith("Repaired.")
    assert [b.reason for b in backups.list_backups(window.database_path)] == ["before-repair"]
    assert connection.db.execute_sql("SELECT given FROM action_person").fetchone()[0] == 1
    assert people.person_count() == 1


def test_after_an_unclean_stop_a_clean_network_is_only_mentioned(qtbot, window, add_people):
    add_people("Ada Lovelace")
    window.safety.check_after_unclean_stop()
    qtbot.waitUntil(lambda: window.safety.unclean_check is None, timeout=10_000)
    assert "no problems found" in window.statusBar().currentMessage()


def test_after_an_unclean_stop_problems_are_shown_with_the_way_to_the_check(
    qtbot, window, add_people, on_next_dialog
):
    add_people("Ada Lovelace")
    connection.db.execute_sql("DELETE FROM person_search")
    shown = []

    def answer(box):
        shown.append(box.text() + "\n" + box.informativeText())
        box.reject()

    on_next_dialog(answer)
    window.safety.check_after_unclean_stop()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "found problems" in shown[0]
    assert "search" in shown[0].lower()


def test_a_network_left_open_by_a_killed_program_is_checked_when_opened(qtbot, tmp_path, settings):
    from desktop.store import instance
    from desktop.ui import application, single_instance

    own = tmp_path / "mine.sqlite3"
    connection.open_database(own)
    people.create_person(people.PersonData(name="Ada Lovelace"))
    connection.close_database()
    left = instance.InstanceLock(own)
    left.folder.mkdir(parents=True, exist_ok=True)
    left.marker_path.write_text("12345\n")  # what a killed window leaves behind
    session = application.Session(settings, own, single_instance.Guard())
    window = session.open(own)
    qtbot.addWidget(window)
    try:
        assert window.safety.unclean_check is not None
        qtbot.waitUntil(lambda: window.safety.unclean_check is None, timeout=10_000)
        assert "no problems found" in window.statusBar().currentMessage()
    finally:
        session.guard.release()
    clean = application.Session(settings, own, single_instance.Guard())
    again = clean.open(own)  # closed properly since: no check
    qtbot.addWidget(again)
    try:
        assert again.safety.unclean_check is None
    finally:
        clean.guard.release()


def test_a_bug_in_the_check_after_an_unclean_stop_is_shown_as_a_bug(qtbot, window, monkeypatch):
    from desktop.store import check
    from desktop.ui.dialogs import bug_dialog

    def broken(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(check, "run_check", broken)
    shown = []
    monkeypatch.setattr(bug_dialog, "show_bug", lambda parent, bug: shown.append(bug))
    window.safety.check_after_unclean_stop()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "injected" in shown[0].details
    assert window.safety.unclean_check is None
    assert "checking your network" not in window.statusBar().currentMessage()
