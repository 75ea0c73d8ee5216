"""The Follow-ups page: buckets by due date, done and snooze, and people to reach out to."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from desktop.core import actions, people
from desktop.ui.pages.followups import FollowUpsPage

TODAY = date(2026, 3, 18)


def page_for(qtbot):
    page = FollowUpsPage(today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    return settled(qtbot, page)


def settled(qtbot, page):
    """The page once the buckets it was working out are on screen."""
    qtbot.waitUntil(lambda: not page.figures.busy, timeout=15000)
    return page


def log(person_id, occurred_on, follow_up_on=None, summary="Sent my notes"):
    return actions.create_action(
        actions.ActionData(
            occurred_on=occurred_on,
            counterpart_id=person_id,
            summary=summary,
            follow_up_on=follow_up_on,
        )
    )


def section_count(page, key):
    return page.count(key)


def test_marking_done_moves_a_follow_up_out_of_overdue(qtbot, add_people):
    (ada,) = add_people("Ada")
    late = log(ada, TODAY - timedelta(days=10), TODAY - timedelta(days=2))
    page = page_for(qtbot)
    assert page.section_of("follow_up", late) == "overdue"
    assert page.section_title("overdue") == "Overdue (1)"
    assert page.select("follow_up", late)
    page.done_button.click()
    assert not page.done_button.isEnabled()  # nothing to act on until the list is back
    settled(qtbot, page)
    assert page.section_of("follow_up", late) is None
    assert section_count(page, "overdue") == 0
    assert actions.get_action(late) is not None


def test_snoozing_moves_between_buckets(qtbot, add_people):
    (ada,) = add_people("Ada")
    due_today = log(ada, TODAY - timedelta(days=5), TODAY)
    page = page_for(qtbot)
    assert page.section_of("follow_up", due_today) == "today"
    page.select("follow_up", due_today)
    page.day_button.click()
    settled(qtbot, page)
    assert page.section_of("follow_up", due_today) == "this_week"
    assert actions.get_action(due_today).follow_up_on == TODAY + timedelta(days=1)
    page.select("follow_up", due_today)
    page.week_button.click()
    settled(qtbot, page)
    assert actions.get_action(due_today).follow_up_on == TODAY + timedelta(days=8)
    assert page.section_of("follow_up", due_today) == "later"  # beyond this week
    fresh = page_for(qtbot)
    assert not fresh.is_expanded("later")  # not due yet: folded away
    assert fresh.summary_label.text().endswith("· 1 later")


def test_people_past_their_keep_in_touch_date_are_listed_until_contacted(qtbot, add_people):
    (ada,) = add_people(people.PersonData(name="Ada", cadence_days=14))
    log(ada, TODAY - timedelta(days=20))
    page = page_for(qtbot)
    assert page.section_of("reach_out", ada) == "reach_out"
    when, who, *_ = page.row_texts("reach_out", 0)
    assert when == "6 days past ideal" and who == "Ada"  # 14 days, at most 21: due
    log(ada, TODAY - timedelta(days=1), summary="She wrote to me")  # received or given: resets
    page.refresh()
    settled(qtbot, page)
    assert page.section_of("reach_out", ada) is None


def test_status_bar_says_what_is_overdue_once(window, add_people):
    (ada,) = add_people(people.PersonData(name="Ada", cadence_days=7))
    log(ada, date.today() - timedelta(days=30), date.today() - timedelta(days=3))
    window.announce_due()
    assert window.statusBar().currentMessage() == (
        "1 follow-up overdue and 1 person to reach out to. See Follow-ups (Ctrl+5)."
    )


def test_marking_done_keeps_the_place_in_the_list(qtbot, add_people):
    (ada,) = add_people("Ada")
    first = log(ada, TODAY - timedelta(days=10), TODAY - timedelta(days=3))
    second = log(ada, TODAY - timedelta(days=9), TODAY - timedelta(days=2))
    page = page_for(qtbot)
    page.select("follow_up", first)
    page.done_button.click()
    settled(qtbot, page)
    assert page.current() == ("follow_up", second)
    assert page.done_button.isEnabled()


def test_undo_brings_back_the_follow_up_marked_done(qtbot, add_people):
    (ada,) = add_people("Ada")
    late = log(ada, TODAY - timedelta(days=10), TODAY - timedelta(days=2))
    page = page_for(qtbot)
    assert not page.undo_button.isEnabled()
    page.select("follow_up", late)
    page.done_button.click()
    settled(qtbot, page)
    assert page.section_of("follow_up", late) is None
    page.undo_button.click()
    settled(qtbot, page)
    assert page.section_of("follow_up", late) == "overdue"
    assert page.current() == ("follow_up", late)
    assert not page.undo_button.isEnabled()


def test_enter_on_a_folded_heading_shows_what_it_holds(qtbot, add_people):
    (ada,) = add_people("Ada")
    ahead = log(ada, TODAY, TODAY + timedelta(days=30))
    page = page_for(qtbot)
    assert not page.is_expanded("later")
    rows_folded = page.model.rowCount()
    heading = page.model.heading_rows()[-1]
    page.tree.setFocus()
    page.tree.setCurrentIndex(page.model.index(heading, 0))
    assert page.current() is None  # a heading is not something to act on
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert page.is_expanded("later")
    assert page.model.rowCount() == rows_folded + 1
    assert page.model.index(heading + 1, 1).data() == "Ada"
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)
    assert page.current() == ("follow_up", ahead)
    assert page.done_button.isEnabled()


def test_hundreds_of_people_to_reach_out_to_are_all_listed(qtbot, database):
    many = [
        people.PersonData(name=f"Person {n:04}", cadence_days=7, met_on=TODAY - timedelta(days=30))
        for n in range(600)
    ]
    for data in many:
        people.create_person(data)
    page = page_for(qtbot)
    assert page.count("reach_out") == 600
    assert page.section_title("reach_out") == "Time to reach out (600)"
    last = page.model.index(page.model.rowCount() - 3, 1)  # the Reconnect and Later headings
    assert last.data().startswith("Person ")
