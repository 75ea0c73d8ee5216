"""Warm paths on the company dossier, the opportunity and the need, driven from the keyboard;
asking for an introduction logs the request with a follow-up; and a person's positions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core import actions, companies, needs, opportunities, people, positions
from desktop.core.actions import ActionData
from desktop.core.people import PersonData
from desktop.core.positions import PositionData
from desktop.ui.dialogs.action_dialog import ActionDialog
from desktop.ui.dialogs.person_dialog import PersonDialog
from desktop.ui.dialogs.position_dialog import PositionDialog


@pytest.fixture
def network(database):
    add = people.create_person
    ana = add(PersonData(name="Ana Abel", company="Contoso", title="Analytics Lead"))
    ben = add(PersonData(name="Ben Bauer", company="Contoso"))
    finn = add(PersonData(name="Finn Fox", company="Globex"))
    positions.add_position(
        finn, PositionData(company="Contoso", title="Manager", started="2019", ended="2023")
    )
    jo = add(PersonData(name="Jo Jung"))
    actions.create_action(
        ActionData(occurred_on=date(2026, 1, 5), direction="received", kind="introduction",
                   counterpart_id=jo, beneficiary_id=finn, summary="Jo introduced me to Finn")
    )  # fmt: skip
    actions.create_action(
        ActionData(occurred_on=date(2026, 2, 5), direction="received", kind="job_lead",
                   counterpart_id=ben, summary="Ben sent a lead")
    )  # fmt: skip
    contoso = companies.find_company("Contoso")
    need = needs.create_need(needs.NeedData(company="Contoso", title="Data pipeline"))
    opportunity = opportunities.create_opportunity(
        opportunities.OpportunityData(company="Contoso", title="Analyst", need_id=need)
    )
    return dict(ana=ana, ben=ben, finn=finn, jo=jo, contoso=contoso, need=need,
                opportunity=opportunity)  # fmt: skip


def rows(view) -> list[tuple[str, str]]:
    """(group or person, why) as the tree shows them, top to bottom."""
    shown = []
    item = view.tree.topLevelItem(0)
    while item is not None:
        shown.append((item.text(0), item.text(1).split("\n")[0]))
        item = view.tree.itemBelow(item)
    return shown


def test_the_dossier_lists_current_former_and_second_degree_paths(qtbot, network, window):
    window.show_company(network["contoso"])
    view = window.companies_page.pane.warm
    assert view.isVisibleTo(window)
    assert view.heading.text() == "Warm paths (4)"
    assert rows(view) == [
        ("Works there (2)", ""),
        ("Ben Bauer", "Works at Contoso"),  # he helped me: first
        ("Ana Abel", "Works at Contoso as Analytics Lead"),
        ("Worked there (1)", ""),
        ("Finn Fox", "Worked at Contoso as Manager, 2019 – 2023"),
        ("Knows someone there (1)", ""),
        ("Jo Jung", "Introduction with Finn Fox of Contoso, Jan 2026"),
    ]
    assert view.tree.currentItem().text(0) == "Ben Bauer"
    assert "Helped you once" in view.tree.currentItem().text(1)
    # Down skips the headings' rows only as far as the next person; Enter shows her.
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    assert view.tree.currentItem().text(0) == "Ana Abel"
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert window.current_page() == "people"
    assert window.people_page.pane.title.text() == "Ana Abel"


def test_asking_for_an_introduction_logs_a_check_in_with_a_follow_up(
    qtbot, network, window, on_next
):
    window.show_company(network["contoso"])
    view = window.companies_page.pane.warm
    view.tree.setCurrentItem(view.tree.topLevelItem(1).child(0))  # Finn, who worked there
    seen = {}

    def look_then_save(dialog):
        qtbot.waitUntil(dialog.isVisible)
        seen["summary"] = dialog.summary.text()
        seen["with"] = dialog.counterpart.text()
        seen["follow_up"] = dialog.follow_up_on.value()
        qtbot.keyClick(dialog.summary, Qt.Key.Key_End)
        qtbot.keyClicks(dialog.summary, " (data team)")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)

    on_next(ActionDialog, look_then_save)
    view.ask_button.setFocus()  # Tab from the list: the button, then Space
    qtbot.keyClick(view.ask_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert seen == {
        "summary": "Asked for an introduction at Contoso",
        "with": "Finn Fox",
        "follow_up": date.today() + timedelta(days=7),
    }
    (logged,) = [
        actions.get_action(a)
        for a in actions_with(network["finn"])
        if actions.get_action(a).kind == "check_in"
    ]
    assert logged.summary == "Asked for an introduction at Contoso (data team)"
    assert (logged.direction, logged.company_id) == ("given", network["contoso"])
    assert logged.follow_up_on == date.today() + timedelta(days=7)
    assert "logged" in window.statusBar().currentMessage()


def actions_with(person_id: int) -> list[int]:
    from desktop.store import query

    return query.column("SELECT id FROM action WHERE counterpart_id = ?", (person_id,))


def test_the_opportunity_and_the_need_show_the_paths_of_their_company(
    qtbot, network, window, on_next
):
    window.show_opportunity(network["opportunity"])
    view = window.opportunities_page.pane.warm
    assert view.heading.text() == "Warm paths (4)"
    assert [r[0] for r in rows(view)][1:3] == ["Ben Bauer", "Ana Abel"]
    asked = []
    view.introduction_requested.connect(asked.append)
    on_next(ActionDialog, lambda dialog: dialog.reject())  # the form it opens: not saved
    view.ask_button.click()
    expected = {"person_id": network["ben"], "company_id": network["contoso"],
                "need_id": network["need"], "opportunity_id": network["opportunity"]}  # fmt: skip
    assert asked == [expected]
    window.show_need(network["need"])
    view = window.needs_page.pane.warm
    assert view.heading.text() == "Warm paths (4)"


def test_a_company_nobody_knows_says_how_paths_are_made(qtbot, database, window):
    lonely = companies.create_company(companies.CompanyData(name="Initrode"))
    window.companies_page.refresh()
    window.show_company(lonely)
    view = window.companies_page.pane.warm
    assert view.heading.text() == "No warm paths yet"
    assert view.empty.isVisibleTo(window) and not view.tree.isVisibleTo(window)
    assert "referrals and introductions you log" in view.empty.text()
    assert not view.ask_button.isVisibleTo(window)


def test_a_new_position_is_added_from_the_pane_and_ends_the_open_one(
    qtbot, network, window, on_next
):
    window.show_person(network["ana"])
    section = window.people_page.pane.positions
    assert section.heading.text() == "Positions (1)"
    assert section.list.item(0).text() == "Now: Analytics Lead at Contoso"

    def fill(dialog):
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.current.isChecked() is False  # she has a company: an earlier job
        qtbot.keyClicks(dialog.company, "Globex")
        qtbot.keyClick(dialog.company, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.title, "Head of Data")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.started, "Mar 2026")
        dialog.current.setChecked(True)
        assert dialog.forms[0].message("started").text() == "Read as Mar 2026."
        assert "Their position at Contoso ends" in dialog.forms[0].message("current").text()
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    on_next(PositionDialog, fill)
    section.add_button.click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert [section.list.item(i).text() for i in range(section.list.count())] == [
        "Now: Head of Data at Globex, since Mar 2026",
        "Analytics Lead at Contoso, until Mar 2026",
    ]
    assert window.people_page.pane.subtitle.text() == "Head of Data at Globex"
    assert (people.get_person(network["ana"]).company) == "Globex"
    # She is a former colleague at Contoso now.
    window.show_company(network["contoso"])
    kinds = [r[0] for r in rows(window.companies_page.pane.warm)]
    assert kinds.index("Worked there (2)") < kinds.index("Ana Abel")


def test_ending_the_open_position_leaves_no_company(qtbot, network, window, on_next):
    window.show_person(network["ben"])
    section = window.people_page.pane.positions

    def end(dialog):
        qtbot.waitUntil(dialog.isVisible)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.ended.hasFocus)
        assert not dialog.current.isChecked()
        qtbot.keyClicks(dialog.ended, "13/2025")
        assert "has no month 13" in dialog.forms[0].message("ended").text()
        assert not dialog.save_button.isEnabled()
        dialog.ended.clear()
        qtbot.keyClicks(dialog.ended, "2025-11")
        qtbot.keyClick(dialog.ended, Qt.Key.Key_Return)

    on_next(PositionDialog, end)
    section.end_button.click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert section.list.item(0).text() == "Contoso, until Nov 2025"
    assert people.get_person(network["ben"]).company == ""
    assert not section.end_button.isEnabled()  # nothing open to end


def test_deleting_a_position_asks_first(qtbot, network, window, on_next):
    window.show_person(network["finn"])
    section = window.people_page.pane.positions
    section.list.setCurrentRow(1)  # Contoso, before
    on_next(QMessageBox, lambda box: box.defaultButton().click())
    section.delete_button.click()
    qtbot.waitUntil(lambda: section.list.count() == 1)
    assert [p.company for p in positions.positions_of(network["finn"])] == ["Globex"]


def test_the_form_asks_whether_a_new_company_is_a_move(qtbot, network, window, on_next):
    def move(dialog):
        qtbot.waitUntil(dialog.isVisible)
        assert not dialog.moved.isVisibleTo(dialog)
        dialog.company.setText("Initech")
        assert dialog.moved.isVisibleTo(dialog) and dialog.moved.isChecked()
        assert "keep “Analytics Lead at Contoso”" in dialog.moved.text()
        dialog.save_button.click()

    on_next(PersonDialog, move)
    window.show_person(network["ana"])
    window.people_page.edit_current()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert [(p.company, bool(p.current)) for p in positions.positions_of(network["ana"])] == [
        ("Initech", True),
        ("Contoso", False),
    ]

    def correct(dialog):
        qtbot.waitUntil(dialog.isVisible)
        dialog.company.setText("Initech Inc")
        assert dialog.moved.isChecked()
        dialog.moved.click()  # a spelling: not a move
        dialog.title.setText("Analytics Lead")
        assert not dialog.moved.isChecked()  # the person's word stands
        dialog.save_button.click()

    on_next(PersonDialog, correct)
    window.people_page.edit_current()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert [p.company for p in positions.positions_of(network["ana"])] == ["Initech Inc", "Contoso"]
