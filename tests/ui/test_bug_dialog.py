"""The "Something went wrong" dialog: a bug said as one, the log, Copy details, the keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop import __version__, logs
from desktop.ui import errors
from desktop.ui.dialogs import bug_dialog
from desktop.ui.dialogs.bug_dialog import Bug, BugDialog


def raised_bug(doing="saving the person", **kwargs) -> Bug:
    logs.setup()
    try:
        {}["missing"]
    except KeyError as exc:
        return errors.record_bug(doing, exc, **kwargs)
    raise AssertionError("unreachable")


def open_dialog(qtbot, bug: Bug) -> BugDialog:
    dialog = BugDialog(None, bug)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_says_it_is_a_bug_what_was_done_and_where_the_log_is(qtbot):
    dialog = open_dialog(qtbot, raised_bug(saved_nothing=True))
    assert dialog.windowTitle() == "Something went wrong"
    assert dialog.heading.text() == "Something went wrong while saving the person."
    assert "a bug in Reciprocity, not something you did" in dialog.explanation.text()
    assert "Nothing was saved" in dialog.explanation.text()
    assert str(logs.log_path()) in dialog.where.text()
    assert logs.log_path().parent == logs.log_dir()


def test_says_nothing_about_saving_when_that_is_not_known(qtbot):
    dialog = open_dialog(qtbot, raised_bug(saved_nothing=None))
    assert "saved" not in dialog.explanation.text()


def test_copy_details_puts_versions_activity_and_traceback_on_the_clipboard(qtbot):
    dialog = open_dialog(qtbot, raised_bug("importing people"))
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"Reciprocity {__version__}" in copied
    assert "Python 3." in copied and "PySide6 6." in copied and "Qt 6." in copied
    assert "While: importing people" in copied
    assert "Traceback (most recent call last)" in copied
    assert "KeyError: 'missing'" in copied
    assert dialog.copied.text() == "The details are on the clipboard, ready to paste."


def test_show_log_folder_opens_the_folder_of_the_log(qtbot, monkeypatch):
    opened = []

    class Desktop:
        @staticmethod
        def openUrl(url):
            opened.append(url.toLocalFile())
            return True

    monkeypatch.setattr(bug_dialog, "QDesktopServices", Desktop)
    dialog = open_dialog(qtbot, raised_bug())
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(logs.log_dir())]


def test_without_a_log_file_the_details_can_still_be_copied(qtbot):
    dialog = open_dialog(qtbot, Bug("saving the person", "Traceback …", None))
    assert not dialog.folder_button.isEnabled()
    assert "could not be written to a log file" in dialog.where.text()
    assert dialog.copy_button.isEnabled()


def test_what_was_being_done_is_shown_as_plain_text(qtbot):
    dialog = open_dialog(qtbot, Bug("saving <b>Ada</b>", "", None))
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
    assert dialog.heading.text() == "Something went wrong while saving <b>Ada</b>."


def test_enter_and_escape_close_it(qtbot):
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        dialog = open_dialog(qtbot, raised_bug())
        assert dialog.close_button.hasFocus() or dialog.close_button.isDefault()
        qtbot.keyClick(dialog, key)
        assert not dialog.isVisible()
    # Tab reaches every button from the keyboard.
    assert all(
        b.focusPolicy() & Qt.FocusPolicy.TabFocus
        for b in (dialog.folder_button, dialog.copy_button, dialog.close_button)
    )
