"""The keep-in-touch tiers dialog: add, rename, change and remove tiers from the keyboard,
checked as you type, saved as one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import people, ties
from desktop.store.connection import db
from desktop.ui import plain
from desktop.ui.dialogs.tiers_dialog import TiersDialog


def open_dialog(qtbot) -> TiersDialog:
    dialog = TiersDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def stored() -> list[tuple[str, int, int]]:
    return [(t.name, t.ideal_days, t.longest_days) for t in ties.list_tiers()]


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_lists_the_tiers_with_their_gaps(qtbot, database):
    people.create_person(people.PersonData(name="Ada", tier="Close"))
    dialog = open_dialog(qtbot)
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "Close: every 14 days, at most 21",
        "Regular: every 30 days, at most 45",
        "Occasional: every 90 days, at most 135",
    ]
    assert dialog.name.text() == "Close"
    assert dialog.people_note.text() == "1 person in this tier."
    assert not dialog.has_changes()


def test_add_a_tier_from_the_keyboard_and_save(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.add_button.setFocus()  # Tab, Tab from the list
    qtbot.keyClick(dialog.add_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is dialog.name
    qtbot.keyClicks(dialog.name, "Weekly")
    type_into(qtbot, dialog.ideal, "7")
    type_into(qtbot, dialog.longest, "10")
    assert dialog.list.currentItem().text() == "Weekly: every 7 days, at most 10"
    assert dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.longest, Qt.Key.Key_Return)
    assert dialog.result() == TiersDialog.DialogCode.Accepted
    assert stored()[0] == ("Weekly", 7, 10)
    assert len(stored()) == 4


def test_a_name_taken_and_gaps_the_wrong_way_round_are_explained(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.list.setCurrentRow(1)  # Regular
    type_into(qtbot, dialog.name, "close")
    assert dialog.form.message("name").text() == (
        "Two tiers are called ‘close’; give each its own name."
    )
    assert not dialog.save_button.isEnabled()
    type_into(qtbot, dialog.name, "Monthly")
    type_into(qtbot, dialog.longest, "20")
    assert dialog.form.message("longest_days").text() == (
        "The longest gap cannot be shorter than the ideal one (30 days)."
    )
    assert not dialog.save_button.isEnabled()
    dialog.list.setCurrentRow(0)  # the problem of another row: said below the list
    assert dialog.message.text() == (
        "Monthly: The longest gap cannot be shorter than the ideal one (30 days)."
    )
    dialog.save()
    assert dialog.isVisible() and stored()[1] == ("Regular", 30, 45)  # nothing written


def test_removing_a_tier_people_are_in_asks_first(qtbot, database, monkeypatch):
    ada = people.create_person(people.PersonData(name="Ada", tier="Occasional"))
    asked = []
    monkeypatch.setattr(plain, "confirm", lambda *args: asked.append(args[2]) or False)
    dialog = open_dialog(qtbot)
    dialog.list.setCurrentRow(2)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
    assert dialog.list.count() == 2
    dialog.save()
    assert asked == [
        "1 person in ‘Occasional’ will have no tier (their own gaps stay). Save anyway?"
    ]
    assert dialog.isVisible() and len(stored()) == 3  # not saved
    monkeypatch.setattr(plain, "confirm", lambda *args: True)
    dialog.save()
    assert not dialog.isVisible()
    assert [name for name, _, _ in stored()] == ["Close", "Regular"]
    assert db.execute_sql("SELECT tier_id FROM person WHERE id = ?", (ada,)).fetchone() == (None,)


def test_the_edit_menu_opens_it_and_saving_is_one_undo_step(window, qtbot, on_next_dialog):
    def rename(dialog):
        dialog.list.setCurrentRow(0)
        dialog.name.setText("Inner circle")
        dialog._edited("name")
        dialog.save()

    on_next_dialog(rename)
    window.tiers_action.trigger()
    assert stored()[0] == ("Inner circle", 14, 21)
    assert window.statusBar().currentMessage().startswith("Keep-in-touch tiers saved")
    window.history.collect()
    assert window.history.undo_action.text() == "&Undo Edit keep-in-touch tiers"
    window.history.undo_action.trigger()
    qtbot.waitUntil(lambda: stored()[0] == ("Close", 14, 21))
