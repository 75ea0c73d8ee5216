"""Tie strength: the level and every input it comes from, in words, on a fixed day."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.core import actions, companies, opportunities, people, tie_strength
from desktop.core.actions import ActionData
from desktop.core.people import PersonData
from desktop.store.connection import db

TODAY = date(2026, 3, 15)
DAY = timedelta(days=1)


def log(person_id: int, day: date, direction: str = "given") -> None:
    actions.create_action(
        ActionData(occurred_on=day, counterpart_id=person_id, direction=direction, summary="Met")
    )


def test_a_strong_tie_and_its_parts(database):
    companies.create_company(companies.CompanyData(name="Globex", is_target=True))
    opportunities.create_opportunity(
        opportunities.OpportunityData(company="Initech", title="Analyst")
    )
    ada = people.create_person(PersonData(name="Ada", company="Globex"))
    # Worked at Initech before: a position that ended.
    initech = companies.find_company("Initech")
    db.execute_sql(
        "INSERT INTO position (person_id, company_id, current, ended, source, created_at)"
        " VALUES (?, ?, 0, '2024', 'typed', '2026-01-01 00:00:00')",
        (ada, initech),
    )
    log(ada, TODAY - 200 * DAY)  # first helped
    log(ada, TODAY - 184 * DAY, "received")  # came back 16 days later
    for days in (100, 60, 30, 20, 12):
        log(ada, TODAY - days * DAY)
    found = tie_strength.tie_strength(ada, TODAY)
    assert found.level == "Strong"
    assert dict(found.parts()) == {
        "How recent": "Last contact 12 days ago (2026-03-03)",
        "How often": "7 actions in the last 12 months",
        "Both ways": "Given 6 · received 1 (both ways)",
        "Help came back": "16 days after I first helped",
        "Shared companies": "Globex (target) and Initech (opportunity)",
    }


def test_a_weak_tie_grows_moderate(database):
    ben = people.create_person(PersonData(name="Ben"))
    log(ben, TODAY - 200 * DAY)
    log(ben, TODAY - 150 * DAY)
    found = tie_strength.tie_strength(ben, TODAY)
    # Within a year 1, twice in twelve months 1, one way 0, nothing back 0, no companies 0.
    assert found.level == "Weak"
    log(ben, TODAY - 10 * DAY, "received")  # recent 2, three times 1, both ways 1
    found = tie_strength.tie_strength(ben, TODAY)
    assert found.level == "Moderate"  # 'came back' 190 days later: too slow to count
    assert found.came_back_text() == "190 days after I first helped"
    assert found.directions_text() == "Given 2 · received 1 (both ways)"


def test_nothing_logged_yet(database):
    cy = people.create_person(PersonData(name="Cy", met_on=TODAY - 30 * DAY))
    found = tie_strength.tie_strength(cy, TODAY)
    assert found.level == "Weak"
    assert dict(found.parts()) == {
        "How recent": "Nothing logged with them yet",
        "How often": "No actions in the last 12 months",
        "Both ways": "Given 0 · received 0",
        "Help came back": "I have not helped them yet",
        "Shared companies": "None of their companies is a target or has an opportunity of mine",
    }


def test_dormant_whatever_else_it_had(database):
    companies.create_company(companies.CompanyData(name="Globex", is_target=True))
    di = people.create_person(PersonData(name="Di", company="Globex"))
    log(di, date(2022, 1, 10))
    log(di, date(2022, 1, 12), "received")
    found = tie_strength.tie_strength(di, TODAY)
    assert found.level == "Dormant"
    assert found.recency_text() == "Last contact 1,523 days ago (2022-01-12)"
    assert found.came_back_text() == "2 days after I first helped"
    never = people.create_person(PersonData(name="Eve", met_on=date(2021, 5, 1)))
    assert tie_strength.tie_strength(never, TODAY).level == "Dormant"


def test_help_not_yet_back_and_one_way(database):
    fay = people.create_person(PersonData(name="Fay"))
    log(fay, TODAY)
    found = tie_strength.tie_strength(fay, TODAY)
    assert found.recency_text() == "Last contact today (2026-03-15)"
    assert found.frequency_text() == "1 action in the last 12 months"
    assert found.directions_text() == "Given 1 · received 0 (one way only)"
    assert found.came_back_text() == "Not yet since I first helped, on 2026-03-15"
