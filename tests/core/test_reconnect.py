"""Dormant ties: who counts as dormant on a fixed day, how they are ranked, the reasons in
words, and reaching out as one step that takes them off the list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.core import actions, companies, needs, people, reconnect, undo
from desktop.core.actions import ActionData
from desktop.core.people import PersonData
from desktop.store import undo_log
from desktop.store.connection import db

TODAY = date(2026, 3, 15)
THREE_YEARS_AGO = date(2023, 3, 15)
DAY = timedelta(days=1)


def log(person_id: int, day: date, direction: str = "given") -> int:
    return actions.create_action(
        ActionData(occurred_on=day, counterpart_id=person_id, direction=direction, summary="Met")
    )


def listed(today: date = TODAY) -> list[int]:
    return [tie.person_id for tie in reconnect.dormant(today)]


def test_dormant_from_three_years_without_an_action_either_way(database):
    given = people.create_person(PersonData(name="Given long ago"))
    received = people.create_person(PersonData(name="Received long ago"))
    recent = people.create_person(PersonData(name="Recent"))
    log(given, THREE_YEARS_AGO)
    log(received, THREE_YEARS_AGO - DAY, "received")
    log(recent, THREE_YEARS_AGO - 400 * DAY)
    log(recent, THREE_YEARS_AGO + DAY, "received")  # one received lately is enough
    assert set(listed()) == {given, received}
    assert listed(TODAY - DAY) == [received]  # on the day before, one is not three years yet
    assert reconnect.dormant_count(TODAY) == 2


def test_never_logged_counts_from_when_we_met_then_from_entry(database):
    met_long_ago = people.create_person(PersonData(name="Met", met_on=THREE_YEARS_AGO))
    met_lately = people.create_person(PersonData(name="Lately", met_on=TODAY - 30 * DAY))
    entered = people.create_person(PersonData(name="Entered"))
    db.execute_sql(
        "UPDATE person SET created_at = '2022-01-01 09:00:00' WHERE id IN (?, ?)",
        (entered, met_lately),
    )
    assert set(listed()) == {met_long_ago, entered}
    (met,) = [t for t in reconnect.dormant(TODAY) if t.person_id == met_long_ago]
    assert (met.last_contact, met.since) == (None, THREE_YEARS_AGO)
    assert met.last_spoke == "Nothing logged since we met, 2023-03-15"


def test_being_only_the_beneficiary_is_not_contact(database):
    ada = people.create_person(PersonData(name="Ada", met_on=date(2020, 1, 1)))
    ben = people.create_person(PersonData(name="Ben"))
    actions.create_action(
        ActionData(occurred_on=TODAY - DAY, counterpart_id=ben, beneficiary_id=ada,
                   kind="referral", summary="Referred Ada to Ben")
    )  # fmt: skip
    assert listed() == [ada]


@pytest.fixture
def ranked(database):
    """Dormant ties with each reason, and one with none, all last met on one day."""
    companies.create_company(companies.CompanyData(name="Globex", is_target=True))
    companies.create_company(companies.CompanyData(name="Initech"))
    needs.create_need(needs.NeedData(company="Initech", title="Data platform"))
    companies.create_company(companies.CompanyData(name="Umbrella"))
    needs.create_need(needs.NeedData(company="Umbrella", title="Old", status="filled"))
    made = {
        "plain": PersonData(name="Plain Pat", company="Umbrella"),
        "target": PersonData(name="Tara Target", company="Globex"),
        "need": PersonData(name="Ned Need", company="Initech"),
        "helper": PersonData(name="Hal Helper"),
        "recruiter": PersonData(name="Rae Recruiter", roles=("recruiter", "mentor")),
        "all": PersonData(name="Ali All", company="Globex", roles=("hiring_manager", "recruiter")),
    }
    ids = {key: people.create_person(data) for key, data in made.items()}
    old = date(2022, 6, 1)
    for person_id in ids.values():
        log(person_id, old)
    for _ in range(3):
        log(ids["helper"], old - DAY, "received")
        log(ids["all"], old - DAY, "received")
    log(ids["recruiter"], old, "received")
    needs.create_need(needs.NeedData(company="Globex", title="Security review"))
    return ids


def test_the_most_worth_reviving_first(ranked):
    order = [
        "all",  # target and open need 6, helped often 3, hires 2
        "target",  # Globex is a target with an open need: 6
        "recruiter",  # helped once 2, recruits 2
        "helper",  # helped three times: 3
        "need",  # an open need: 3 (and helped less than the helper)
        "plain",  # nothing known
    ]
    assert listed() == [ranked[key] for key in order]


def test_each_reason_in_words(ranked):
    found = {tie.person_id: tie for tie in reconnect.dormant(TODAY)}
    words = {key: found[ranked[key]].reasons for key in ranked}
    assert words == {
        "all": "Works at Globex, a target company with an open need; helped you 3 times;"
        " hiring manager and recruiter",
        "target": "Works at Globex, a target company with an open need",
        "need": "Works at Initech, which has an open need",
        "helper": "Helped you 3 times",
        "recruiter": "Helped you once; recruiter",
        "plain": "Nothing known yet that makes them likelier to help",
    }
    assert found[ranked["plain"]].last_spoke == "Last spoke 2022-06-01"


def test_a_target_without_an_open_need_says_so(database):
    companies.create_company(companies.CompanyData(name="Globex", is_target=True))
    tara = people.create_person(PersonData(name="Tara", company="Globex", met_on=date(2020, 1, 1)))
    (tie,) = reconnect.dormant(TODAY)
    assert (tie.person_id, tie.reasons) == (tara, "Works at Globex, a target company")


def test_the_list_is_cut_at_its_limit_but_counted_whole(database):
    for n in range(5):
        people.create_person(PersonData(name=f"Person {n}", met_on=date(2020, 1, 1 + n)))
    assert len(reconnect.dormant(TODAY, limit=3)) == 3
    assert reconnect.dormant_count(TODAY) == 5


@pytest.fixture
def history(database):
    undo_log.keep(db)
    yield
    undo_log.stop(db)


def test_reaching_out_logs_a_check_in_as_one_step_and_leaves_the_list(history):
    ada = people.create_person(PersonData(name="Ada Lovelace", met_on=date(2020, 1, 1)))
    assert listed() == [ada]
    steps = len(undo_log.steps_since(0, db))
    action_id = reconnect.reach_out(ada, TODAY)
    found = actions.get_action(action_id)
    assert (found.occurred_on, found.direction, found.kind, found.counterpart_id) == (
        TODAY,
        "given",
        "check_in",
        ada,
    )
    assert found.summary == "Reached out to reconnect"
    assert listed() == [] and not reconnect.is_dormant(ada, TODAY)
    (step,) = undo_log.steps_since(0, db)[steps:]
    assert step.label == "Reach out to ‘Ada Lovelace’"
    undo.reverse(step.step)
    assert listed() == [ada] and reconnect.is_dormant(ada, TODAY)


def test_years_before_a_leap_day():
    assert reconnect.years_before(date(2024, 2, 29), 3) == date(2021, 2, 28)
    assert reconnect.years_before(TODAY, 3) == THREE_YEARS_AGO
