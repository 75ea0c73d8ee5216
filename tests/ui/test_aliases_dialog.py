"""The skill aliases dialog: edit the list as a table, checked as you type, saved at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QTableWidget

from desktop.core import aliases, matching
from desktop.core.aliases import Alias
from desktop.ui import plain
from desktop.ui.dialogs.aliases_dialog import EXPLANATION, AliasesDialog


def open_dialog(qtbot):
    dialog = AliasesDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # keys and focus go to the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def rows(dialog) -> list[tuple[str, str]]:
    table = dialog.table
    return [
        (table.item(row, 0).text(), table.item(row, 1).text()) for row in range(table.rowCount())
    ]


def row_of(dialog, alias: str) -> int:
    return [a for a, _ in rows(dialog)].index(alias)


def editor() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit)
    return widget


def test_shows_the_aliases_in_order_under_an_explanation(qtbot, database):
    dialog = open_dialog(qtbot)
    assert dialog.windowTitle() == "Skill aliases"
    assert dialog.explanation.text() == EXPLANATION
    assert dialog.explanation.textFormat() == Qt.TextFormat.PlainText
    assert dialog.explanation.y() < dialog.table.y()
    table = dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in (0, 1)] == ["Short form", "Stands for"]
    assert rows(dialog) == [tuple(a) for a in aliases.list_aliases()]
    assert rows(dialog)[0] == ("AI", "Artificial intelligence")
    assert dialog.save_button.isEnabled() and not dialog.message.isVisible()


def test_add_a_row_see_its_problem_fix_it_and_save(qtbot, database):
    dialog = open_dialog(qtbot)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    new_row = dialog.table.rowCount() - 1
    assert dialog.table.currentRow() == new_row
    assert editor().accessibleName() == "Short form"
    qtbot.keyClicks(editor(), "Pandas")
    # checked as typed, before the cell is left
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Write the skill that 'Pandas' stands for."
    assert not dialog.save_button.isEnabled()
    assert "Write the skill that" in dialog.save_button.toolTip()
    assert "Write the skill that" in dialog.table.item(new_row, 1).toolTip()

    qtbot.keyClick(editor(), Qt.Key.Key_Tab)
    assert editor().accessibleName() == "Stands for"
    qtbot.keyClicks(editor(), "pandas")
    assert (
        dialog.message.text()
        == "'Pandas' cannot stand for itself; write the skill it is short for."
    )
    assert not dialog.save_button.isEnabled()
    editor().clear()
    qtbot.keyClicks(editor(), "Python dataframes")
    assert not dialog.message.isVisible()
    assert dialog.save_button.isEnabled()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == AliasesDialog.DialogCode.Accepted
    assert Alias("Pandas", "Python dataframes") in aliases.list_aliases()
    assert len(aliases.list_aliases()) == 21
    assert matching.canonical_key("pandas") == "python dataframes"


def test_a_chain_is_explained_and_blocks_saving(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.table.item(row_of(dialog, "TS"), 1).setText("JS")
    assert dialog.message.text() == (
        "'TS' stands for 'JS', which is itself short for 'JavaScript'."
        " Let 'TS' stand for 'JavaScript' instead."
    )
    assert not dialog.save_button.isEnabled()
    dialog.save()  # refused, and nothing typed is lost
    assert dialog.isVisible()
    assert dialog.table.item(row_of(dialog, "TS"), 1).text() == "JS"
    assert aliases.alias_map()["ts"] == "typescript"


def test_remove_rows_with_the_button_and_the_delete_key(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.table.clearSelection()
    assert not dialog.remove_button.isEnabled()
    dialog.table.selectRow(row_of(dialog, "JS"))
    assert dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    dialog.table.selectRow(row_of(dialog, "K8s"))
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert "JS" not in dict(rows(dialog)) and "K8s" not in dict(rows(dialog))
    assert dialog.table.rowCount() == 18
    dialog.save()
    assert dialog.result() == AliasesDialog.DialogCode.Accepted
    saved = {a.alias for a in aliases.list_aliases()}
    assert len(saved) == 18 and not {"JS", "K8s"} & saved
    assert matching.canonical_key("JS") != matching.canonical_key("JavaScript")


def test_an_unused_new_row_is_dropped_without_a_question(qtbot, database, monkeypatch):
    asked = []
    monkeypatch.setattr(plain, "confirm_discard", lambda parent, q: asked.append(q) or True)
    dialog = open_dialog(qtbot)
    dialog.add_alias()
    assert dialog.save_button.isEnabled() and not dialog.has_changes()
    dialog.reject()
    assert asked == [] and not dialog.isVisible()


def test_cancel_asks_before_discarding_changes(qtbot, database, monkeypatch):
    answers = [False, True]
    asked = []

    def confirm(parent, question):
        asked.append(question)
        return answers.pop(0)

    monkeypatch.setattr(plain, "confirm_discard", confirm)
    dialog = open_dialog(qtbot)
    dialog.table.item(0, 1).setText("AI research")
    dialog.reject()
    assert dialog.isVisible()  # kept editing
    dialog.reject()
    assert asked == ["Discard your changes to the skill aliases?"] * 2
    assert not dialog.isVisible()
    assert aliases.alias_map()["ai"] == "artificial intelligence"


def test_edit_says_whether_anything_was_saved(qtbot, database, on_next_dialog):
    def save(dialog):
        assert isinstance(dialog, AliasesDialog)
        dialog.table.item(0, 1).setText("Applied intelligence")
        dialog.save_button.click()

    on_next_dialog(save)
    assert AliasesDialog.edit(None) is True
    assert aliases.alias_map()["ai"] == "applied intelligence"

    on_next_dialog(lambda dialog: dialog.reject())
    assert AliasesDialog.edit(None) is False


def test_user_text_stays_plain(qtbot, database):
    dialog = open_dialog(qtbot)
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText
    dialog.table.item(0, 0).setText("<i>A</i>")
    dialog.table.item(0, 1).setText("")
    assert dialog.message.text() == "Write the skill that '<i>A</i>' stands for."
    assert "&lt;i&gt;A&lt;/i&gt;" in dialog.table.item(0, 1).toolTip()


def test_every_interactive_widget_has_an_accessible_name(qtbot, database):
    dialog = open_dialog(qtbot)
    dialog.table.setCurrentCell(0, 0)
    dialog.edit_current()
    assert editor().accessibleName() == "Short form"
    interactive = [
        widget
        for kind in (QLineEdit, QAbstractButton, QTableWidget)
        for widget in dialog.findChildren(kind)
        if widget.isVisible()
    ]
    assert len(interactive) >= 6  # the table, its editor, Add, Remove, Save, Cancel
    assert [w for w in interactive if not w.accessibleName()] == []
    assert dialog.table.accessibleName() == "Skill aliases"
    assert dialog.add_button.accessibleName() == "Add an alias"
    assert dialog.remove_button.accessibleName() == "Remove the selected aliases"
