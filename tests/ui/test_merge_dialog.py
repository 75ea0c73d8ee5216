"""Edit ▸ Merge people: pick two, choose field by field, and everything moves over."""

from __future__ import annotations

from datetime import date

from desktop.core import actions, people
from desktop.core.actions import ActionData
from desktop.ui.dialogs.merge_dialog import MergeDialog


def test_merge_from_the_edit_menu(qtbot, window, on_next_dialog, monkeypatch):
    keep = people.create_person(people.PersonData(name="Ada Lovelace", email="ada@old.example"))
    other = people.create_person(
        people.PersonData(name="Ada King", email="ada@new.example", phone="+44 555")
    )
    action = actions.create_action(
        ActionData(occurred_on=date(2026, 1, 2), counterpart_id=other, summary="Tea")
    )
    window.refresh_pages()
    window.show_person(keep)
    monkeypatch.setattr("desktop.ui.dialogs.merge_dialog.confirm", lambda *a, **k: True)

    def choose(dialog: MergeDialog):
        assert dialog.keep.person_id() == keep  # the selected person is offered to keep
        assert not dialog.merge_button.isEnabled()
        dialog.other.set_person(other)
        assert sorted(dialog.groups) == ["email", "name"]
        dialog.groups["email"].button(2).setChecked(True)  # take the new address
        dialog.merge_button.click()

    on_next_dialog(choose)
    window.merge_action.trigger()
    merged = people.get_person(keep)
    assert (merged.name, merged.email, merged.phone) == (
        "Ada Lovelace", "ada@new.example", "+44 555"
    )  # fmt: skip
    assert actions.get_action(action).counterpart_id == keep
    assert people.person_count() == 1
    assert window.people_page.model.rowCount() == 1


def test_the_same_person_twice_cannot_be_merged(qtbot, database):
    ada = people.create_person(people.PersonData(name="Ada"))
    dialog = MergeDialog(None, ada)
    qtbot.addWidget(dialog)
    dialog.other.set_person(ada)
    assert not dialog.merge_button.isEnabled()


def test_possible_duplicates_are_listed_and_picked_from_the_keyboard(qtbot, database):
    from PySide6.QtCore import Qt

    from desktop.core import merging

    first = people.create_person(
        people.PersonData(name="Riley Silva", company="Company 381", email="r1@x.example")
    )
    people.create_person(people.PersonData(name="Someone Else"))
    second = people.create_person(
        people.PersonData(name="riley silva", company="Company 381", email="r2@x.example")
    )
    assert [(d.first_id, d.other_id) for d in merging.possible_duplicates()] == [(first, second)]
    dialog = MergeDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.duplicates.isVisible()
    assert dialog.duplicates_label.text().startswith("&Possible duplicates: 1 pair")
    row = dialog.duplicates.topLevelItem(0)
    assert [row.text(c) for c in range(3)] == [
        "riley silva", "Company 381 · r1@x.example", "Company 381 · r2@x.example",
    ]  # fmt: skip
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.keep  # typing a name is the first way
    qtbot.keyClick(dialog.keep, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.duplicates
    qtbot.keyClick(dialog.duplicates, Qt.Key.Key_Down)
    assert dialog.duplicates.currentItem() is row
    assert (dialog.keep.person_id(), dialog.other.person_id()) == (first, second)
    assert dialog.merge_button.isEnabled() and "email" in dialog.groups


def test_without_two_people_of_one_name_the_list_says_so(qtbot, database):
    people.create_person(people.PersonData(name="Ada"))
    dialog = MergeDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.duplicates.isVisible()
    assert dialog.duplicates_label.text().startswith("No two people share a name")
