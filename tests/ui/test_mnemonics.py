"""Every underlined letter in every form reaches its field, and no two share a letter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from desktop.ui.dialogs.action_dialog import ActionDialog
from desktop.ui.dialogs.company_dialog import CompanyDialog
from desktop.ui.dialogs.need_dialog import NeedDialog
from desktop.ui.dialogs.opportunity_dialog import OpportunityDialog
from desktop.ui.dialogs.person_dialog import PersonDialog
from desktop.ui.dialogs.profile_dialog import ProfileDialog

FORMS = [PersonDialog, ActionDialog, CompanyDialog, NeedDialog, OpportunityDialog, ProfileDialog]


def mnemonic(text: str) -> str:
    """The underlined letter of a label ('Skills &offered' -> 'O'), or ''."""
    key = QKeySequence.mnemonic(text)
    return key.toString().removeprefix("Alt+") if not key.isEmpty() else ""


def shown_labels(dialog) -> list[tuple[str, QLabel]]:
    return [
        (mnemonic(label.text()), label)
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None
        and label.isVisible()
        and label.buddy().isEnabled()  # a list with nothing to choose yet
        and mnemonic(label.text())
    ]


def shown_buttons(dialog) -> list[tuple[str, QAbstractButton]]:
    return [
        (mnemonic(button.text()), button)
        for button in dialog.findChildren(QAbstractButton)
        if button.isVisible() and mnemonic(button.text())
    ]


def open_active(qtbot, form):
    dialog = form(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def holds_focus(field: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is field or (focus is not None and field.isAncestorOf(focus))


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.__name__)
def test_each_underlined_letter_moves_to_its_field(qtbot, database, form):
    dialog = open_active(qtbot, form)
    labels = shown_labels(dialog)
    assert labels, "the form has labelled fields"
    for letter, label in labels:
        qtbot.keyClick(
            QApplication.focusWidget(),
            QKeySequence(letter)[0].key(),
            Qt.KeyboardModifier.AltModifier,
        )
        assert holds_focus(label.buddy()), f"Alt+{letter} did not reach {label.text()!r}"


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.__name__)
def test_no_two_things_in_a_form_share_an_underlined_letter(qtbot, database, form):
    dialog = open_active(qtbot, form)
    seen: dict[str, str] = {}
    for letter, widget in [*shown_labels(dialog), *shown_buttons(dialog)]:
        assert letter not in seen, f"{widget.text()!r} and {seen[letter]!r} share Alt+{letter}"
        seen[letter] = widget.text()


def test_a_skill_typed_after_alt_o_goes_to_skills_offered_not_into_the_email(qtbot, database):
    """As found: Alt+O did nothing, so 'Robotics' ran on into Email and was saved."""
    dialog = open_active(qtbot, PersonDialog)
    qtbot.keyClicks(QApplication.focusWidget(), "Dana Ruiz")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "dana@acmerobotics.com")
    for letter, skill in ((Qt.Key.Key_O, "Robotics"), (Qt.Key.Key_S, "Mentoring")):
        qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClicks(QApplication.focusWidget(), skill)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # adds the chip
    assert dialog.email.text() == "dana@acmerobotics.com"
    assert dialog.offers.tags() == ["Robotics"]
    assert dialog.seeks.tags() == ["Mentoring"]


def test_an_email_run_on_into_another_word_is_refused_with_what_was_meant(qtbot, database):
    dialog = open_active(qtbot, PersonDialog)
    dialog.name.setText("Dana Ruiz")
    qtbot.keyClicks(dialog.email, "dana@acmerobotics.comRobotics")
    message = dialog.form.message("email")
    assert message.isVisible()
    assert "“.comRobotics” is not a top-level domain" in message.text()
    assert "Did you mean dana@acmerobotics.com?" in message.text()
    assert not dialog.save_button.isEnabled()
