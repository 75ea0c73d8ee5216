"""The person form's keep-in-touch tier and longest gap: chosen, explained, checked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core import people
from desktop.store.connection import db
from desktop.ui.dialogs.person_dialog import PersonDialog


def open_dialog(qtbot, person_id=None) -> PersonDialog:
    dialog = PersonDialog(None, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def stored(person_id: int) -> tuple:
    return db.execute_sql(
        "SELECT t.name, p.cadence_days, p.longest_gap_days FROM person p"
        " LEFT JOIN tie_tier t ON t.id = p.tier_id WHERE p.id = ?",
        (person_id,),
    ).fetchone()


def test_choose_a_tier_and_see_what_it_makes_then_save(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.name.setText("Maya Chen")
    assert dialog.tier.currentText() == "No tier"
    assert dialog.more_form.message("longest_gap_days").text() == (
        "Choose how often to keep in touch, or a tier, to be reminded."
    )
    dialog.tier.setFocus()
    qtbot.keyClick(dialog.tier, Qt.Key.Key_Down)  # Close
    assert dialog.tier.currentText() == "Close: every 14 days, at most 21"
    assert dialog.more_form.message("longest_gap_days").text() == (
        "Due after 14 days, overdue after 21 (the ‘Close’ tier)."
    )
    dialog.cadence.setValue(10)
    assert dialog.more_form.message("longest_gap_days").text() == (
        "Due after 10 days, overdue after 21 (their own; the longest the ‘Close’ tier)."
    )
    dialog.save()
    (person_id,) = people.people_named("Maya Chen")
    assert stored(person_id) == ("Close", 10, None)


def test_a_longest_gap_shorter_than_the_ideal_blocks_saving(qtbot, database):
    ada = people.create_person(people.PersonData(name="Ada", tier="Regular"))
    dialog = open_dialog(qtbot, ada)
    assert dialog.tier.currentText().startswith("Regular")
    dialog.longest_gap.setFocus()
    qtbot.keyClick(dialog.longest_gap, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.longest_gap, "20")
    assert dialog.longest_gap.value() == 20
    assert dialog.more_form.message("longest_gap_days").text() == (
        "The longest gap cannot be shorter than keeping in touch every 30 days."
    )
    assert not dialog.save_button.isEnabled()
    dialog.longest_gap.setValue(60)
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert stored(ada) == ("Regular", None, 60)


def test_a_tier_deleted_while_the_form_was_closed_is_shown_and_refused(qtbot, database):
    ada = people.create_person(people.PersonData(name="Ada", tier="Regular"))
    dialog_data = people.get_person(ada)
    db.execute_sql("UPDATE tie_tier SET name = 'Gone', name_key = 'gone' WHERE name = 'Regular'")
    dialog = open_dialog(qtbot, ada)
    dialog.set_data(dialog_data)  # the form as it was read, before the rename
    assert dialog.tier.currentText() == "Regular"
    assert not dialog.save_button.isEnabled()
