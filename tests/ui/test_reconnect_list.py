"""The Follow-ups page's dormant ties, most worth reviving first, and Ctrl+R to reach out;
and the colours and words of who is due and who is overdue."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.core import actions, companies, people
from desktop.store.connection import db
from desktop.ui.models.followups_model import STATE_ROLE
from desktop.ui.pages.followups import FollowUpsPage

TODAY = date(2026, 3, 18)
LONG_AGO = date(2021, 6, 1)


def page_for(qtbot, today: date = TODAY) -> FollowUpsPage:
    page = FollowUpsPage(today=lambda: today)
    qtbot.addWidget(page)
    page.show()
    return settled(qtbot, page)


def settled(qtbot, page: FollowUpsPage) -> FollowUpsPage:
    qtbot.waitUntil(lambda: not page.figures.busy, timeout=15000)
    return page


def log(person_id: int, day: date, direction: str = "given") -> None:
    actions.create_action(
        actions.ActionData(
            occurred_on=day,
            counterpart_id=person_id,
            direction=direction,
            kind="other",
            summary="Talked",
        )
    )


def check_ins(person_id: int) -> list[tuple]:
    return db.execute_sql(
        "SELECT occurred_on, direction, kind, summary FROM action"
        " WHERE counterpart_id = ? AND kind = 'check_in'",
        (person_id,),
    ).fetchall()


def dormant_ties() -> dict[str, int]:
    companies.create_company(companies.CompanyData(name="Globex", is_target=True))
    made = {
        "plain": people.PersonData(name="Pat Plain"),
        "recruiter": people.PersonData(name="Rae Recruiter", roles=("recruiter",)),
        "target": people.PersonData(name="Tara Target", company="Globex"),
        "lately": people.PersonData(name="Lee Lately"),
    }
    ids = {key: people.create_person(data) for key, data in made.items()}
    for key in ("plain", "recruiter", "target"):
        log(ids[key], LONG_AGO)
    log(ids["recruiter"], LONG_AGO, "received")
    log(ids["lately"], TODAY - timedelta(days=40))
    return ids


def test_the_reconnect_list_shows_the_dormant_ties_in_order_with_reasons(qtbot, database):
    ids = dormant_ties()
    page = page_for(qtbot)
    assert page.is_expanded("reconnect")
    assert page.section_title("reconnect") == "Worth reconnecting (3)"
    rows = [page.row_texts("reconnect", row) for row in range(page.count("reconnect"))]
    assert [who for _when, who, _what, _company in rows] == [
        "Rae Recruiter",  # helped once and recruits: 4
        "Tara Target",  # a target company: 3
        "Pat Plain",
    ]
    assert rows[0][0] == "Last spoke 2021-06-01"
    assert rows[0][2] == "Helped you once; recruiter"
    assert rows[1][2:] == ("Works at Globex, a target company", "Globex")
    assert page.section_of("reconnect", ids["lately"]) is None
    assert "3 to reconnect" in page.summary_label.text()


def test_ctrl_r_reaches_out_logs_a_check_in_and_moves_to_the_next(qtbot, database):
    ids = dormant_ties()
    page = page_for(qtbot)
    page.tree.setFocus()
    heading = page.model.heading_rows()[4]  # the Reconnect heading
    page.tree.setCurrentIndex(page.model.index(heading, 0))
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)
    assert page.current() == ("reconnect", ids["recruiter"])
    assert page.reconnect_button.isEnabled()
    qtbot.keyClick(page.tree, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, page)
    assert check_ins(ids["recruiter"]) == [
        (TODAY.isoformat(), "given", "check_in", "Reached out to reconnect")
    ]
    assert page.section_of("reconnect", ids["recruiter"]) is None
    assert page.current() == ("reconnect", ids["target"])  # the next, ready for Ctrl+R
    assert page.section_title("reconnect") == "Worth reconnecting (2)"


def test_ctrl_r_on_anything_but_a_dormant_tie_logs_nothing(qtbot, database):
    ada = people.create_person(people.PersonData(name="Ada", cadence_days=7))
    log(ada, TODAY - timedelta(days=30))
    page = page_for(qtbot)
    assert page.select("reach_out", ada)
    assert not page.reconnect_button.isEnabled()
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, page)
    assert check_ins(ada) == []


def test_ctrl_r_in_the_window_reaches_out_and_can_be_undone(window, qtbot):
    today = date.today()
    ada = people.create_person(people.PersonData(name="Ada Byron"))
    log(ada, today - timedelta(days=4 * 365))
    window.show_page("follow-ups")
    page = settled(qtbot, window.followups_page)
    assert page.select("reconnect", ada)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, page)
    assert len(check_ins(ada)) == 1
    window.history.collect()
    assert window.history.undo_action.text() == "&Undo Reach out to ‘Ada Byron’"
    window.history.undo_action.trigger()
    qtbot.waitUntil(lambda: check_ins(ada) == [], timeout=15000)
    settled(qtbot, page)
    assert page.section_of("reconnect", ada) == "reconnect"


def test_due_is_amber_and_overdue_red_and_both_say_so_in_words(qtbot, database):
    # 'Close': every 14 days, at most 21.
    due = people.create_person(people.PersonData(name="Dee Due", tier="Close"))
    late = people.create_person(people.PersonData(name="Otto Overdue", tier="Close"))
    log(due, TODAY - timedelta(days=16))
    log(late, TODAY - timedelta(days=24))
    page = page_for(qtbot)
    first, second = (page.model.row(3, row) for row in range(2))
    assert (first.item_id, first.texts[0], first.state) == (late, "3 days past longest", "overdue")
    assert (second.item_id, second.texts[0], second.state) == (due, "2 days past ideal", "due")
    assert first.texts[2] == "Close: every 14 days, at most 21 · last contact 2026-02-22"
    start = page.model.heading_rows()[3]
    overdue_cell, due_cell = (page.model.index(start + n, 0) for n in (1, 2))
    assert overdue_cell.data(STATE_ROLE) == "overdue"
    assert overdue_cell.data(Qt.ItemDataRole.ForegroundRole) == QColor("#b3261e")
    assert due_cell.data(Qt.ItemDataRole.ForegroundRole) == QColor("#8a5300")
    assert overdue_cell.data(Qt.ItemDataRole.DecorationRole) is not None
    follow_up_cell = page.model.index(start + 1, 1)
    assert follow_up_cell.data(Qt.ItemDataRole.ForegroundRole) is None  # the When only
