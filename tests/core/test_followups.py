"""Follow-ups due by day, and the keep-in-touch cadence that any action resets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop import sample
from desktop.core import actions, companies, followups, people
from desktop.core.actions import ActionData
from desktop.core.people import PersonData
from desktop.store.connection import db

TODAY = date(2026, 3, 15)
DAY = timedelta(days=1)


def log(person_id: int, day: date, **fields) -> int:
    fields.setdefault("summary", "Checked in")
    return actions.create_action(ActionData(occurred_on=day, counterpart_id=person_id, **fields))


def bucket_ids(today: date = TODAY) -> dict[str, list[int]]:
    found = followups.buckets(today)
    return {
        "overdue": [f.action_id for f in found.overdue],
        "today": [f.action_id for f in found.today],
        "this_week": [f.action_id for f in found.this_week],
    }


@pytest.fixture
def due(database):
    """Follow-ups due from yesterday to a week and a day from now, entered out of order."""
    ada = people.create_person(PersonData(name="Ada Lovelace", company="Acme"))
    offsets = {"in 8 days": 8, "tomorrow": 1, "yesterday": -1, "in 7 days": 7, "today": 0}
    ids = {
        name: log(ada, TODAY - 10 * DAY, follow_up_on=TODAY + offset * DAY)
        for name, offset in offsets.items()
    }
    ids["a week ago"] = log(ada, TODAY - 10 * DAY, follow_up_on=TODAY - 7 * DAY)
    ids["none"] = log(ada, TODAY - 10 * DAY)
    return ids


def test_follow_ups_fall_into_buckets_at_day_boundaries(due):
    assert bucket_ids() == {
        "overdue": [due["a week ago"], due["yesterday"]],
        "today": [due["today"]],
        "this_week": [due["tomorrow"], due["in 7 days"]],
    }
    assert bucket_ids(TODAY + DAY)["today"] == [due["tomorrow"]]
    assert followups.due_summary(TODAY) == (2, 0)


def test_follow_up_rows_say_who_what_and_where(due):
    (first,) = followups.buckets(TODAY).today
    # No company on the action: the person's is shown.
    assert first == followups.FollowUp(
        due["today"], TODAY, first.person_id, "Ada Lovelace", "check_in", "Checked in",
        "Acme", TODAY - 10 * DAY,
    )  # fmt: skip


def test_done_leaves_the_buckets_and_reopen_brings_it_back(due):
    actions.mark_follow_up_done(due["yesterday"])
    assert bucket_ids()["overdue"] == [due["a week ago"]]
    assert followups.due_summary(TODAY) == (1, 0)
    actions.reopen_follow_up(due["yesterday"])
    assert bucket_ids()["overdue"] == [due["a week ago"], due["yesterday"]]


def test_snooze_moves_between_buckets(due):
    actions.snooze_follow_up(due["a week ago"], TODAY + 3 * DAY)
    actions.snooze_follow_up(due["in 8 days"], TODAY)
    assert bucket_ids() == {
        "overdue": [due["yesterday"]],
        "today": [due["in 8 days"], due["today"]],
        "this_week": [due["tomorrow"], due["a week ago"], due["in 7 days"]],
    }


def test_a_done_follow_up_snoozed_is_open_again(due):
    actions.mark_follow_up_done(due["yesterday"])
    actions.snooze_follow_up(due["yesterday"], TODAY)
    assert due["yesterday"] in bucket_ids()["today"]


@pytest.fixture
def grace(database):
    return people.create_person(
        PersonData(name="Grace Hopper", company="Navy", cadence_days=30, met_on=date(2025, 1, 1))
    )


def test_cadence_counts_from_the_last_action(grace):
    log(grace, TODAY - 100 * DAY)
    log(grace, TODAY - 40 * DAY)
    (reach,) = followups.buckets(TODAY).reach_out
    assert reach == followups.ReachOut(
        grace, "Grace Hopper", "Navy", TODAY - 40 * DAY, 30, TODAY - 10 * DAY, 10
    )
    assert followups.next_contact(grace) == TODAY - 10 * DAY
    assert followups.due_summary(TODAY) == (0, 1)


@pytest.mark.parametrize("direction", ["given", "received"])
def test_any_action_resets_the_cadence(grace, direction):
    log(grace, TODAY - 40 * DAY)
    log(grace, TODAY - 2 * DAY, direction=direction, kind="thanks")
    assert followups.buckets(TODAY).reach_out == []
    assert followups.next_contact(grace) == TODAY + 28 * DAY


def test_being_only_the_beneficiary_does_not_count_as_contact(grace):
    ada = people.create_person(PersonData(name="Ada"))
    log(ada, TODAY - DAY, kind="referral", beneficiary_id=grace)
    assert followups.next_contact(grace) == date(2025, 1, 31)  # still from when we met


def test_no_actions_counts_from_met_on_then_from_entry(grace):
    assert followups.next_contact(grace) == date(2025, 1, 31)
    (reach,) = followups.buckets(TODAY).reach_out
    assert (reach.last_contact, reach.days_overdue) == (None, (TODAY - date(2025, 1, 31)).days)
    people.update_person(grace, PersonData(name="Grace Hopper", cadence_days=30))
    db.execute_sql("UPDATE person SET created_at = '2026-03-01 12:00:00' WHERE id = ?", (grace,))
    assert followups.next_contact(grace) == date(2026, 3, 31)
    assert followups.buckets(TODAY).reach_out == []


def test_due_on_the_day_is_not_yet_overdue(grace):
    log(grace, TODAY - 30 * DAY)
    assert followups.next_contact(grace) == TODAY
    assert followups.buckets(TODAY).reach_out == []
    assert [r.days_overdue for r in followups.buckets(TODAY + DAY).reach_out] == [1]


def test_people_without_cadence_are_never_chased(database):
    ada = people.create_person(PersonData(name="Ada", met_on=date(2020, 1, 1)))
    assert followups.next_contact(ada) is None
    assert followups.next_contact(12345) is None
    assert followups.buckets(TODAY).reach_out == []


def test_most_overdue_first(database):
    made = {
        name: people.create_person(PersonData(name=name, cadence_days=days, met_on=met))
        for name, days, met in (
            ("Bo", 7, date(2026, 3, 1)),
            ("Al", 30, date(2025, 12, 1)),
            ("Cy", 14, date(2026, 3, 10)),
        )
    }
    assert [r.person_id for r in followups.buckets(TODAY).reach_out] == [made["Al"], made["Bo"]]


def test_sample_network_buckets_agree_with_a_plain_reading(database):
    sample.generate_network(db, people=300, companies=30, actions=5000, months=18, today=TODAY)
    found = followups.buckets(TODAY)
    assert followups.due_summary(TODAY) == (len(found.overdue), len(found.reach_out))
    assert found.overdue and found.reach_out and found.this_week
    open_rows = db.execute_sql(
        "SELECT id, follow_up_on FROM action"
        " WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL"
    ).fetchall()
    overdue = sorted((d, i) for i, d in open_rows if d < TODAY.isoformat())
    assert [f.action_id for f in found.overdue] == [i for _, i in overdue]
    last: dict[int, str] = {}
    for person_id, day in db.execute_sql("SELECT counterpart_id, occurred_on FROM action"):
        last[person_id] = max(day, last.get(person_id, day))
    late = set()
    for person_id, cadence, met_on, created_at in db.execute_sql(
        "SELECT id, cadence_days, met_on, created_at FROM person WHERE cadence_days IS NOT NULL"
    ):
        start = last.get(person_id) or met_on or created_at[:10]
        if date.fromisoformat(start) + timedelta(days=cadence) < TODAY:
            late.add(person_id)
    assert {r.person_id for r in found.reach_out} == late
    days = [r.days_overdue for r in found.reach_out]
    assert days == sorted(days, reverse=True) and min(days) >= 1


def test_company_named_on_the_action_wins(database):
    acme = companies.create_company(companies.CompanyData(name="Acme"))
    ada = people.create_person(PersonData(name="Ada", company="Globex"))
    log(ada, TODAY - DAY, company_id=acme, follow_up_on=TODAY)
    assert [f.company for f in followups.buckets(TODAY).today] == ["Acme"]
