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
    assert "No problems" in dialog.result.toPlainText()
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
    assert "summar" in dialog.result.toPlainText().lower()
    assert dialog.repair_button.isVisible()
    dialog.report = None
    qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.report.ok
    assert dialog.status.text().startswith("Repaired.")
    assert [b.reason for b in backups.list_backups(window.database_path)] == ["before-repair"]
    assert connection.db.execute_sql("SELECT given FROM action_person").fetchone()[0] == 1
    assert people.person_count() == 1
