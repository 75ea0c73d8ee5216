"""The company dossier: needs, people with roles and parts, opportunities."""

from __future__ import annotations

from datetime import date

from desktop.core import companies, needs, opportunities, people
from desktop.core.dossier import dossier
from desktop.core.needs import NeedData
from desktop.core.opportunities import OpportunityData
from desktop.core.people import PersonData


def test_dossier_gathers_needs_people_and_opportunities(database):
    hana = people.create_person(
        PersonData(name="Hana", company="Initech", title="CTO", roles=("hiring_manager",))
    )
    zoe = people.create_person(PersonData(name="Zoë", company="Initech"))
    rita = people.create_person(PersonData(name="Rita", company="Agency", roles=("recruiter",)))
    people.create_person(PersonData(name="Elsewhere", company="Globex"))
    closed = needs.create_need(NeedData(company="Initech", title="Old", status="closed", urgency=3))
    low = needs.create_need(NeedData(company="Initech", title="Low", urgency=1))
    high = needs.create_need(NeedData(company="Initech", title="High", urgency=3))
    first = opportunities.create_opportunity(
        OpportunityData(
            company="Initech",
            title="Analyst",
            status_on=date(2026, 1, 1),
            people=[(rita, "recruiter"), (hana, "interviewer")],
        )
    )
    second = opportunities.create_opportunity(
        OpportunityData(
            company="Initech", title="Lead", status="applied", status_on=date(2026, 2, 1)
        )
    )
    found = dossier(companies.find_company("Initech"))
    assert [n.id for n in found.needs] == [high, low, closed]  # open and urgent first
    assert [(p.id, p.roles, p.works_here) for p in found.people] == [
        (hana, "Hiring manager, Interviewer", True),
        (rita, "Recruiter", False),  # met through the opportunity
        (zoe, "", True),
    ]
    assert [(o.id, o.status, o.status_on) for o in found.opportunities] == [
        (second, "applied", "2026-02-01"),
        (first, "interested", "2026-01-01"),
    ]


def test_empty_company_has_an_empty_dossier(database):
    company_id = companies.create_company(companies.CompanyData(name="Nobody Inc"))
    assert dossier(company_id) == ([], [], [])


def test_a_role_the_title_already_says_is_said_once(database):
    """As found: 'Recruiter, Recruiter' in a dossier."""
    for name, title in (
        ("Elena", "Senior Recruiter"),
        ("Gus", "Recruiter"),
        ("Kim", "Recruiting lead"),
    ):
        people.create_person(
            PersonData(name=name, company="Foxglove", title=title, roles=("recruiter", "mentor"))
        )
    found = dossier(companies.find_company("Foxglove"))
    assert [(p.title, p.roles) for p in found.people] == [
        ("Senior Recruiter", "Mentor"),
        ("Recruiter", "Mentor"),
        ("Recruiting lead", "Recruiter, Mentor"),  # 'Recruiting' is another word
    ]
