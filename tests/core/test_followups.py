"""Follow-ups due by day, and the keep-in-touch cadence that any action resets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop import sample
from desktop.core import actions, companies, followups, people, ties
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
    # Its own 30 days; no longest of its own or a tier's: half as long again.
    assert reach == followups.ReachOut(
        grace, "Grace Hopper", "Navy", TODAY - 40 * DAY, 30, 45, "", TODAY - 10 * DAY, 10, -5
    )
    assert not reach.overdue
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
    assert (reach.last_contact, reach.days_past_ideal) == (None, (TODAY - date(2025, 1, 31)).days)
    people.update_person(grace, PersonData(name="Grace Hopper", cadence_days=30))
    db.execute_sql("UPDATE person SET created_at = '2026-03-01 12:00:00' WHERE id = ?", (grace,))
    assert followups.next_contact(grace) == date(2026, 3, 31)
    assert followups.buckets(TODAY).reach_out == []


def test_due_on_the_day_is_not_yet_overdue(grace):
    log(grace, TODAY - 30 * DAY)
    assert followups.next_contact(grace) == TODAY
    assert followups.buckets(TODAY).reach_out == []
    assert [r.days_past_ideal for r in followups.buckets(TODAY + DAY).reach_out] == [1]


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
    tiers = {tier.id: tier for tier in ties.list_tiers()}
    late, overdue_people = set(), set()
    for person_id, cadence, longest, tier_id, met_on, created_at in db.execute_sql(
        "SELECT id, cadence_days, longest_gap_days, tier_id, met_on, created_at FROM person"
    ):
        gaps = ties.effective_gaps(cadence, longest, tiers.get(tier_id))
        if gaps is None:
            continue
        start = date.fromisoformat(last.get(person_id) or met_on or created_at[:10])
        if start + timedelta(days=gaps.ideal_days) < TODAY:
            late.add(person_id)
        if start + timedelta(days=gaps.longest_days) < TODAY:
            overdue_people.add(person_id)
    assert {r.person_id for r in found.reach_out} == late
    assert {r.person_id for r in found.reach_out if r.overdue} == overdue_people
    assert overdue_people and late - overdue_people  # both colours are in the sample
    # The overdue first, each part the longest past first.
    order = [(not r.overdue, -(r.days_past_longest if r.overdue else r.days_past_ideal))
             for r in found.reach_out]  # fmt: skip
    assert order == sorted(order) and min(r.days_past_ideal for r in found.reach_out) >= 1


def test_company_named_on_the_action_wins(database):
    acme = companies.create_company(companies.CompanyData(name="Acme"))
    ada = people.create_person(PersonData(name="Ada", company="Globex"))
    log(ada, TODAY - DAY, company_id=acme, follow_up_on=TODAY)
    assert [f.company for f in followups.buckets(TODAY).today] == ["Acme"]


# -- tiers: due past the ideal gap, overdue past the longest -------------------------------
def tier_id(name: str) -> int:
    found = ties.tier_named(name)
    assert found is not None
    return found


def test_a_tier_gives_its_gaps_until_the_person_has_their_own(database):
    # 'Close' is every 14 days, at most 21.
    met = TODAY - 30 * DAY
    bo = people.create_person(PersonData(name="Bo", tier="Close", met_on=met))
    cy = people.create_person(PersonData(name="Cy", tier="Close", cadence_days=25, met_on=met))
    di = people.create_person(
        PersonData(name="Di", tier="Close", cadence_days=20, longest_gap_days=40, met_on=met)
    )
    found = {r.person_id: r for r in followups.buckets(TODAY).reach_out}
    assert (found[bo].ideal_days, found[bo].longest_days, found[bo].tier) == (14, 21, "Close")
    assert (found[bo].days_past_ideal, found[bo].days_past_longest) == (16, 9)
    assert found[bo].overdue
    # Its own ideal, longer than the tier's longest: half as long again.
    assert (found[cy].ideal_days, found[cy].longest_days) == (25, 38)
    assert (found[cy].days_past_ideal, found[cy].overdue) == (5, False)
    assert (found[di].longest_days, found[di].overdue) == (40, False)
    assert list(found) == [bo, di, cy]  # the overdue first, then the longest past ideal
    assert followups.due_summary(TODAY) == (0, 3)
    assert followups.next_contact(bo) == met + 14 * DAY


def test_due_the_day_after_the_ideal_gap_and_overdue_the_day_after_the_longest(database):
    ada = people.create_person(PersonData(name="Ada", tier="Regular"))  # 30, at most 45
    log(ada, TODAY - 30 * DAY)
    assert followups.buckets(TODAY).reach_out == []
    (due,) = followups.buckets(TODAY + DAY).reach_out
    assert (due.days_past_ideal, due.overdue) == (1, False)
    (still_due,) = followups.buckets(TODAY + 15 * DAY).reach_out
    assert still_due.overdue is False
    (overdue,) = followups.buckets(TODAY + 16 * DAY).reach_out
    assert (overdue.days_past_longest, overdue.overdue) == (1, True)


def test_leaving_the_tier_stops_the_chasing(database):
    ada = people.create_person(PersonData(name="Ada", tier="Close", met_on=TODAY - 60 * DAY))
    assert followups.due_summary(TODAY) == (0, 1)
    ties.assign_tier([ada], None)
    assert followups.due_summary(TODAY) == (0, 0)
    ties.assign_tier([ada], tier_id("Occasional"))  # 90 days: not yet
    assert followups.buckets(TODAY).reach_out == []


@pytest.mark.parametrize(
    ("cadence", "longest", "tier"),
    [
        (None, None, "Close"),
        (10, None, "Close"),
        (30, None, "Close"),
        (7, None, ""),
        (15, 17, ""),
        (None, 200, "Occasional"),
        (100, None, "Occasional"),
    ],
)
def test_the_sql_and_python_gaps_agree(database, cadence, longest, tier):
    ada = people.create_person(
        PersonData(name="Ada", cadence_days=cadence, longest_gap_days=longest, tier=tier,
                   met_on=TODAY - 3000 * DAY)
    )  # fmt: skip
    gaps = ties.gaps_of(ada)
    assert gaps is not None
    (found,) = followups.buckets(TODAY).reach_out
    assert (found.ideal_days, found.longest_days) == (gaps.ideal_days, gaps.longest_days)


def test_a_tier_edited_past_a_persons_own_longest_keeps_the_longest_no_shorter(database):
    ada = people.create_person(PersonData(name="Ada", tier="Close", longest_gap_days=20))
    ties.update_tier(tier_id("Close"), ties.TierData("Close", 30, 40))
    gaps = ties.gaps_of(ada)
    assert gaps is not None and (gaps.ideal_days, gaps.longest_days) == (30, 30)
    db.execute_sql("UPDATE person SET created_at = '2020-01-01 00:00:00'")
    (found,) = followups.buckets(TODAY).reach_out
    assert (found.ideal_days, found.longest_days) == (30, 30)
