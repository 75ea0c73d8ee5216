"""The person form: as-you-type checks, Save only when valid, nothing typed is lost."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel

from desktop.core import people
from desktop.store.connection import db
from desktop.ui import plain
from desktop.ui.dialogs.person_dialog import PersonDialog


def person_count() -> int:
    return db.execute_sql("SELECT count(*) FROM person").fetchone()[0]


def open_dialog(qtbot, person_id=None):
    dialog = PersonDialog(None, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_add_a_person_through_the_dialog(qtbot, database):
    dialog = open_dialog(qtbot)
    assert not dialog.save_button.isEnabled()  # no name yet
    dialog.name.setText("Maya Chen")
    dialog.company.setText("Northwind")
    dialog.title.setText("Data engineer")
    dialog.role_boxes["job_seeker"].setChecked(True)
    dialog.email.setText("maya@example.com")
    dialog.linkedin_url.setText("https://www.linkedin.com/in/maya")
    dialog.offers.editor.setText("SQL")
    qtbot.keyClick(dialog.offers.editor, Qt.Key.Key_Return)
    dialog.offers.editor.setText("Airflow,")
    dialog.offers.editor.textEdited.emit("Airflow,")
    dialog.seeks.editor.setText("Data platform roles")  # still being typed: not lost
    dialog.met_on.set_value(date(2026, 5, 2))
    dialog.cadence.setValue(21)
    dialog.notes_edit.setPlainText("Looking for remote work.")
    assert "saving adds it" in dialog.form.message("company").text()
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == PersonDialog.DialogCode.Accepted
    saved = people.get_person(dialog.saved_id)
    assert saved == people.PersonData(
        name="Maya Chen",
        company="Northwind",
        title="Data engineer",
        email="maya@example.com",
        linkedin_url="https://www.linkedin.com/in/maya",
        roles=("job_seeker",),
        offers=["Airflow", "SQL"],
        seeks=["Data platform roles"],
        met_on=date(2026, 5, 2),
        cadence_days=21,
        notes="Looking for remote work.",
    )


def test_invalid_email_keeps_save_disabled_and_says_why(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.name.setText("Maya Chen")
    qtbot.keyClicks(dialog.email, "maya@")
    message = dialog.form.message("email")
    assert message.isVisible()
    assert "not a valid email address" in message.text()
    assert not dialog.save_button.isEnabled()
    assert "not a valid email address" in dialog.save_button.toolTip()
    qtbot.keyClicks(dialog.email, "example.com")
    assert not message.isVisible()
    assert dialog.save_button.isEnabled()


def test_name_error_appears_only_after_touching_the_field(qtbot, database):
    dialog = open_dialog(qtbot)
    assert not dialog.form.message("name").isVisible()
    qtbot.keyClicks(dialog.name, "M")
    dialog.name.clear()
    assert dialog.form.message("name").text() == "A person needs a name."


def test_rejected_save_keeps_everything_typed(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.name.setText("Maya")
    dialog.notes_edit.setPlainText("long notes I do not want to lose")
    dialog.email.blockSignals(True)  # slip a bad value past the live check
    dialog.email.setText("not-an-email")
    dialog.email.blockSignals(False)
    dialog.save()
    assert dialog.isVisible() and dialog.result() != PersonDialog.DialogCode.Accepted
    assert dialog.notes_edit.toPlainText() == "long notes I do not want to lose"
    assert dialog.email.text() == "not-an-email"
    assert "not a valid email address" in dialog.form.message("email").text()
    assert person_count() == 0


def test_duplicate_email_warns_but_allows_saving(qtbot, add_people):
    add_people(people.PersonData(name="Ada", email="ada@example.org"))
    dialog = open_dialog(qtbot)
    dialog.name.setText("Augusta")
    dialog.email.setText("ADA@example.org")
    assert "Ada already has this email address" in dialog.form.message("email").text()
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert person_count() == 2


def test_editing_shows_saved_values_and_updates(qtbot, add_people):
    (person_id,) = add_people(
        people.PersonData(name="Ada", company="Acme", roles=("mentor",), offers=["Python"])
    )
    dialog = open_dialog(qtbot, person_id)
    assert dialog.windowTitle() == "Edit person"
    assert dialog.company.text() == "Acme"
    assert dialog.role_boxes["mentor"].isChecked()
    assert dialog.offers.tags() == ["Python"]
    dialog.title.setText("CTO")
    dialog.save()
    assert people.get_person(person_id).title == "CTO"


def test_tag_chip_removal_and_backspace(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.offers.set_tags(["Python", "SQL", "Go"])
    chip = dialog.offers._chips[0]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert dialog.offers.tags() == ["SQL", "Go"]
    dialog.offers.editor.setFocus()
    qtbot.keyClick(dialog.offers.editor, Qt.Key.Key_Backspace)
    assert dialog.offers.tags() == ["SQL"]


def test_escape_on_an_untouched_form_just_closes(qtbot, database, monkeypatch):
    monkeypatch.setattr(plain, "confirm_discard", lambda *a: pytest.fail("asked needlessly"))
    dialog = open_dialog(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.mark.parametrize("discard", [True, False])
def test_escape_asks_before_throwing_typing_away(qtbot, database, monkeypatch, discard):
    asked = []
    monkeypatch.setattr(plain, "confirm_discard", lambda parent, q: asked.append(q) or discard)
    dialog = open_dialog(qtbot)
    dialog.name.setText("Maya")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Discard this new person?"]
    assert dialog.isVisible() is not discard
    assert dialog.name.text() == "Maya"
    assert person_count() == 0


def test_discard_question_names_the_person_being_edited(qtbot, add_people, monkeypatch):
    (ada,) = add_people("Ada Lovelace")
    asked = []
    monkeypatch.setattr(plain, "confirm_discard", lambda parent, q: asked.append(q) or True)
    dialog = open_dialog(qtbot, ada)
    dialog.title.setText("CTO")
    dialog.reject()
    assert asked == ["Discard your changes to Ada Lovelace?"]
    assert people.get_person(ada).title == ""


def test_real_discard_box_keeps_editing_on_escape(
    qtbot, database, on_next_dialog, real_confirm_discard
):
    from PySide6.QtWidgets import QMessageBox

    dialog = open_dialog(qtbot)
    dialog.name.setText("Maya")

    def press_escape(box):
        assert isinstance(box, QMessageBox)
        assert box.text() == "Discard this new person?"
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    on_next_dialog(press_escape)
    dialog.reject()
    assert dialog.isVisible() and dialog.name.text() == "Maya"
    dialog.done(0)  # close without asking again


def test_met_on_starts_empty_steps_from_today_and_clears_with_delete(qtbot, database):
    from datetime import timedelta

    dialog = open_dialog(qtbot)
    assert dialog.met_on.value() is None and dialog.met_on.placeholderText() == "Not set"
    qtbot.keyClick(dialog.met_on, Qt.Key.Key_Down)
    assert dialog.met_on.value() == date.today() - timedelta(days=1)
    qtbot.keyClick(dialog.met_on, Qt.Key.Key_Delete)
    assert dialog.met_on.value() is None


def test_enter_on_company_suggestions_picks_one_and_does_not_save(qtbot, database):
    from desktop.core import companies

    for name in ("Cobalt Health", "Cobalt Academy", "Northwind"):
        companies.create_company(companies.CompanyData(name=name))
    dialog = open_dialog(qtbot)
    dialog.name.setText("Maya")
    qtbot.keyClicks(dialog.company, "cobalt")
    popup = dialog.company.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert dialog.company.text() == "Cobalt Academy"
    assert dialog.isVisible() and person_count() == 0
    assert companies.company_count() == 3


def test_enter_on_skill_suggestions_makes_a_chip_and_does_not_save(qtbot, add_people):
    add_people(people.PersonData(name="Ada", offers=["PostgreSQL", "Python"]))
    dialog = open_dialog(qtbot)
    dialog.name.setText("Maya")
    qtbot.keyClicks(dialog.offers.editor, "gres")
    popup = dialog.offers.editor.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.offers.tags() == ["PostgreSQL"]
    assert dialog.offers.editor.text() == ""
    assert dialog.isVisible() and person_count() == 1


def test_pasted_list_of_skills_becomes_chips(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.offers.editor.setText("Python, SQL; Go,")
    dialog.offers.editor.textEdited.emit("Python, SQL; Go,")
    assert dialog.offers.tags() == ["Python", "SQL", "Go"]
    assert dialog.offers.editor.text() == ""


def test_save_tooltip_shows_user_text_literally(qtbot, database):
    from desktop.core import companies

    companies.create_company(companies.CompanyData(name="<b>Bold</b> Inc"))
    from desktop.ui.dialogs.company_dialog import CompanyDialog

    dialog = CompanyDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("<b>bold</b> inc")
    assert "&lt;b&gt;Bold&lt;/b&gt; Inc" in dialog.save_button.toolTip()


def test_keep_in_touch_reads_naturally(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.cadence.setValue(1)
    assert dialog.cadence.text() == "every 1 day"
    dialog.cadence.setValue(14)
    assert dialog.cadence.text() == "every 14 days"
    dialog.cadence.setValue(0)
    assert dialog.cadence.text() == "Not set"


# -- the parts of the name, folded under it ------------------------------------------------
PARTS = {
    "name_prefix": "Dr",
    "given_name": "Lisette",
    "middle_name": "Marie",
    "family_name": "Schutte",
    "name_suffix": "PhD",
}


def open_active(qtbot, person_id=None):
    """The dialog as the active window, so keys and focus behave as for a user."""
    dialog = open_dialog(qtbot, person_id)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def focused():
    return QApplication.focusWidget()


def press_tab(qtbot):
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    return focused()


def parts_shown(dialog) -> list[bool]:
    return [edit.isVisible() for edit in dialog.name_parts.values()]


def stored_parts(person_id: int) -> dict[str, str]:
    row = db.execute_sql(
        f"SELECT {', '.join(people.NAME_PARTS)} FROM person WHERE id = ?", (person_id,)
    ).fetchone()
    return dict(zip(people.NAME_PARTS, row, strict=True))


def test_name_parts_unfold_from_the_keyboard_and_are_saved(qtbot, database):
    dialog = open_active(qtbot)
    toggle = dialog.name_parts_toggle
    assert toggle.isVisible() and not toggle.isChecked()
    assert parts_shown(dialog) == [False] * 5
    assert focused() is dialog.name
    qtbot.keyClicks(dialog.name, "Dr Lisette Schutte, PhD")
    assert press_tab(qtbot) is toggle
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert toggle.isChecked() and parts_shown(dialog) == [True] * 5
    for key, text in PARTS.items():  # in reading order: prefix, given, middle, family, suffix
        assert press_tab(qtbot) is dialog.name_parts[key]
        qtbot.keyClicks(dialog.name_parts[key], text)
    assert press_tab(qtbot) is dialog.company
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert stored_parts(dialog.saved_id) == PARTS
    assert people.get_person(dialog.saved_id).name == "Dr Lisette Schutte, PhD"


def test_folded_parts_are_skipped_by_tab(qtbot, database):
    dialog = open_active(qtbot)
    assert press_tab(qtbot) is dialog.name_parts_toggle
    assert press_tab(qtbot) is dialog.company


def test_a_name_alone_never_fills_the_parts(qtbot, database):
    dialog = open_active(qtbot)
    qtbot.keyClicks(dialog.name, "Lisette Schutte, PhD")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert stored_parts(dialog.saved_id) == dict.fromkeys(people.NAME_PARTS, "")

    again = open_dialog(qtbot, dialog.saved_id)
    assert not again.name_parts_toggle.isChecked()
    assert parts_shown(again) == [False] * 5
    assert [edit.text() for edit in again.name_parts.values()] == [""] * 5
    assert not again.name_parts_summary.isVisible()


def test_a_person_with_parts_opens_with_them_shown_and_edits_them(qtbot, add_people):
    (lisette,) = add_people(people.PersonData(name="Dr Lisette Schutte, PhD", **PARTS))
    (plain_name,) = add_people("Maya Chen")
    dialog = open_active(qtbot, lisette)
    assert dialog.name_parts_toggle.isChecked()
    assert parts_shown(dialog) == [True] * 5
    assert {key: edit.text() for key, edit in dialog.name_parts.items()} == PARTS
    assert not dialog.name_parts_summary.isVisible()
    dialog.name_parts["middle_name"].clear()
    qtbot.keyClicks(dialog.name_parts["family_name"], "-Meyer")
    dialog.save()
    assert stored_parts(lisette) == {**PARTS, "middle_name": "", "family_name": "Schutte-Meyer"}
    assert people.get_person(plain_name) == people.PersonData(name="Maya Chen")

    only_family = people.create_person(people.PersonData(name="Bo", family_name="Bo"))
    assert open_dialog(qtbot, only_family).name_parts_toggle.isChecked()
    assert not open_dialog(qtbot, plain_name).name_parts_toggle.isChecked()


def test_folding_keeps_the_parts_and_says_what_they_hold(qtbot, add_people):
    (lisette,) = add_people(people.PersonData(name="Lisette Schutte", **PARTS))
    dialog = open_active(qtbot, lisette)
    qtbot.mouseClick(dialog.name_parts_toggle, Qt.MouseButton.LeftButton)
    assert parts_shown(dialog) == [False] * 5
    summary = dialog.name_parts_summary
    assert summary.isVisible()
    assert summary.text() == (
        "Prefix: Dr · Given: Lisette · Middle: Marie · Family: Schutte · Suffix: PhD"
    )
    assert "Given: Lisette" in dialog.name_parts_toggle.toolTip()
    qtbot.mouseClick(dialog.name_parts_toggle, Qt.MouseButton.LeftButton)
    assert parts_shown(dialog) == [True] * 5 and not summary.isVisible()
    dialog.name_parts["family_name"].setText("<b>Schutte</b>")
    dialog.name_parts_toggle.click()
    assert "Family: <b>Schutte</b>" in summary.text()  # user text, shown as typed
    assert "&lt;b&gt;Schutte" in dialog.name_parts_toggle.toolTip()
    dialog.name_parts["family_name"].setText("Schutte")
    dialog.save()
    assert stored_parts(lisette) == PARTS  # folded is not cleared


def test_mnemonics_unfold_the_parts_and_reach_each_field(qtbot, database):
    dialog = open_active(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.name_parts_toggle.isChecked)  # a mnemonic clicks after a flash
    assert parts_shown(dialog) == [True] * 5
    for key, letter in (
        ("name_prefix", Qt.Key.Key_X),
        ("given_name", Qt.Key.Key_G),
        ("middle_name", Qt.Key.Key_D),
        ("family_name", Qt.Key.Key_F),
        ("name_suffix", Qt.Key.Key_U),
    ):
        qtbot.keyClick(focused(), letter, Qt.KeyboardModifier.AltModifier)
        assert focused() is dialog.name_parts[key]
    qtbot.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.name_parts_toggle.isChecked())
    assert parts_shown(dialog) == [False] * 5


def test_every_name_part_is_labelled_for_screen_readers(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.name_parts_toggle.setChecked(True)
    toggle = dialog.name_parts_toggle
    assert toggle.accessibleName() == "Name parts"
    assert "given" in toggle.accessibleDescription()
    captions = {}
    for row in range(dialog.form.layout.rowCount()):
        label = dialog.form.layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if label and isinstance(label.widget(), QLabel) and label.widget().buddy():
            captions[label.widget().buddy()] = label.widget().text()
    assert {key: captions[edit] for key, edit in dialog.name_parts.items()} == {
        "name_prefix": "Prefi&x",
        "given_name": "&Given name",
        "middle_name": "Mi&ddle name",
        "family_name": "&Family name",
        "name_suffix": "S&uffix",
    }
    assert {key: edit.accessibleName() for key, edit in dialog.name_parts.items()} == {
        "name_prefix": "Prefix",
        "given_name": "Given name",
        "middle_name": "Middle name",
        "family_name": "Family name",
        "name_suffix": "Suffix",
    }


def test_the_fields_stay_in_place_as_the_parts_fold(qtbot, database):
    dialog = open_dialog(qtbot)
    folded = dialog.name.mapTo(dialog, dialog.name.rect().topLeft()).x()
    dialog.name_parts_toggle.setChecked(True)
    qtbot.waitUntil(lambda: dialog.name_parts["family_name"].isVisible())
    assert dialog.name.mapTo(dialog, dialog.name.rect().topLeft()).x() == folded
    label = dialog.form.layout.labelForField(dialog.name_parts["middle_name"].parentWidget())
    assert label.width() >= label.sizeHint().width()  # "Middle name" is not clipped


def test_rejected_save_keeps_the_name_parts_typed(qtbot, database):
    dialog = open_active(qtbot)
    qtbot.keyClicks(dialog.name, "Lisette Schutte")
    dialog.name_parts_toggle.click()
    qtbot.keyClicks(dialog.name_parts["given_name"], "Lisette")
    qtbot.keyClicks(dialog.name_parts["name_suffix"], "PhD")
    dialog.email.blockSignals(True)  # slip a bad value past the live check
    dialog.email.setText("not-an-email")
    dialog.email.blockSignals(False)
    dialog.save()
    assert dialog.isVisible() and person_count() == 0
    assert dialog.name_parts_toggle.isChecked() and parts_shown(dialog) == [True] * 5
    assert dialog.name_parts["given_name"].text() == "Lisette"
    assert dialog.name_parts["name_suffix"].text() == "PhD"


def test_typing_a_part_counts_as_a_change_to_discard(qtbot, add_people, monkeypatch):
    (ada,) = add_people("Ada Lovelace")
    asked = []
    monkeypatch.setattr(plain, "confirm_discard", lambda parent, q: asked.append(q) or True)
    dialog = open_active(qtbot, ada)
    dialog.name_parts_toggle.click()
    qtbot.keyClicks(dialog.name_parts["family_name"], "Lovelace")
    dialog.reject()
    assert asked == ["Discard your changes to Ada Lovelace?"]
    assert stored_parts(ada)["family_name"] == ""


def test_the_toggle_shows_when_it_has_the_keyboard_focus(qtbot, database):
    dialog = open_active(qtbot)
    toggle = dialog.name_parts_toggle
    unfocused = {}
    for unfolded in (False, True):
        toggle.setChecked(unfolded)
        unfocused[unfolded] = toggle.grab().toImage()
    assert press_tab(qtbot) is toggle
    for unfolded in (True, False):  # unfolded first: a flat, checked button draws no focus
        toggle.setChecked(unfolded)
        assert toggle.grab().toImage() != unfocused[unfolded]
