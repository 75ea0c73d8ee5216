"""Setting the keep-in-touch tier of several people at once from the People list, from the
keyboard: Shift and the arrows select, Ctrl+T asks for the tier, one step undoes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import people, ties
from desktop.store.connection import db
from desktop.ui.dialogs.tier_choice import TierChoiceDialog
from desktop.ui.models.people_model import HEADERS

TIER_COLUMN = HEADERS.index("Tier")


def tier_ids() -> dict[str, int | None]:
    return dict(db.execute_sql("SELECT name, tier_id FROM person").fetchall())


def shown_tiers(page) -> dict[str, str]:
    model = page.model
    return {
        model.index(row, 0).data(): model.index(row, TIER_COLUMN).data()
        for row in range(model.rowCount())
    }


def select_three_from_the_keyboard(qtbot, window, first: int):
    window.show_page("people")
    page = window.people_page
    page.refresh(select=first)
    page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    for _ in range(2):
        qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    return page


def active(qtbot, dialog) -> None:
    """Keys go to the dialog, as they do once it is on screen, not to the list behind it."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert QApplication.focusWidget() is dialog.tier


def choose(qtbot, presses: int):
    """Move down the tier list *presses* times, then Enter: the dialog's Set tier."""

    def answer(dialog):
        assert isinstance(dialog, TierChoiceDialog)
        active(qtbot, dialog)
        for _ in range(presses):
            qtbot.keyClick(dialog.tier, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.tier, Qt.Key.Key_Return)

    return answer


def test_ctrl_t_sets_the_tier_of_every_person_selected(qtbot, window, add_people, on_next_dialog):
    ada, ben, cy, _dee = add_people("Ada", "Ben", "Cy", "Dee")
    page = select_three_from_the_keyboard(qtbot, window, ada)
    assert page.selected_ids() == [ada, ben, cy]
    assert page.current_id() == cy  # the pane follows the cursor
    asked = []

    def answer(dialog):
        asked.append(dialog.findChild(type(dialog.explanation)).text())
        choose(qtbot, 1)(dialog)  # No tier, then Close

    on_next_dialog(answer)
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    close = ties.tier_named("Close")
    assert tier_ids() == {"Ada": close, "Ben": close, "Cy": close, "Dee": None}
    assert "3 people selected" in asked[0]
    assert shown_tiers(page) == {"Ada": "Close", "Ben": "Close", "Cy": "Close", "Dee": ""}
    assert page.selected_ids() == [ada, ben, cy]  # still selected, for another go
    assert page.current_id() == cy
    assert page.pane.value("cadence").text() == "Every 14 days, at most 21 (the ‘Close’ tier)"
    window.history.collect()
    assert window.history.undo_action.text() == "&Undo Set tier ‘Close’ for 3 people"
    window.history.undo_action.trigger()
    qtbot.waitUntil(lambda: set(tier_ids().values()) == {None})


def test_the_context_menu_offers_it_and_no_tier_clears_it(
    qtbot, window, add_people, on_next_dialog
):
    ada, _ben, _cy = add_people(
        people.PersonData(name="Ada", tier="Regular"),
        people.PersonData(name="Ben", tier="Close"),
        people.PersonData(name="Cy", tier="Close"),
    )
    page = select_three_from_the_keyboard(qtbot, window, ada)
    assert page.tier_action in page.table.actions()
    assert page.tier_action.isEnabled()
    on_next_dialog(choose(qtbot, 0))  # No tier
    page.tier_action.trigger()
    assert set(tier_ids().values()) == {None}
    assert page.pane.value("cadence").text() == ""


def test_cancel_changes_nobody(qtbot, window, add_people, on_next_dialog):
    ada, *_ = add_people("Ada", "Ben", "Cy")
    page = select_three_from_the_keyboard(qtbot, window, ada)

    def escape(dialog):
        active(qtbot, dialog)
        qtbot.keyClick(dialog.tier, Qt.Key.Key_Escape)

    on_next_dialog(escape)
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert set(tier_ids().values()) == {None}


def test_nothing_selected_asks_nothing(qtbot, window, add_people):
    add_people("Ada")
    page = window.people_page
    page.refresh()
    page.table.selectionModel().clearSelection()
    assert not page.tier_action.isEnabled() and not page.tier_button.isEnabled()
    page.set_tier()  # no dialog comes up: the test would hang on it
    assert set(tier_ids().values()) == {None}


def test_one_person_is_offered_their_own_tier(qtbot, window, add_people, on_next_dialog):
    (ada,) = add_people(people.PersonData(name="Ada", tier="Occasional"))
    page = window.people_page
    page.refresh(select=ada)
    seen = []

    def answer(dialog):
        seen.append(dialog.tier.currentText())
        dialog.reject()

    on_next_dialog(answer)
    page.tier_button.click()
    assert seen == ["Occasional: every 90 days, at most 135"]
