"""Coming back to the window after an import on a worker: not another program's change."""

from __future__ import annotations

from desktop.ui import transfer

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Byron,https://www.linkedin.com/in/ada-byron,,Analytical Engines,Countess,3 Mar 2025\n"
)


def test_an_import_on_a_worker_is_not_taken_for_a_change_made_elsewhere(
    qtbot, window, tmp_path, on_next_dialog
):
    path = tmp_path / "Connections.csv"
    path.write_text(CONNECTIONS, encoding="utf-8")
    on_next_dialog(lambda dialog: dialog.import_button.click())
    assert transfer._import_chosen(window, "linkedin", path)
    assert window.safety.notice_outside_changes() is False  # what coming back does
    assert window.statusBar().currentMessage() == "The import is done; everyone is searchable."
    assert window.history.undo_action.isEnabled()
