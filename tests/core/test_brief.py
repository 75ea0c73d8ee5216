"""The interview brief: the company's needs with my fit, the people I'll meet, what I was told."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import brief, companies, needs, opportunities, people, profile
from desktop.core.actions import ActionData, create_action
from desktop.core.brief import Part


def person(name: str, company: str = "", title: str = "", roles: tuple[str, ...] = ()) -> int:
    return people.create_person(
        people.PersonData(name=name, company=company, title=title, roles=roles)
    )


def need(title: str, skills: list[str], company: str = "Acme", **more) -> int:
    return needs.create_need(needs.NeedData(company=company, title=title, skills=skills, **more))


def told(day: date, kind: str, who: int, summary: str, **more) -> int:
    data = ActionData(day, "received", kind, who, summary=summary, **more)
    return create_action(data)


@pytest.fixture
def network(database):
    """Acme, with three needs, two live openings, a closed one, staff and an agency recruiter."""
    profile.save_profile(
        profile.ProfileData(name="Maya Chen", skills=["Python", "SQL"], pitch="I build pipelines.")
    )
    acme = companies.create_company(
        companies.CompanyData(
            name="Acme", industry="Fintech", location="Berlin", website="https://acme.example"
        )
    )
    ids = {"acme": acme}
    ids["hana"] = person("Hana Ito", "Acme", "VP Data", ("hiring_manager",))
    ids["ivo"] = person("Ivo Berg", "Acme", "Staff engineer", ("interviewer", "mentor"))
    ids["sam"] = person("Sam Ray", "Acme", "Analyst")
    ids["uma"] = person("Uma Dos", "Acme", "Designer")
    ids["rita"] = person("Rita Vogel", "Talent Co", "Recruiter", ("recruiter",))
    ids["zed"] = person("Zed Okafor", "Other Co")
    ids["platform"] = need(
        "Data platform",
        ["Python", "SQL", "Airflow"],
        problem="Every team reports a different revenue number.",
        for_whom="boss",
        urgency=3,
        source_person_id=ids["hana"],
        learned_on=date(2025, 2, 1),
    )
    ids["dashboards"] = need("Dashboards", ["Tableau"], for_whom="customers")
    ids["old"] = need("Old system", ["COBOL"], status="filled")
    need("Elsewhere", ["Python"], company="Other Co")
    ids["engineer"] = opportunities.create_opportunity(
        opportunities.OpportunityData(
            company="Acme",
            title="Data engineer",
            need_id=ids["platform"],
            status="interviewing",
            people=[
                (ids["ivo"], "interviewer"),
                (ids["rita"], "recruiter"),
                (ids["hana"], "hiring_manager"),
            ],
        )
    )
    ids["analyst"] = opportunities.create_opportunity(
        opportunities.OpportunityData(
            company="Acme", title="Analyst", status="applied", people=[(ids["sam"], "interviewer")]
        )
    )
    opportunities.create_opportunity(
        opportunities.OpportunityData(
            company="Acme", title="Gone", status="withdrawn", people=[(ids["zed"], "referrer")]
        )
    )
    return ids


def test_open_needs_first_with_my_fit_and_a_filled_one_as_background(network):
    result = brief.company_brief(network["acme"], today=date(2025, 6, 1))
    assert result.company.name == "Acme" and result.company.industry == "Fintech"
    assert (result.my_name, result.my_pitch) == ("Maya Chen", "I build pipelines.")
    assert result.prepared_on == date(2025, 6, 1)
    assert [n.title for n in result.needs] == ["Data platform", "Dashboards", "Old system"]
    platform = result.needs[0]
    assert (platform.for_whom, platform.urgency, platform.status) == ("A boss", "High", "Open")
    assert platform.problem == "Every team reports a different revenue number."
    assert (platform.source, platform.learned_on) == ("Hana Ito", date(2025, 2, 1))
    assert platform.fit.level == "strong"
    assert (platform.fit.matched, platform.fit.missing) == (["Python", "SQL"], ["Airflow"])
    assert result.needs[1].fit.level == "none"
    assert not result.needs[2].is_open and result.needs[2].status == "Filled"
    assert result.open_needs_left_out == 0
    # Skills: what I bring to the open needs, and what they call for that I lack;
    # the filled need's COBOL is history, not something to read up on.
    assert result.bring == ("Python", "SQL")
    assert result.gaps == ("Airflow", "Tableau")


def test_many_open_needs_leave_the_closed_ones_out_and_say_how_many_did_not_fit(
    network, monkeypatch
):
    monkeypatch.setattr(brief, "MAX_NEEDS", 1)
    result = brief.company_brief(network["acme"])
    assert [n.title for n in result.needs] == ["Data platform"]
    assert result.open_needs_left_out == 1


def test_people_of_the_interview_first_with_their_parts_then_the_staff(network):
    result = brief.company_brief(network["acme"], network["engineer"])
    assert result.opening.title == "Data engineer"
    assert result.opening.status == "Interviewing"
    assert result.opening.need == "Data platform"
    assert [o.title for o in result.openings] == ["Analyst"]
    shown = [(p.name, p.parts) for p in result.people]
    assert shown == [
        ("Hana Ito", (Part("Hiring manager", "Data engineer"),)),
        ("Rita Vogel", (Part("Recruiter", "Data engineer"),)),
        ("Ivo Berg", (Part("Interviewer", "Data engineer"),)),
        ("Sam Ray", (Part("Interviewer", "Analyst"),)),
        ("Uma Dos", ()),
    ]
    rita = result.people[1]
    assert (rita.title, rita.elsewhere, rita.roles) == ("Recruiter", "Talent Co", ("Recruiter",))
    ivo = result.people[2]
    assert (ivo.elsewhere, ivo.roles) == ("", ("Interviewer", "Mentor"))
    assert result.people_left_out == 0
    # The withdrawn opening's referrer, who works elsewhere, is not someone I'll meet.
    assert "Zed Okafor" not in [p.name for p in result.people]


def test_the_interviews_need_comes_first_even_when_filled(network):
    needs.update_need(
        network["dashboards"], needs.NeedData(company="Acme", title="Dashboards", status="closed")
    )
    analyst = network["analyst"]
    data = opportunities.get_opportunity(analyst)
    data.need_id = network["dashboards"]
    opportunities.update_opportunity(analyst, data)
    result = brief.company_brief(network["acme"], analyst)
    assert [n.title for n in result.needs][:2] == ["Dashboards", "Data platform"]
    assert result.people[0].name == "Sam Ray"


def test_a_long_staff_list_is_cut_and_counted(network, monkeypatch):
    monkeypatch.setattr(brief, "MAX_PEOPLE", 3)
    result = brief.company_brief(network["acme"], network["engineer"])
    assert [p.name for p in result.people] == ["Hana Ito", "Rita Vogel", "Ivo Berg"]
    assert result.people_left_out == 2  # Sam and Uma work at Acme; Rita does not


def test_what_they_told_me_is_received_about_the_company_newest_first(network):
    hana, rita, ivo, zed = (network[k] for k in ("hana", "rita", "ivo", "zed"))
    acme, other = network["acme"], companies.find_company("Other Co")
    insight = told(date(2025, 3, 1), "company_insight", hana, "Hana: the board wants one number")
    lead = told(
        date(2025, 3, 5), "job_lead", rita, "Rita: the role opens in April", company_id=acme
    )
    about_need = told(
        date(2025, 2, 10), "company_insight", zed, "Zed: late", need_id=network["platform"]
    )
    prep = told(
        date(2025, 3, 3), "interview_prep", ivo, "Mock interview", notes="Ask about on-call."
    )
    # Not news about Acme: thanks, something I gave, and Ivo's tip about another company.
    told(date(2025, 3, 6), "thanks", hana, "Thanks for the intro")
    create_action(ActionData(date(2025, 3, 7), "given", "referral", hana, summary="I referred Bo"))
    told(date(2025, 3, 8), "company_insight", ivo, "Other Co is hiring", company_id=other)
    result = brief.company_brief(acme)
    assert [t.id for t in result.told] == [lead, prep, insight, about_need]
    first = result.told[0]
    assert (first.occurred_on, first.kind, first.person) == (
        date(2025, 3, 5),
        "Job lead",
        "Rita Vogel",
    )
    assert result.told[1].notes == "Ask about on-call."


def test_told_keeps_only_the_latest(network, monkeypatch):
    monkeypatch.setattr(brief, "MAX_TOLD", 2)
    for day in range(1, 6):
        told(date(2025, 1, day), "company_insight", network["hana"], f"Insight {day}")
    result = brief.company_brief(network["acme"])
    assert [t.summary for t in result.told] == ["Insight 5", "Insight 4"]


def test_an_empty_company_gives_an_empty_but_valid_brief(database):
    company_id = companies.create_company(companies.CompanyData(name="Quiet Ltd"))
    result = brief.company_brief(company_id)
    assert result.company.name == "Quiet Ltd"
    assert (result.my_name, result.my_pitch, result.my_skills) == ("", "", ())
    assert result.opening is None
    assert result.openings == result.needs == result.people == result.told == ()
    assert result.bring == result.gaps == ()
    assert result.open_needs_left_out == result.people_left_out == 0


def test_a_missing_company_or_an_opening_elsewhere_is_refused(network):
    with pytest.raises(LookupError):
        brief.company_brief(network["acme"] + 1000)
    elsewhere = opportunities.create_opportunity(
        opportunities.OpportunityData(company="Other Co", title="Tester")
    )
    with pytest.raises(ValueError, match="not at this company"):
        brief.company_brief(network["acme"], elsewhere)


def test_the_interview_brings_its_posting_and_notes_and_other_roles_are_counted(database):
    focus = opportunities.create_opportunity(
        opportunities.OpportunityData(
            company="Acme",
            title="Data engineer",
            status="interviewing",
            url="https://acme.example/jobs/7",
            notes="Ask about the on-call rota.",
        )
    )
    for n in range(brief.MAX_OPENINGS + 2):
        opportunities.create_opportunity(
            opportunities.OpportunityData(company="Acme", title=f"Role {n}", status="applied")
        )
    opportunities.create_opportunity(
        opportunities.OpportunityData(company="Acme", title="Old", status="withdrawn")
    )
    company_id = opportunities.company_of(focus)
    found = brief.company_brief(company_id, focus)
    assert (found.opening.url, found.opening.notes) == (
        "https://acme.example/jobs/7",
        "Ask about the on-call rota.",
    )
    assert len(found.openings) == brief.MAX_OPENINGS and found.openings_left_out == 2
    overview = brief.company_brief(company_id)
    assert len(overview.openings) == brief.MAX_OPENINGS
    assert overview.openings_left_out == 3  # 8 active in all
