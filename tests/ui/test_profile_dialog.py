"""The profile form: my skills, target roles and pitch, saved to the single profile row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit

from desktop.core import people, profile
from desktop.core.profile import ProfileData
from desktop.ui import plain
from desktop.ui.dialogs.profile_dialog import EXPLANATION, ProfileDialog
from desktop.ui.widgets.tag_edit import TagEdit


def open_dialog(qtbot):
    dialog = ProfileDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_fill_in_and_save(qtbot, database):
    dialog = open_dialog(qtbot)
    assert dialog.windowTitle() == "My profile"
    assert dialog.save_button.isEnabled()  # everything is optional
    dialog.name.setText("Maya Chen")
    dialog.skills.editor.setText("SQL")
    qtbot.keyClick(dialog.skills.editor, Qt.Key.Key_Return)
    dialog.skills.editor.setText("Python")  # still being typed: not lost
    dialog.target_roles.editor.setText("Data engineer,")
    dialog.target_roles.editor.textEdited.emit("Data engineer,")
    dialog.target_roles.editor.setText("Analytics lead")
    dialog.pitch.setPlainText("I build data platforms.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == ProfileDialog.DialogCode.Accepted
    assert dialog.saved_id == 1
    assert profile.get_profile() == ProfileData(
        name="Maya Chen",
        skills=["Python", "SQL"],
        target_roles=["Data engineer", "Analytics lead"],
        pitch="I build data platforms.",
    )


def test_overlong_pitch_keeps_save_disabled_and_says_why(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.pitch.setPlainText("y" * 1001)
    message = dialog.form.message("pitch")
    assert message.isVisible()
    assert "one thousand characters" in message.text()
    assert not dialog.save_button.isEnabled()
    assert "one thousand characters" in dialog.save_button.toolTip()
    dialog.pitch.setPlainText("y" * 1000)
    assert not message.isVisible()
    assert dialog.save_button.isEnabled()


def test_reopening_shows_saved_values(qtbot, database):
    saved = ProfileData(
        name="Maya Chen",
        skills=["Airflow", "SQL"],
        target_roles=["Data engineer"],
        pitch="Hello.",
    )
    profile.save_profile(saved)
    dialog = open_dialog(qtbot)
    assert dialog.data() == saved
    assert not dialog.has_changes()
    dialog.pitch.setPlainText("Hello again.")
    dialog.save()
    reopened = open_dialog(qtbot)
    assert reopened.pitch.toPlainText() == "Hello again."
    assert reopened.skills.tags() == ["Airflow", "SQL"]


def test_skills_complete_from_known_skills(qtbot, database):
    people.create_person(people.PersonData(name="Ada", offers=["PostgreSQL"]))
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.skills.editor, "gres")
    popup = dialog.skills.editor.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.skills.tags() == ["PostgreSQL"]
    assert dialog.isVisible()


def test_discard_question_names_the_profile(qtbot, database, monkeypatch):
    asked = []
    monkeypatch.setattr(plain, "confirm_discard", lambda parent, q: asked.append(q) or True)
    dialog = open_dialog(qtbot)
    dialog.name.setText("Maya")
    dialog.reject()
    assert asked == ["Discard your changes to your profile?"]
    assert profile.get_profile() == ProfileData()


def test_explanation_is_plain_text_at_the_top(qtbot, database):
    dialog = open_dialog(qtbot)
    assert dialog.explanation.text() == EXPLANATION
    assert dialog.explanation.textFormat() == Qt.TextFormat.PlainText
    assert dialog.explanation.y() < dialog.name.mapTo(dialog, dialog.name.rect().topLeft()).y()


def test_tab_leaves_the_pitch(qtbot, database):
    dialog = open_dialog(qtbot)
    assert dialog.pitch.tabChangesFocus()


def test_every_interactive_widget_has_an_accessible_name(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.skills.set_tags(["Python"])
    interactive = [
        widget
        for kind in (QLineEdit, QPlainTextEdit, QAbstractButton, TagEdit)
        for widget in dialog.findChildren(kind)
    ]
    assert len(interactive) >= 7  # name, 2 tag fields and their editors, pitch, chip, buttons
    assert [w for w in interactive if not w.accessibleName()] == []
    captions = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Name", "&Skills I offer", "&Roles I am targeting", "&Pitch"} <= captions
    assert dialog.name.accessibleName() == "Name"
    assert dialog.skills.editor.accessibleName() == "Skills I offer"
    assert dialog.target_roles.editor.accessibleName() == "Roles I am targeting"
    assert dialog.pitch.accessibleName() == "Pitch"
