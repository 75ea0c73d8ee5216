"""Ctrl+K, Go to anything: from anywhere, type, arrows, Enter opens; commands run."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import actions, companies, needs, opportunities, people
from desktop.core.actions import ActionData
from desktop.core.needs import NeedData
from desktop.core.opportunities import OpportunityData
from desktop.core.people import PersonData


@pytest.fixture
def network(database):
    ada = people.create_person(PersonData(name="Ada Lovelace", company="Analytical Engines"))
    grace = people.create_person(PersonData(name="Grace Hopper", company="Navy Labs"))
    need = needs.create_need(NeedData(company="Navy Labs", title="Compile the fleet manuals"))
    opportunity = opportunities.create_opportunity(
        OpportunityData(company="Navy Labs", title="Compiler writer")
    )
    action = actions.create_action(
        ActionData(
            occurred_on=date(2026, 3, 2),
            counterpart_id=grace,
            summary="Sent Grace the bug report from the Mark II",
        )
    )
    company = companies.find_company("Analytical Engines")
    return {
        "ada": ada,
        "grace": grace,
        "need": need,
        "opportunity": opportunity,
        "action": action,
        "company": company,
    }


def open_box(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.goto_dialog is not None and window.goto_dialog.isVisible())
    dialog = window.goto_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.box)
    return dialog


def go(qtbot, window, typed, downs=0):
    dialog = open_box(qtbot, window)
    qtbot.keyClicks(dialog.box, typed, delay=15)
    for _ in range(downs):
        qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    chosen = dialog.found.currentItem().text(0)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.goto_dialog is None or not window.goto_dialog.isVisible())
    qtbot.wait(50)  # what was chosen opens once the box has closed
    return chosen


def test_ctrl_k_finds_a_person_and_enter_opens_them(qtbot, network, window):
    window.show_page("dashboard")
    assert go(qtbot, window, "ada lov") == "Ada Lovelace"
    assert window.current_page() == "people"
    assert window.people_page.current_id() == network["ada"]
    assert window.people_page.pane.title.text() == "Ada Lovelace"


@pytest.mark.parametrize(
    ("typed", "page", "key"),
    [
        ("analytical", "companies", "company"),
        ("fleet manuals", "needs", "need"),
        ("compiler wri", "opportunities", "opportunity"),
    ],
)
def test_each_kind_opens_on_its_page(qtbot, network, window, typed, page, key):
    go(qtbot, window, typed)
    assert window.current_page() == page
    assert window.pages[page].current_id() == network[key]


def test_an_action_is_found_by_its_summary_and_shown_in_the_timeline(qtbot, network, window):
    dialog = open_box(qtbot, window)
    qtbot.keyClicks(dialog.box, "mark ii", delay=15)
    kinds = [hit.kind for hit in dialog.hits()]
    assert kinds == ["action"]
    assert "Grace Hopper" in dialog.found.topLevelItem(0).text(1)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() == "timeline")
    assert window.timeline_page.current_id() == network["action"]


def test_arrows_choose_among_what_was_found(qtbot, network, window):
    dialog = open_box(qtbot, window)
    qtbot.keyClicks(dialog.box, "compil", delay=15)  # a need and an opportunity
    titles = [hit.title for hit in dialog.hits()]
    assert sorted(titles) == ["Compile the fleet manuals", "Compiler writer"]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    assert dialog.found.currentItem().text(0) == titles[1]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Up)  # stays on the first
    assert dialog.found.currentItem().text(0) == titles[0]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.goto_dialog is None or not window.goto_dialog.isVisible())


def test_a_command_is_run_by_its_name(qtbot, network, window):
    window.show_page("people")
    assert go(qtbot, window, "timeline") == "Timeline"
    assert window.current_page() == "timeline"


def test_a_command_that_opens_a_form_opens_it(qtbot, network, window, on_next):
    from desktop.ui.dialogs.company_dialog import CompanyDialog

    seen = []
    on_next(CompanyDialog, lambda dialog: (seen.append(type(dialog)), dialog.reject()))
    assert go(qtbot, window, "new comp") == "New company"
    qtbot.waitUntil(lambda: seen == [CompanyDialog])


def test_nothing_found_says_so_and_enter_does_nothing(qtbot, network, window):
    dialog = open_box(qtbot, window)
    qtbot.keyClicks(dialog.box, "qqqqzz", delay=15)
    assert dialog.hits() == []
    assert dialog.status.text() == "Nothing found for “qqqqzz”."
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert dialog.isVisible()
    dialog.reject()


def test_a_person_added_is_found_at_once(qtbot, network, window, on_next):
    from desktop.ui.dialogs.person_dialog import PersonDialog

    def add(dialog):
        dialog.name.setText("Linus Pauling")
        dialog.save()

    on_next(PersonDialog, add)
    window.new_person_action.trigger()
    assert go(qtbot, window, "pauling") == "Linus Pauling"
    assert window.people_page.pane.title.text() == "Linus Pauling"


def test_names_are_read_ahead_off_the_window_thread_after_a_change(qtbot, network, window):
    from desktop.core import goto
    from desktop.core.changes import Changed
    from desktop.ui import ops

    goto.forget()
    window.read_names_ahead(after_ms=0)
    qtbot.waitUntil(lambda: goto._names is not None, timeout=5000)
    ops.wait_all()
    people.create_person(PersonData(name="Katherine Johnson"))
    window.note_changes(Changed.PEOPLE)  # as a save does: the names go, and are read again
    assert goto._names is None
    qtbot.waitUntil(lambda: goto._names is not None, timeout=8000)
    ops.wait_all()
    assert [hit.title for hit in goto.search("katherine")] == ["Katherine Johnson"]


def test_a_submenu_command_is_found_by_its_menu_too(qtbot, network, window):
    dialog = open_box(qtbot, window)
    qtbot.keyClicks(dialog.box, "export", delay=15)
    titles = [hit.title for hit in dialog.hits() if hit.kind == "command"]
    assert titles and all(title.startswith("Export ") for title in titles)
    dialog.reject()


def test_ctrl_n_makes_a_new_one_of_what_the_page_lists(qtbot, network, window, on_next):
    """As found: Ctrl+N on Opportunities opened the person form."""
    from desktop.ui.dialogs.opportunity_dialog import OpportunityDialog

    window.show_page("opportunities")
    assert window.new_person_action.text() == "New &opportunity…"
    assert not window.new_opportunity_action.isVisible()  # not said twice in the menu
    seen = []
    on_next(OpportunityDialog, lambda dialog: (seen.append(type(dialog)), dialog.reject()))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: seen == [OpportunityDialog])
    window.show_page("timeline")
    assert window.new_person_action.text() == "New &person…"
    assert window.new_opportunity_action.isVisible()
